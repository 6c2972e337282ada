// Tests of exact constant arithmetic: rounding rationals to float64/float32, gc's messages
// for constants that overflow, and a program whose output was recorded with `go run`.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

#include "lang/check.hpp"
#include "lang/constant.hpp"
#include "lang/parser.hpp"
#include "lang/token.hpp"
#include "tests/support/process.hpp"

using namespace lockstep::lang;
using namespace lockstep::test_support;

namespace {

ConstValue lit(LitKind k, const char* text) {
    std::string err;
    auto v = const_from_literal(k, text, err);
    INFO(text << ": " << err);
    REQUIRE(v);
    return *v;
}

uint64_t bits64(double d) {
    uint64_t u;
    std::memcpy(&u, &d, sizeof u);
    return u;
}
uint32_t bits32(double d) {
    float f = static_cast<float>(d);
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

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

TEST_CASE("rationals round to the nearest float64 and float32, ties to even", "[constant]") {
    mpq_class one(1), ulp53(1, mpz_class(1) << 53);
    // 1 + 2^-53 is halfway between 1 and its successor: ties to the even 1.
    CHECK(bits64(round_binary(one + ulp53, false)) == 0x3ff0000000000000u);
    // a hair above halfway rounds up
    CHECK(bits64(round_binary(one + ulp53 + mpq_class(1, mpz_class(1) << 200), false)) == 0x3ff0000000000001u);
    // 1 + 3*2^-53 is halfway between two odd/even neighbours: ties up to the even one
    CHECK(bits64(round_binary(one + 3 * ulp53, false)) == 0x3ff0000000000002u);
    // 0.1 is the double nearest to 1/10
    CHECK(round_binary(mpq_class(1, 10), false) == 0.1);
    CHECK(round_binary(mpq_class(1, 3), false) == 1.0 / 3);
    // float32: 1 + 2^-24 ties to 1, 16777217 ties to 16777216
    CHECK(bits32(round_binary(one + mpq_class(1, mpz_class(1) << 24), true)) == 0x3f800000u);
    CHECK(round_binary(mpq_class(16777217), true) == 16777216.0);
    // gradual underflow: 2^-1074 is the smallest subnormal, 2^-1075 ties to 0
    CHECK(round_binary(mpq_class(1, mpz_class(1) << 1074), false) == std::ldexp(1.0, -1074));
    CHECK(round_binary(mpq_class(1, mpz_class(1) << 1075), false) == 0.0);
    CHECK(round_binary(mpq_class(3, mpz_class(1) << 1076), false) == std::ldexp(1.0, -1074));
    CHECK(round_binary(mpq_class(-1, mpz_class(1) << 150), true) == 0.0);
}

TEST_CASE("rounding beyond the largest finite value overflows", "[constant]") {
    mpz_class two1024 = mpz_class(1) << 1024, ulp64 = mpz_class(1) << 971;
    mpq_class max64(two1024 - ulp64);
    bool over = true;
    CHECK(round_binary(max64, false, &over) == std::numeric_limits<double>::max());
    CHECK_FALSE(over);
    // max64 + ulp/2 ties to the even 2^1024: overflow; just below it rounds down to max64
    round_binary(max64 + mpq_class(ulp64 / 2), false, &over);
    CHECK(over);
    CHECK(round_binary(max64 + mpq_class(ulp64 / 2 - 1), false, &over) == std::numeric_limits<double>::max());
    CHECK_FALSE(over);
    mpz_class two128 = mpz_class(1) << 128, ulp32 = mpz_class(1) << 104;
    mpq_class max32(two128 - ulp32);
    CHECK(round_binary(max32 + mpq_class(ulp32 / 2 - 1), true, &over) == std::numeric_limits<float>::max());
    CHECK_FALSE(over);
    round_binary(max32 + mpq_class(ulp32 / 2), true, &over);
    CHECK(over);
    round_binary(-max32 - mpq_class(ulp32), true, &over);
    CHECK(over);
}

TEST_CASE("literals are exact rationals", "[constant]") {
    ConstValue a = lit(LitKind::Float, "0.1"), b = lit(LitKind::Float, "0.2"), c = lit(LitKind::Float, "0.3");
    std::string err;
    auto sum = const_binary(Tok::Add, a, b, false, err);
    REQUIRE(sum);
    CHECK(const_compare(Tok::Eql, *sum, c));
    CHECK(lit(LitKind::Float, "0x1.8p1").f == 3);
    CHECK(lit(LitKind::Float, "1_000.5e-1").f == mpq_class("2001/20"));
    CHECK(lit(LitKind::Int, "0b1010").i == 10);
    CHECK(lit(LitKind::Int, "0o17").i == 15);
    CHECK(lit(LitKind::Int, "017").i == 15);
    CHECK(lit(LitKind::Int, "123456789012345678901234567890").i == mpz_class("123456789012345678901234567890"));
    ConstValue im = lit(LitKind::Imag, "0123i");
    CHECK(im.kind == ConstKind::Complex);
    CHECK(im.im == 123);
    CHECK(lit(LitKind::Imag, "0x10i").im == 16);
    CHECK(lit(LitKind::Imag, "1.5e1i").im == 15);
    // 1<<100>>98 is exact
    auto big = const_shift(Tok::Shl, const_int(1), 100, err);
    REQUIRE(big);
    auto back = const_shift(Tok::Shr, *big, 98, err);
    REQUIRE(back);
    CHECK(back->i == 4);
}

TEST_CASE("constants that overflow get gc's message", "[constant]") {
    struct Row {
        const char* body;
        const char* expected;  // `go build` (Go 1.19)
    };
    static const Row rows[] = {
        {"const two128 = 1.0 * (1<<64) * (1<<64); const ulp32 = two128 / (1<<24); const max32 = two128 - ulp32; var f = "
         "float32(max32 + ulp32/2); func main() { _ = f }",
         "3:119: cannot convert max32 + ulp32 / 2 (untyped float constant 3.40282e+38) to type float32"},
        {"const two128 = 1.0 * (1<<64) * (1<<64); const ulp32 = two128 / (1<<24); const max32 = two128 - ulp32; var f = "
         "float32(max32 + ulp32/2 - 1); func main() { _ = f }",
         ""},
        {"var f = float64(1e309); func main() { _ = f }",
         "3:17: cannot convert 1e309 (untyped float constant 1e+309) to type float64"},
        {"var f float32 = 1e39; func main() { _ = f }",
         "3:17: cannot use 1e39 (untyped float constant 1e+39) as float32 value in variable declaration (overflows)"},
        {"const x = 1 << 600; func main() {}", "3:13: constant shift overflow"},
        {"const x = 1 << 2000; func main() {}", "3:16: invalid operation: invalid shift count 2000 (untyped int constant)"},
        {"var x int = 1e100; func main() { _ = x }",
         "3:13: cannot use 1e100 (untyped float constant 1e+100) as int value in variable declaration (truncated)"},
        {"var x = int64(1e19); func main() { _ = x }",
         "3:15: cannot convert 1e19 (untyped float constant 10000000000000000000) to type int64"},
        {"const b = 1 << 500; const c = b * b; func main() {}", "3:33: constant multiplication overflow"},
        {"const b = 1 << 511; const c = b + b; func main() {}", "3:33: constant addition overflow"},
        {"var x int = 1e18 + 0.5; func main() { _ = x }",
         "3:13: cannot use 1e18 + 0.5 (untyped float constant 1e+18) as int value in variable declaration (truncated)"},
        {"var x = uint64(1<<64); func main() { _ = x }",
         "3:16: cannot convert 1 << 64 (untyped int constant 18446744073709551616) to type uint64"},
        {"const c float32 = 1e38; var x = c * 10; func main() { _ = x }",
         "3:33: c * 10 (constant 1e+39 of type float32) overflows float32"},
        {"var x int8 = 300.0; func main() { _ = x }",
         "3:14: cannot use 300.0 (untyped float constant 300) as int8 value in variable declaration (truncated)"},
        {"const c = 2.0; var x int8 = c * 100; func main() { _ = x }",
         "3:29: cannot use c * 100 (untyped float constant 200) as int8 value in variable declaration (truncated)"},
    };
    for (const Row& r : rows) {
        INFO(r.body);
        CHECK(first_error(r.body) == r.expected);
    }
}

TEST_CASE("exact constants run as under go run", "[constant]") {
    // testdata/constants_exact.out is what `go run` (Go 1.19) prints for the program.
    std::string prog = std::string(LOCKSTEP_SOURCE_DIR) + "/tests/lang/testdata/constants_exact.go";
    Captured c = run_captured(std::string(LOCKSTEP_BINARY) + " run " + shell_quote(prog));
    CHECK(c.code == 0);
    CHECK(c.err == "");
    CHECK(c.out == read_source("tests/lang/testdata/constants_exact.out"));
}
