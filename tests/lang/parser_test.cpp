// Parser tests: the shape of every construct (as S-expressions), Go's syntax errors with
// their positions, unsupported generics, deep nesting, directives and the Output block.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "lang/ast_dump.hpp"
#include "lang/parser.hpp"

using namespace lockstep::lang;

namespace {

std::unique_ptr<File> parse_text(const SourceFile& src) { return parse_file(src); }

// The dump of the body statements of `func main() { BODY }`, one per line.
std::string parse_body(const std::string& body) {
    SourceFile src("t.go", "package main\n\nfunc main() {\n" + body + "\n}\n");
    auto file = parse_file(src);
    auto* f = file->decls.back()->as<FuncDecl>();
    REQUIRE(f);
    std::string out;
    for (auto* s : f->body->stmts) {
        if (!out.empty()) out += '\n';
        out += dump(s);
    }
    return out;
}

// The dump of expression `e`, parsed as `_ = e` inside main.
std::string parse_expr(const std::string& e) {
    SourceFile src("t.go", "package main\n\nfunc main() {\n\t_ = " + e + "\n}\n");
    auto file = parse_file(src);
    auto* a = file->decls.back()->as<FuncDecl>()->body->stmts.at(0)->as<AssignStmt>();
    REQUIRE(a);
    return dump(a->rhs.at(0));
}

// The dump of the top-level declarations after `package main`.
std::string parse_decls(const std::string& text) {
    SourceFile src("t.go", "package main\n\n" + text + "\n");
    auto file = parse_file(src);
    std::string out;
    for (auto* d : file->decls) {
        if (!out.empty()) out += '\n';
        out += dump(d);
    }
    return out;
}

// The headline of the diagnostic parsing `text` raises, or "" if it parses.
std::string parse_error(const std::string& text) {
    SourceFile src("t.go", text);
    try {
        parse_file(src);
    } catch (const DiagnosticError& e) {
        return e.diagnostics().front().headline();
    }
    return "";
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("every scenario and testdata program parses", "[parser]") {
    namespace fs = std::filesystem;
    int count = 0;
    for (const char* dir : {"/scenarios", "/tests/lang/testdata"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / fs::path(dir).relative_path();
        if (!fs::exists(root)) continue;
        for (auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".go") continue;
            INFO(entry.path().string());
            SourceFile src(entry.path().string(), read_file(entry.path()));
            std::unique_ptr<File> file;
            try {
                file = parse_file(src);
            } catch (const DiagnosticError& e) {
                FAIL(e.diagnostics().front().render());
            }
            CHECK(file->package_name->name == "main");
            ++count;
        }
    }
    CHECK(count >= 4);
}
