// Complex arithmetic on (real, imaginary) slot pairs, with Go's results: its runtime's
// division (Smith's algorithm, C99's infinities for NaN results) and complex64 rounding.
#include <cmath>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

struct Cx {
    double re, im;
};

// Go's runtime.complex128div.
Cx divide(Cx n, Cx m) {
    double e, f;
    if (std::fabs(m.re) >= std::fabs(m.im)) {
        double ratio = m.im / m.re;
        double denom = m.re + ratio * m.im;
        e = (n.re + n.im * ratio) / denom;
        f = (n.im - n.re * ratio) / denom;
    } else {
        double ratio = m.re / m.im;
        double denom = m.im + ratio * m.re;
        e = (n.re * ratio + n.im) / denom;
        f = (n.im * ratio - n.re) / denom;
    }
    if (std::isnan(e) && std::isnan(f)) {
        double a = n.re, b = n.im, c = m.re, d = m.im;
        auto finite = [](double x) { return std::isfinite(x); };
        if (c == 0 && d == 0 && (!std::isnan(a) || !std::isnan(b))) {
            e = std::copysign(INFINITY, c) * a;
            f = std::copysign(INFINITY, c) * b;
        } else if ((std::isinf(a) || std::isinf(b)) && finite(c) && finite(d)) {
            a = std::copysign(std::isinf(a) ? 1.0 : 0.0, a);
            b = std::copysign(std::isinf(b) ? 1.0 : 0.0, b);
            e = INFINITY * (a * c + b * d);
            f = INFINITY * (b * c - a * d);
        } else if ((std::isinf(c) || std::isinf(d)) && finite(a) && finite(b)) {
            c = std::copysign(std::isinf(c) ? 1.0 : 0.0, c);
            d = std::copysign(std::isinf(d) ? 1.0 : 0.0, d);
            e = 0 * (a * c + b * d);
            f = 0 * (b * c - a * d);
        }
    }
    return {e, f};
}

}  // namespace

bool Machine::Impl::native_complex(Goroutine& g, const Instr& in, uint32_t base) {
    NativeId id = static_cast<NativeId>(in.a);
    if (id < NativeId::ComplexAdd || id > NativeId::ComplexImag) return false;
    Value* A = g.stack.data() + base;
    bool f32 = in.k & 1;
    auto part = [&](double d) { return Value::of_float(f32 ? static_cast<float>(d) : d); };
    auto ret = [&](Cx c) {
        g.sp = base;
        ensure_stack(g, 2);
        g.stack[g.sp++] = part(c.re);
        g.stack[g.sp++] = part(c.im);
    };
    Cx x{A[0].f, A[1].f};
    switch (id) {
    case NativeId::ComplexReal:
    case NativeId::ComplexImag:
        g.sp = base;
        g.stack[g.sp++] = Value::of_float(id == NativeId::ComplexReal ? x.re : x.im);
        return true;
    case NativeId::ComplexNeg: ret({-x.re, -x.im}); return true;
    case NativeId::ComplexRound: ret(x); return true;
    default: break;
    }
    Cx y{A[2].f, A[3].f};
    switch (id) {
    case NativeId::ComplexAdd: ret({x.re + y.re, x.im + y.im}); return true;
    case NativeId::ComplexSub: ret({x.re - y.re, x.im - y.im}); return true;
    case NativeId::ComplexMul: ret({x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re}); return true;
    case NativeId::ComplexDiv: ret(divide(x, y)); return true;
    default: return false;
    }
}

}  // namespace lockstep::vm
