// Go's constant arithmetic on ConstValue: literal parsing, operators, comparisons, shifts,
// conversions and representability ("constant 300 overflows byte").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "lang/types.hpp"

namespace lockstep::lang {

ConstValue const_bool(bool b);
ConstValue const_int(__int128 i);
ConstValue const_float(double f);
ConstValue const_string(std::string s);

// The value of a literal as written (quotes, prefixes, underscores, escapes). Returns
// nullopt with `err` set for a malformed literal (the scanner normally rejects those).
std::optional<ConstValue> const_from_literal(LitKind kind, std::string_view text, std::string& err);

// `a op b` for + - * / % & | ^ &^ && || (not comparisons nor shifts). `integer` selects
// truncated integer division (both operands are integer constants). Fails with Go's
// message in `err`: "division by zero", "constant overflow".
std::optional<ConstValue> const_binary(Tok op, const ConstValue& a, const ConstValue& b, bool integer,
                                       std::string& err);
// a == b, a < b, ... (values of the same constant kind).
bool const_compare(Tok op, const ConstValue& a, const ConstValue& b);
// a << s, a >> s (a an integer value, s a non-negative count).
std::optional<ConstValue> const_shift(Tok op, const ConstValue& a, uint64_t s, std::string& err);
// -a, +a, !a, ^a. For ^ on a typed unsigned integer pass its size in bits (Go complements
// within that width); 0 means untyped or signed (^x == -x-1).
std::optional<ConstValue> const_unary(Tok op, const ConstValue& a, unsigned unsigned_bits, std::string& err);

// Whether `v` is representable by basic kind `k` (Go spec "Representability"); on success
// `out` is v converted to k's constant kind (an integral float becomes Int for integer
// kinds, an Int becomes Float for float kinds, float32 rounds).
bool representable(const ConstValue& v, BasicKind k, ConstValue* out);

// Size in bits of an integer kind (int, uint and uintptr are 64 bits).
unsigned int_bits(BasicKind k);

// How Go quotes a string in messages and %q: "a\tb".
std::string go_quote(std::string_view s);

}  // namespace lockstep::lang
