// The math shim: NaN and infinities, bit-level conversions, and the elementary functions,
// with Go's results for NaN, infinities and signed zeros.
#include <cmath>
#include <cstring>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

double go_max(double x, double y) {
    if (std::isinf(x) && x > 0) return x;
    if (std::isinf(y) && y > 0) return y;
    if (std::isnan(x) || std::isnan(y)) return NAN;
    if (x == 0 && x == y) return std::signbit(x) ? y : x;
    return x > y ? x : y;
}

double go_min(double x, double y) {
    if (std::isinf(x) && x < 0) return x;
    if (std::isinf(y) && y < 0) return y;
    if (std::isnan(x) || std::isnan(y)) return NAN;
    if (x == 0 && x == y) return std::signbit(x) ? x : y;
    return x < y ? x : y;
}

}  // namespace

bool Machine::Impl::native_math(Goroutine& g, NativeId id, uint32_t base) {
    Value* A = g.stack.data() + base;
    auto ret = [&](Value v) {
        g.sp = base;
        ensure_stack(g, 1);
        g.stack[g.sp++] = v;
    };
    switch (id) {
    case NativeId::MathNaN: ret(Value::of_float(std::nan(""))); return true;
    case NativeId::MathInf: ret(Value::of_float(A[0].i >= 0 ? INFINITY : -INFINITY)); return true;
    case NativeId::MathIsNaN: ret(Value::of_bool(std::isnan(A[0].f))); return true;
    case NativeId::MathIsInf: {
        double f = A[0].f;
        int64_t sign = A[1].i;
        ret(Value::of_bool((sign >= 0 && f == INFINITY) || (sign <= 0 && f == -INFINITY)));
        return true;
    }
    case NativeId::MathSignbit: ret(Value::of_bool(std::signbit(A[0].f))); return true;
    case NativeId::MathCopysign: ret(Value::of_float(std::copysign(A[0].f, A[1].f))); return true;
    case NativeId::MathTrunc: ret(Value::of_float(std::trunc(A[0].f))); return true;
    case NativeId::MathMod: ret(Value::of_float(std::fmod(A[0].f, A[1].f))); return true;
    case NativeId::MathSqrt: ret(Value::of_float(std::sqrt(A[0].f))); return true;
    case NativeId::MathAbs: ret(Value::of_float(std::fabs(A[0].f))); return true;
    case NativeId::MathFloor: ret(Value::of_float(std::floor(A[0].f))); return true;
    case NativeId::MathCeil: ret(Value::of_float(std::ceil(A[0].f))); return true;
    case NativeId::MathMax: ret(Value::of_float(go_max(A[0].f, A[1].f))); return true;
    case NativeId::MathMin: ret(Value::of_float(go_min(A[0].f, A[1].f))); return true;
    case NativeId::MathFloat32bits: {
        float f = static_cast<float>(A[0].f);
        uint32_t u;
        std::memcpy(&u, &f, 4);
        ret(Value::of_int(u));
        return true;
    }
    case NativeId::MathFloat32frombits: {
        auto u = static_cast<uint32_t>(A[0].u);
        float f;
        std::memcpy(&f, &u, 4);
        ret(Value::of_float(f));
        return true;
    }
    case NativeId::MathFloat64bits: {
        Value v;
        v.u = A[0].u;  // the same 64 bits, now read as an integer
        v.c = 0;
        ret(v);
        return true;
    }
    case NativeId::MathFloat64frombits: {
        Value v;
        v.u = A[0].u;
        v.c = 0;
        ret(v);
        return true;
    }
    default: return false;
    }
}

}  // namespace lockstep::vm
