// Limits of the input itself: nesting 10000 deep is a diagnostic with a position (exit 2),
// never a stack overflow of lockstep's parser or checker.
#include <catch2/catch.hpp>

#include <string>

#include "process.hpp"

using namespace lockstep::limits;

namespace {

std::string program_with(const std::string& expr) {
    return "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := " + expr + "\n\tfmt.Println(x)\n}\n";
}

}  // namespace

TEST_CASE("a 10000-deep nested expression is a diagnostic, exit 2", "[limits]") {
    struct Case {
        const char* name;
        std::string expr;
    };
    const Case cases[] = {
        {"parens.go", std::string(10000, '(') + "1" + std::string(10000, ')')},
        {"unary.go", std::string(10000, '^') + "1"},
        {"calls.go", [] {
             std::string e = "1";
             for (int i = 0; i < 10000; i++) e = "int(" + e + ")";
             return e;
         }()},
        {"literals.go", [] {
             std::string e = "1";
             for (int i = 0; i < 10000; i++) e = "[]any{" + e + "}";
             return e;
         }()},
    };
    for (const auto& c : cases) {
        auto path = write_scenario(c.name, program_with(c.expr));
        for (const char* command : {"check", "run", "vet"}) {
            auto e = run_lockstep({{command, path}, 60});
            INFO(c.name << " under `lockstep " << command << "`: " << e.describe());
            CHECK(e.code == 2);
            CHECK(e.signal == 0);
            // file:line:col: message, like the Go compiler.
            CHECK(e.err.find(std::string(c.name) + ":6:") != std::string::npos);
            CHECK(e.err.find("nested too deeply") != std::string::npos);
        }
    }
}
