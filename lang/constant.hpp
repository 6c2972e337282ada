// Go's constant values and their arithmetic (ConstValue): exact integers and rationals as
// the spec requires, literal parsing, operators, comparisons, shifts, conversions and
// representability ("constant 300 overflows byte").
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/types.hpp"

namespace lockstep::lang {

// A constant's value. Integers are exact (untyped ones up to 512 bits, as gc allows); a
// floating-point constant is an exact rational (decimal and hexadecimal literals are
// rationals, and + - * / keep them exact); a complex constant is two rationals. A typed
// float constant holds the value rounded to its type (round to nearest, ties to even).
enum class ConstKind : uint8_t { Bool, Int, Float, Complex, String };

struct ConstValue {
    ConstKind kind = ConstKind::Int;
    bool b = false;
    mpz_class i;   // Int
    mpq_class f;   // Float, and the real part of Complex
    mpq_class im;  // the imaginary part of Complex
    std::string s;

    int64_t as_int64() const;    // Int (or integral Float): the low 64 bits, two's complement
    uint64_t as_uint64() const;
    double as_double() const;    // Int, Float or the real part of Complex, correctly rounded
    double imag_double() const;  // the imaginary part of Complex (0 otherwise)
    bool is_integral() const;    // an Int, or a Float/Complex whose value is an integer
    // As Go prints it in messages and with %v: 300, 1.5, "text" (quoted), true, (1 + 2i).
    std::string to_string() const;
};

ConstValue const_bool(bool b);
ConstValue const_int(__int128 i);
ConstValue const_int(mpz_class i);
ConstValue const_float(double f);  // the exact value of a (finite) double
ConstValue const_float(mpq_class f);
ConstValue const_complex(mpq_class re, mpq_class im);
ConstValue const_string(std::string s);

// `q` rounded to the nearest float64 (float32 when `f32`), ties to even, as a double.
// Sets `*overflow` (when given) if the rounded magnitude is beyond the type's largest
// finite value; the result is then ±Inf.
double round_binary(const mpq_class& q, bool f32, bool* overflow = nullptr);

// The value of a literal as written (quotes, prefixes, underscores, escapes, `i`
// suffixes). Returns nullopt with `err` set for a malformed literal (the scanner normally
// rejects those) or one beyond lockstep's constant range ("unsupported: ...").
std::optional<ConstValue> const_from_literal(LitKind kind, std::string_view text, std::string& err);

// `a op b` for + - * / % & | ^ &^ && || (not comparisons nor shifts). `integer` selects
// truncated integer division (both operands are integer constants). Fails with Go's
// message in `err`: "division by zero", "constant addition overflow".
std::optional<ConstValue> const_binary(Tok op, const ConstValue& a, const ConstValue& b, bool integer,
                                       std::string& err);
// a == b, a < b, ... (values of the same constant kind; complex values only == and !=).
bool const_compare(Tok op, const ConstValue& a, const ConstValue& b);
// a << s, a >> s (a an integer value, s a non-negative count).
std::optional<ConstValue> const_shift(Tok op, const ConstValue& a, uint64_t s, std::string& err);
// -a, +a, !a, ^a. For ^ on a typed unsigned integer pass its size in bits (Go complements
// within that width); 0 means untyped or signed (^x == -x-1).
std::optional<ConstValue> const_unary(Tok op, const ConstValue& a, unsigned unsigned_bits, std::string& err);

// Whether `v` is representable by basic kind `k` (Go spec "Representability"); on success
// `out` is v converted to k's constant kind (an integral float becomes Int for integer
// kinds, an Int becomes Float for float kinds, float32 and float64 round, complex kinds
// round each part).
bool representable(const ConstValue& v, BasicKind k, ConstValue* out);

// Size in bits of an integer kind (int, uint and uintptr are 64 bits).
unsigned int_bits(BasicKind k);

// How Go quotes a string in messages and %q: "a\tb".
std::string go_quote(std::string_view s);

}  // namespace lockstep::lang
