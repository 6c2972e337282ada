// Values and formats for the sequential generator: typed variables over every basic type,
// expressions over them, untyped constant expressions, and fmt verbs with flags.
#pragma once

#include <string>

#include "rng.hpp"

namespace lockstep::gen {

struct IntType {
    const char* name;
    int bits;
    bool is_signed;
};

const IntType& random_int_type(Rng& rng);
// A literal in the type's range, edge values often.
std::string int_literal(Rng& rng, const IntType& t);
// A literal that fits float32 when `is32`.
std::string float_literal(Rng& rng, bool is32);
// An expression of depth <= depth over variables a, b, c of an integer type (b and c are
// never zero: only they divide).
std::string int_expr(Rng& rng, int depth);
std::string float_expr(Rng& rng, int depth);
// An untyped constant expression that neither overflows nor divides by zero.
std::string const_expr(Rng& rng, int depth);
// A format for an integer or a float: "%d", "%+08x", "%-6.2f", ...
std::string int_verb(Rng& rng);
std::string float_verb(Rng& rng);
// A value of some kind (bool, numbers, strings, slices, arrays, maps, structs, pointers to
// structs, Stringers, errors, nil) and a verb with flags to print it with.
struct FmtValue {
    std::string expr;
    bool pointer;  // only v, +v, #v, s, T: other verbs print its address
};
FmtValue random_value(Rng& rng);
std::string any_verb(Rng& rng, bool pointer);
std::string go_quote(const std::string& s);

}  // namespace lockstep::gen
