// Hostile files and hostile command lines through the lockstep binary: every one gets a
// verdict (exit 0, 1 or 2), never an internal error, a signal or a hang; input mistakes are
// exit 2 with a Go-style `file:line:col: ` diagnostic wherever the mistake has a position.
#include <catch2/catch.hpp>

#include <filesystem>

#include "guarded_run.hpp"
#include "hostile_inputs.hpp"

using namespace lockstep::hostile;

namespace {

enum class Expect {
    ErrorAt,           // exit 2, a positioned diagnostic on stderr
    Error,             // exit 2, a message on stderr (the mistake has no position: Go gives none)
    VerdictOrErrorAt,  // any verdict; when it is exit 2, a positioned diagnostic
    Verdict,           // any verdict
};

struct HostileFile {
    std::string name;
    std::string text;
    Expect expect;
};

// Small enough that the slowest case ends in seconds, whatever the file turns out to be.
const char* k_check = "check --no-progress --time-budget 2s --executions 50 --max-steps 2000 ";

std::string main_with(const std::string& body) { return "package main\n\nfunc main() {\n" + body + "}\n"; }

std::vector<HostileFile> front_end_cases() {
    std::string binary = "\x7f" "ELF\x02\x01\x01";
    binary += std::string(9, '\0') + "\x02\x00\x3e\x00" + random_bytes(7, 200);
    return {
        {"empty.go", "", Expect::ErrorAt},
        {"random_bytes.go", random_bytes(1, 4096), Expect::ErrorAt},
        {"random_bytes_after_package.go", "package main\n" + random_bytes(2, 4096), Expect::ErrorAt},
        {"binary_with_nuls.go", binary, Expect::ErrorAt},
        {"nul_in_body.go", main_with(std::string("\tx := 1\x00\n\t_ = x\n", 17)), Expect::ErrorAt},
        {"non_utf8_string.go", main_with("\ts := \"caf\xe9 \xff\xfe\"\n\t_ = s\n"), Expect::ErrorAt},
        {"non_utf8_comment.go", "package main\n\n// caf\xe9\nfunc main() {}\n", Expect::ErrorAt},
        {"non_utf8_identifier.go", main_with("\t\xc3x := 1\n"), Expect::ErrorAt},
        {"only_bom.go", "\xef\xbb\xbf", Expect::ErrorAt},
        {"no_package_clause.go", "func main() {}\n", Expect::ErrorAt},
        {"package_not_main.go", "package foo\n\nfunc main() {}\n", Expect::Error},
        {"no_func_main.go", "package main\n\nvar x = 1\n", Expect::Error},
        {"import_net_http.go", "package main\n\nimport \"net/http\"\n\nfunc main() { _ = http.Get }\n", Expect::ErrorAt},
        {"generic_func.go", "package main\n\nfunc F[T any](x T) T { return x }\n\nfunc main() { F(1) }\n",
         Expect::ErrorAt},
        {"generic_type.go", "package main\n\ntype Box[T any] struct{ v T }\n\nfunc main() {}\n", Expect::ErrorAt},
        {"cgo.go", "package main\n\nimport \"C\"\n\nfunc main() {}\n", Expect::ErrorAt},
        {"goto.go", main_with("\ti := 0\nL:\n\ti++\n\tif i < 3 {\n\t\tgoto L\n\t}\n"), Expect::VerdictOrErrorAt},
        {"nested_expression_10000.go", nested_expression(10000), Expect::ErrorAt},
        {"nested_blocks_10000.go", nested_blocks(10000), Expect::ErrorAt},
        {"unclosed_parens_50000.go", "package main\n\nfunc main() {\n\tx := " + std::string(50000, '('), Expect::ErrorAt},
        // Chains the parser builds by a loop: once a stack overflow in the type checker.
        {"sum_chain_100000.go", long_chain("1", "+1", 100000), Expect::ErrorAt},
        {"selector_chain_10000.go", long_chain("y", ".a", 10000), Expect::ErrorAt},
        {"call_chain_10000.go", long_chain("f", "()", 10000), Expect::ErrorAt},
        {"index_chain_10000.go", long_chain("y", "[0]", 10000), Expect::ErrorAt},
        {"huge_identifier.go", main_with("\t" + std::string(1 << 20, 'x') + " := 1\n"), Expect::ErrorAt},
        {"huge_int_literal.go", main_with("\tx := 1" + std::string(5000, '0') + "\n\t_ = x\n"), Expect::ErrorAt},
        {"huge_float_literal.go", main_with("\tx := 1e999999999\n\t_ = x\n"), Expect::ErrorAt},
        {"huge_shift.go", main_with("\tx := 1 << 100000000\n\t_ = x\n"), Expect::ErrorAt},
        {"unterminated_string.go", main_with("\ts := \"abc\n"), Expect::ErrorAt},
        {"unterminated_raw_string.go", "package main\n\nvar s = `abc\n", Expect::ErrorAt},
        {"unterminated_comment.go", "package main\n\n/* no end\nfunc main() {}\n", Expect::ErrorAt},
        {"bad_expect_directive.go", "//lockstep:expect no-such-kind\npackage main\n\nfunc main() {}\n", Expect::ErrorAt},
        {"bad_bound_directive.go", "//lockstep:bound executions=99999999999999999999999\npackage main\n\nfunc main() {}\n",
         Expect::ErrorAt},
        {"unknown_directive.go", "//lockstep:frobnicate\npackage main\n\nfunc main() {}\n", Expect::ErrorAt},
    };
}

// `file` is the input's file name, which a position-less diagnostic must still name.
void check_ending(const std::string& label, const std::string& file, const Ending& e, Expect expect) {
    INFO(label << ": " << e.describe());
    CHECK(e.is_verdict());
    switch (expect) {
    case Expect::ErrorAt:
        CHECK(e.code == 2);
        CHECK(has_positioned_diagnostic(e.err));
        break;
    case Expect::Error:
        CHECK(e.code == 2);
        CHECK(e.err.find(file) != std::string::npos);
        break;
    case Expect::VerdictOrErrorAt:
        if (e.code == 2) CHECK(has_positioned_diagnostic(e.err));
        break;
    case Expect::Verdict:
        break;
    }
}

}  // namespace

