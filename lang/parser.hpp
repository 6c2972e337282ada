// The parser: Go source text to the AST of lang/ast.hpp.
#pragma once

#include <memory>

#include "lang/ast.hpp"
#include "lang/diagnostic.hpp"
#include "lang/source.hpp"

namespace lockstep::lang {

// Parses one Go source file. Also fills File::directives (`//lockstep:...` comments) and
// File::expected_output (the `// Output:` block closing func main). Throws
// DiagnosticError at the first lexical or syntax error, with Go's message, and for Go
// that lockstep does not support (`unsupported: generics (type parameters)`).
// Nesting deeper than k_max_nesting (parentheses, types, blocks) is a diagnostic too.
std::unique_ptr<File> parse_file(const SourceFile& src);

inline constexpr int k_max_nesting = 1000;

}  // namespace lockstep::lang
