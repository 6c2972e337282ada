// The front-end half of the pipeline: load → lang::parse_file → lang::check_file.
#include "cli/driver/front_end.hpp"

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

bool is_test_name(std::string_view name) {
    if (name.substr(0, 4) != "Test") return false;
    if (name.size() == 4) return true;
    char c = name[4];
    return !(c >= 'a' && c <= 'z');
}

void load_scenario(const std::string& path, LoadedScenario& s) {
    s.source = load_source(path);
    s.file = lang::parse_file(*s.source);
    // Directives first: a typo in //lockstep:expect is reported even if the Go is wrong too.
    s.directives = read_directives(*s.file);
    bool test_file = ends_with(path, "_test.go");
    lang::CheckOptions options;
    options.allow_testing = test_file;
    options.require_main = !test_file;
    s.types = lang::check_file(*s.file, options);
    if (test_file) {
        for (const auto* decl : s.file->decls) {
            const auto* fn = decl->as<lang::FuncDecl>();
            if (fn && !fn->recv && fn->name && is_test_name(fn->name->name)) s.entries.push_back(fn->name->name);
        }
        if (s.entries.empty())
            throw lang::DiagnosticError(lang::Diagnostic{s.source.get(), {}, "no test functions (func TestXxx(t *testing.T)) in test file"});
    } else {
        s.entries.push_back("main");
    }
}

}  // namespace lockstep::cli
