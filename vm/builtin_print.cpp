// The builtins print and println: Go's runtime formatting (runtime/print.go), not fmt's:
// floats as +1.500000e+000, pointers, maps, channels and funcs as hex addresses, slices
// as [len/cap]0xaddr, interfaces as (type,data). The text goes to stderr.
#include <cmath>
#include <cstdio>
#include <string>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

// runtime.printfloat, digit for digit.
std::string print_float(double v) {
    if (v != v) return "NaN";
    if (v + v == v && v > 0) return "+Inf";
    if (v + v == v && v < 0) return "-Inf";
    constexpr int n = 7;
    char buf[n + 7];
    buf[0] = '+';
    int e = 0;
    if (v == 0) {
        if (std::signbit(v)) buf[0] = '-';
    } else {
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        double h = 5.0;
        for (int i = 0; i < n; i++) h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < n; i++) {
        int s = static_cast<int>(v);
        buf[i + 2] = static_cast<char>(s + '0');
        v -= s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[n + 2] = 'e';
    buf[n + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[n + 3] = '-';
    }
    buf[n + 4] = static_cast<char>(e / 100 + '0');
    buf[n + 5] = static_cast<char>((e / 10) % 10 + '0');
    buf[n + 6] = static_cast<char>(e % 10 + '0');
    return std::string(buf, sizeof buf);
}

namespace {

// A stable, Go-looking heap address for a cell (as fmt's %p shows it).
std::string address(uint32_t cell) {
    if (cell == 0) return "0x0";
    char buf[32];
    std::snprintf(buf, sizeof buf, "0xc%09llx", static_cast<unsigned long long>(0x000010000ull + uint64_t(cell) * 8));
    return buf;
}

}  // namespace

void Machine::Impl::builtin_print(std::string& out, const Value* args, uint32_t n, bool ln) {
    for (uint32_t i = 0; i < n; i++) {
        if (ln && i > 0) out += ' ';
        const Value& iface = args[i];
        if (iface.c == 0) {
            out += "(0x0,0x0)";
            continue;
        }
        const RType& t = M.types[iface.c];
        const Value* v = t.boxed_in_interface() ? &heap[iface.p.a] : &iface;
        switch (t.kind) {
        case RKind::Bool: out += v->i ? "true" : "false"; break;
        case RKind::Int: case RKind::Int8: case RKind::Int16: case RKind::Int32: case RKind::Int64:
            out += std::to_string(v->i);
            break;
        case RKind::Uint: case RKind::Uint8: case RKind::Uint16: case RKind::Uint32: case RKind::Uint64:
        case RKind::Uintptr:
            out += std::to_string(v->u);
            break;
        case RKind::Float32: case RKind::Float64: out += print_float(v->f); break;
        case RKind::Complex64: case RKind::Complex128:
            out += "(" + print_float(v[0].f) + print_float(v[1].f) + "i)";
            break;
        case RKind::String: out += str(*v); break;
        case RKind::Slice:
            out += "[" + std::to_string(v->p.b) + "/" + std::to_string(v->c) + "]" + address(v->p.a);
            break;
        case RKind::Pointer: case RKind::Map: case RKind::Chan: out += address(v->p.a); break;
        case RKind::Func: out += address(v->p.a); break;
        default: out += "(" + address(iface.c) + "," + address(iface.p.a) + ")"; break;
        }
    }
    if (ln) out += '\n';
}

}  // namespace lockstep::vm
