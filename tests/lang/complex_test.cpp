// Tests of complex numbers: constant arithmetic and representability, gc's messages for
// misuse, and a program whose output was recorded with `go run`.
#include <catch2/catch.hpp>

#include "lang/check.hpp"
#include "lang/constant.hpp"
#include "lang/parser.hpp"
#include "lang/token.hpp"
#include "tests/support/process.hpp"

using namespace lockstep::lang;
using namespace lockstep::test_support;

namespace {

std::string first_error(const std::string& body) {
    SourceFile src("t.go", "package main\n\n" + body + "\n");
    try {
        auto file = parse_file(src);
        check_file(*file);
    } catch (const DiagnosticError& e) {
        const Diagnostic& d = e.diagnostics().front();
        return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.message.substr(0, d.message.find('\n'));
    }
    return "";
}

}  // namespace

TEST_CASE("complex constants are exact and round part by part", "[complex]") {
    std::string err;
    ConstValue a = const_complex(1, 2), b = const_complex(3, -1);
    auto p = const_binary(Tok::Mul, a, b, false, err);
    REQUIRE(p);
    CHECK(p->f == 5);
    CHECK(p->im == 5);
    auto q = const_binary(Tok::Quo, a, const_complex(0, 0), false, err);
    CHECK_FALSE(q);
    CHECK(err == "invalid operation: division by zero");
    ConstValue out;
    // an imaginary part that is zero makes the value a float and an integer
    CHECK(representable(const_complex(3, 0), BasicKind::Int, &out));
    CHECK(out.i == 3);
    CHECK_FALSE(representable(const_complex(3, 1), BasicKind::Float64, &out));
    CHECK(representable(const_complex(mpq_class(1, 10), 0), BasicKind::Complex64, &out));
    CHECK(out.f == mpq_class(static_cast<double>(0.1f)));
    CHECK(const_complex(1, -2).to_string() == "(1 + -2i)");
}

TEST_CASE("complex misuse gets gc's message", "[complex]") {
    struct Row {
        const char* body;
        const char* expected;  // `go build` (Go 1.19)
    };
    static const Row rows[] = {
        {"func main() { var c complex128; _ = c < c }", "3:37: invalid operation: c < c (operator < not defined on complex128)"},
        {"func main() { var c complex128 = 1; var f float64 = c; _ = f }",
         "3:53: cannot use c (variable of type complex128) as type float64 in variable declaration"},
        {"func main() { var i int = 1 + 2i; _ = i }",
         "3:27: cannot use 1 + 2i (untyped complex constant (1 + 2i)) as int value in variable declaration (truncated)"},
        {"func main() { var f float64; _ = complex(f, float32(1)) }",
         "3:42: invalid operation: complex(f, float32(1)) (mismatched types float64 and float32)"},
    };
    for (const Row& r : rows) {
        INFO(r.body);
        CHECK(first_error(r.body) == r.expected);
    }
}

TEST_CASE("complex numbers run as under go run", "[complex]") {
    // testdata/complex_numbers.out is what `go run` (Go 1.19) prints for the program:
    // stdout, then the one println line (stderr) at its end.
    std::string prog = std::string(LOCKSTEP_SOURCE_DIR) + "/tests/lang/testdata/complex_numbers.go";
    Captured c = run_captured(std::string(LOCKSTEP_BINARY) + " run " + shell_quote(prog));
    CHECK(c.code == 0);
    CHECK(c.out + c.err == read_source("tests/lang/testdata/complex_numbers.out"));
    CHECK(c.err == "(+1.000000e+000+2.000000e+000i) (+3.000000e+000-4.000000e+000i)\n");
}