TEST_CASE("hostile files are input errors with a position, never a crash", "[hostile][binary]") {
    for (const HostileFile& c : front_end_cases()) {
        std::string path = write_temp("files/" + c.name, c.text);
        check_ending(c.name, c.name, run_guarded(k_check + shell_quote(path)), c.expect);
    }
}

TEST_CASE("vet and run judge hostile files too", "[hostile][binary]") {
    for (const HostileFile& c : front_end_cases()) {
        std::string path = write_temp("files/" + c.name, c.text);
        // vet needs no entry point (go vet accepts `package foo` and a main package without
        // func main), so what is an error for lack of a main may be clean there.
        Expect vet_expect = c.expect == Expect::Error ? Expect::Verdict : c.expect;
        check_ending(c.name + " (vet)", c.name, run_guarded("vet " + shell_quote(path)), vet_expect);
        check_ending(c.name + " (run)", c.name, run_guarded("run --max-steps 2000 " + shell_quote(path)), c.expect);
    }
}

// Valid Go at the edge of what the front end accepts must go through the whole pipeline.
TEST_CASE("deep but legal nesting gets a verdict", "[hostile][binary][pipeline]") {
    std::vector<HostileFile> cases = {
        {"nested_expression_900.go", nested_expression(900), Expect::VerdictOrErrorAt},
        {"nested_blocks_400.go", nested_blocks(400), Expect::VerdictOrErrorAt},
        {"sum_chain_900.go", long_chain("1", "+1", 900), Expect::VerdictOrErrorAt},
        {"many_statements.go", main_with("\tx := 0\n" + [] {
             std::string s;
             for (int i = 0; i < 20000; ++i) s += "\tx++\n";
             return s;
         }() + "\t_ = x\n"), Expect::VerdictOrErrorAt},
        {"bom_then_program.go", "\xef\xbb\xbfpackage main\n\nfunc main() {}\n", Expect::VerdictOrErrorAt},
        {"crlf_line_endings.go", "package main\r\n\r\nfunc main() {\r\n}\r\n", Expect::VerdictOrErrorAt},
    };
    for (const HostileFile& c : cases) {
        std::string path = write_temp("legal/" + c.name, c.text);
        check_ending(c.name, c.name, run_guarded(k_check + shell_quote(path)), c.expect);
    }
}

TEST_CASE("hostile paths are input errors naming the path", "[hostile][binary]") {
    std::string empty_dir = temp_dir() + "/no-go-files";
    std::filesystem::create_directories(empty_dir);
    write_temp("no-go-files/notes.txt", "not a scenario\n");
    for (const std::string& path : {temp_dir() + "/does/not/exist.go", empty_dir}) {
        Ending e = run_guarded(k_check + shell_quote(path));
        INFO(path << ": " << e.describe());
        CHECK(e.code == 2);
        CHECK(e.err.find(path) != std::string::npos);
    }
}

TEST_CASE("absurd flags are usage errors naming the flag", "[hostile][binary]") {
    std::string ok = write_temp("flags/ok.go", main_with(""));
    struct Case {
        std::string flags, named;
    };
    std::vector<Case> cases = {
        {"--executions 0", "--executions"},
        {"--executions -5", "--executions"},
        {"--executions 99999999999999999999999", "--executions"},
        {"--time-budget banana", "--time-budget"},
        {"--time-budget -1s", "--time-budget"},
        {"--max-steps 0", "--max-steps"},
        {"--strategy nope", "strategy"},
        {"--seed x", "--seed"},
        {"--format pdf", "--format"},
        {"--preemptions -1", "--preemptions"},
        {"--pct-depth banana", "--pct-depth"},
        {"--jobs 0", "--jobs"},
        {"--color sometimes", "--color"},
    };
    for (const Case& c : cases) {
        Ending e = run_guarded("check --no-progress " + c.flags + " " + shell_quote(ok));
        INFO(c.flags << ": " << e.describe());
        CHECK(e.code == 2);
        CHECK(e.err.find(c.named) != std::string::npos);
    }
}
