// A scenario file taken through the front end: read, parsed, type-checked, its directives
// validated and its entry points listed. Everything that can be a user's mistake happens
// here and is a lang::DiagnosticError.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/driver/directives.hpp"
#include "lang/ast.hpp"
#include "lang/source.hpp"
#include "lang/types.hpp"

namespace lockstep::cli {

struct LoadedScenario {
    std::unique_ptr<lang::SourceFile> source;  // outlives file and types, which point into it
    std::unique_ptr<lang::File> file;
    std::unique_ptr<lang::TypeInfo> types;
    ScenarioDirectives directives;
    // "main", or for a *_test.go file its `func TestXxx(t *testing.T)` functions in source order.
    std::vector<std::string> entries;
    int lang_minor = 19;  // the Go 1.N the scenario was checked as
};

// Fills `scenario`. Throws lang::DiagnosticError for an unreadable file, a syntax or type
// error, unsupported Go, a bad directive, or a test file without tests. The diagnostics
// point into scenario.source, so `scenario` is the caller's: it must still be alive when
// the caller renders them.
// `lang_minor` is --lang's version; without it go.mod's `go` line decides, else Go 1.19.
// `tests` false leaves a directory's _test.go files out (`go run DIR`).
void load_scenario(const std::string& path, LoadedScenario& scenario, std::optional<int> lang_minor = std::nullopt,
                   bool tests = true);

// Test entry points: `TestXxx` where Xxx does not start with a lower-case letter (go test's rule).
bool is_test_name(std::string_view name);
// `name` is prefix followed by nothing or by a character that is not a lower-case letter.
bool has_entry_prefix(std::string_view name, std::string_view prefix);

}  // namespace lockstep::cli
