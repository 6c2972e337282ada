// The front-end half of the pipeline: load → lang::parse_file → lang::check_file.
#include "cli/driver/front_end.hpp"

#include <filesystem>

#include "cli/driver/go_version.hpp"
#include "cli/driver/loader.hpp"
#include "lang/check.hpp"
#include "lang/diagnostic.hpp"
#include "lang/parser.hpp"

namespace lockstep::cli {

namespace {
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
}  // namespace

bool has_entry_prefix(std::string_view name, std::string_view prefix) {
    if (name.substr(0, prefix.size()) != prefix) return false;
    if (name.size() == prefix.size()) return true;
    char c = name[prefix.size()];
    return !(c >= 'a' && c <= 'z');
}

bool is_test_name(std::string_view name) { return name != "TestMain" && has_entry_prefix(name, "Test"); }

void load_scenario(const std::string& path, LoadedScenario& s, std::optional<int> lang_minor, bool with_tests) {
    s.source = load_source(path, with_tests);
    s.file = lang::parse_file(*s.source);
    // Directives first: a typo in //lockstep:expect is reported even if the Go is wrong too.
    s.directives = read_directives(*s.file);
    // A package with _test.go files runs as `go test` does: its tests are the entries.
    auto in_test_file = [&](lang::Pos pos) { return ends_with(s.source->file_line(pos.line).path, "_test.go"); };
    bool tests = false;
    for (const auto& unit : s.file->units) tests = tests || in_test_file({unit.first_line, 1});
    lang::CheckOptions options;
    options.allow_testing = tests;
    options.require_main = !tests;
    options.module_path = go_mod_module(path);
    if (!lang_minor) lang_minor = go_mod_lang(path);
    s.lang_minor = options.lang_minor = lang_minor.value_or(19);
    s.types = lang::check_file(*s.file, options);
    if (tests) {
        for (const auto* decl : s.file->decls) {
            const auto* fn = decl->as<lang::FuncDecl>();
            if (!fn || fn->recv || !fn->name || !in_test_file(fn->name->pos)) continue;
            const std::string& name = fn->name->name;
            auto fail = [&](const std::string& message) {
                throw lang::DiagnosticError(lang::Diagnostic{s.source.get(), fn->name->pos, message});
            };
            if (name == "TestMain") fail("unsupported: TestMain (lockstep runs each TestXxx as its own program; check the tests without TestMain)");
            if (has_entry_prefix(name, "Benchmark")) fail("unsupported: benchmark " + name + " (lockstep checks TestXxx functions only)");
            if (has_entry_prefix(name, "Fuzz")) fail("unsupported: fuzz target " + name + " (lockstep checks TestXxx functions only)");
            if (!is_test_name(name)) continue;
            const lang::Object* obj = fn->name->obj;
            if (!obj || lang::type_string(obj->type) != "func(*testing.T)")
                fail("wrong signature for " + name + ", must be: func " + name + "(t *testing.T)");
            s.entries.push_back(name);
        }
        if (s.entries.empty())
            throw lang::DiagnosticError(lang::Diagnostic{s.source.get(), {}, "no test functions (func TestXxx(t *testing.T)) in test file"});
    } else if (s.file->package_name->name != "main" && std::filesystem::is_directory(path)) {
        // A library package without tests: built (checked), nothing to run, as go test's
        // "[no test files]".
    } else {
        s.entries.push_back("main");
    }
}

}  // namespace lockstep::cli
