// The entry point of the type checker and resolver: from a parsed File to its TypeInfo,
// filling in the AST's checker slots (see the contract at the top of lang/types.hpp).
#pragma once

#include <memory>
#include <string>

#include "lang/ast.hpp"
#include "lang/types.hpp"

namespace lockstep::lang {

struct CheckOptions {
    // Accept `import "testing"` and `func TestXxx(t *testing.T)` entry points (tier 2;
    // not supported yet: importing testing is `unsupported: package "testing"`).
    bool allow_testing = false;
    // Require `func main` when the package is main (off for *_test.go files).
    bool require_main = true;
    // The language version, Go 1.N (go.mod's `go` line or --lang): from 22 on, range over
    // integers is accepted and loop variables are per iteration (TypeInfo::lang_minor).
    int lang_minor = 19;
    // go.mod's module path: an import of a package of this module (or of another
    // module) is reported as such. Empty without a go.mod.
    std::string module_path;
    // Set by check_file for a dependency of the checked package: its import path.
    std::string import_path;
};

// Resolves every name, types every expression, checks the program with Go 1.19's rules
// and messages. Throws DiagnosticError at the first error (`undefined: x`,
// `x declared but not used`, `"fmt" imported and not used`, `cannot use ...`,
// `missing return`, `unsupported: ...`), positioned like the Go compiler.
std::unique_ptr<TypeInfo> check_file(File& file);
std::unique_ptr<TypeInfo> check_file(File& file, const CheckOptions& options);

}  // namespace lockstep::lang
