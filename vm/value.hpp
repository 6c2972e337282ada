// vm::Value: one 16-byte, trivially copyable slot. Every Go value is one or more slots;
// what a slot means is known statically by the compiler (or, inside an interface, by the
// interface's dynamic runtime type).
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace lockstep::vm {

// Cell index 0 is never allocated, so a zero pointer / slice base / map / chan is nil.
using Cell = uint32_t;

// Strings whose offset has this bit set live in the module's constant pool; the others in
// the execution's string arena. Substrings share storage, so slicing never copies.
inline constexpr uint32_t const_string_bit = 0x80000000u;

struct Value {
    // Scalars use `i` / `f`. Pointers, maps (header cell), chans (header cell), boxed
    // interface payloads use `a` (a cell index). Strings: a = offset, b = length.
    // Slices: a = base cell, b = length, c = capacity. Funcs: a = function index + 1
    // (0 = nil func), b = closure environment cell (0 = none).
    // Interfaces: the payload above plus c = dynamic runtime type (0 = nil interface).
    union {
        int64_t i;
        uint64_t u;
        double f;
        struct {
            uint32_t a;
            uint32_t b;
        } p;
    };
    uint32_t c;
    uint32_t pad;

    static Value of_int(int64_t v) { Value x{}; x.i = v; return x; }
    static Value of_float(double v) { Value x{}; x.f = v; return x; }
    static Value of_bool(bool v) { Value x{}; x.i = v ? 1 : 0; return x; }
    static Value of_ptr(Cell cell) { Value x{}; x.p.a = cell; return x; }
    static Value of_pair(uint32_t a, uint32_t b, uint32_t c = 0) {
        Value x{};
        x.p.a = a;
        x.p.b = b;
        x.c = c;
        return x;
    }
    bool is_zero() const { return u == 0 && c == 0; }
    // Raw identity of the slot (used for scalars, pointers, maps, chans, funcs).
    bool same_bits(const Value& o) const { return u == o.u && c == o.c; }
};
static_assert(sizeof(Value) == 16);
static_assert(std::is_trivially_copyable_v<Value>);

}  // namespace lockstep::vm
