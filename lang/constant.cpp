// Go's constant arithmetic on ConstValue: exact integers (mpz) and rationals (mpq), the
// operators, comparisons, shifts and representability.
#include "lang/constant.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "lang/token.hpp"

namespace lockstep::lang {

// gc's limit on untyped integer constants (go/types "constant overflow").
constexpr size_t max_int_bits = 512;
// A rational whose numerator or denominator grows beyond this many bits is rounded to a
// 512-bit mantissa (as go/constant switches to a 512-bit big.Float for such values).
constexpr size_t tame_bits = 4096;
// Beyond this many bits lockstep gives up on a floating-point constant ("unsupported:").
constexpr size_t max_float_bits = 1u << 20;
// The largest shift count of a constant shift (go/types: so 1<<s can express the smallest
// float64).
constexpr uint64_t max_shift = 1023 - 1 + 52;

ConstValue const_bool(bool b) {
    ConstValue v;
    v.kind = ConstKind::Bool;
    v.b = b;
    return v;
}
static mpz_class mpz_of(__int128 x) {
    bool neg = x < 0;
    unsigned __int128 u = neg ? -static_cast<unsigned __int128>(x) : static_cast<unsigned __int128>(x);
    mpz_class hi = static_cast<unsigned long>(u >> 64), lo = static_cast<unsigned long>(u);
    mpz_class r = (hi << 64) + lo;
    return neg ? mpz_class(-r) : r;
}
ConstValue const_int(__int128 i) { return const_int(mpz_of(i)); }
ConstValue const_int(mpz_class i) {
    ConstValue v;
    v.kind = ConstKind::Int;
    v.i = std::move(i);
    return v;
}
ConstValue const_float(double f) { return const_float(mpq_class(f)); }
ConstValue const_float(mpq_class f) {
    ConstValue v;
    v.kind = ConstKind::Float;
    v.f = std::move(f);
    return v;
}
ConstValue const_complex(mpq_class re, mpq_class im) {
    ConstValue v;
    v.kind = ConstKind::Complex;
    v.f = std::move(re);
    v.im = std::move(im);
    return v;
}
ConstValue const_string(std::string s) {
    ConstValue v;
    v.kind = ConstKind::String;
    v.s = std::move(s);
    return v;
}

// The value as a rational (Int, Float, or the real part of Complex).
static mpq_class real_of(const ConstValue& v) {
    if (v.kind == ConstKind::Int) return mpq_class(v.i);
    return v.f;
}
static mpq_class imag_of(const ConstValue& v) { return v.kind == ConstKind::Complex ? v.im : mpq_class(0); }

// The integer part of the value (toward zero).
static mpz_class trunc_of(const ConstValue& v) {
    if (v.kind == ConstKind::Int) return v.i;
    if (v.kind == ConstKind::Bool) return v.b ? 1 : 0;
    mpz_class r;
    mpz_tdiv_q(r.get_mpz_t(), v.f.get_num_mpz_t(), v.f.get_den_mpz_t());
    return r;
}

static uint64_t low64(const mpz_class& z) {
    mpz_class m = z & ((mpz_class(1) << 64) - 1);  // two's complement low bits, also for negatives
    return mpz_get_ui(m.get_mpz_t());
}

int64_t ConstValue::as_int64() const { return static_cast<int64_t>(low64(trunc_of(*this))); }
uint64_t ConstValue::as_uint64() const { return low64(trunc_of(*this)); }
double ConstValue::as_double() const { return round_binary(real_of(*this), false); }
double ConstValue::imag_double() const { return round_binary(imag_of(*this), false); }
bool ConstValue::is_integral() const {
    if (kind == ConstKind::Int) return true;
    if (kind == ConstKind::Float) return f.get_den() == 1;
    if (kind == ConstKind::Complex) return f.get_den() == 1 && im == 0;
    return false;
}

// A rational in Go's message notation (go/constant's %.6g): 300, 1.5, 3.40282e+38.
static std::string rational_string(const mpq_class& q) {
    bool over = false;
    double d = round_binary(q, false, &over);
    char buf[64];
    if (!over && (d != 0 || q == 0)) {
        std::snprintf(buf, sizeof buf, "%.6g", d);
        return buf;
    }
    // Beyond float64's range: a 6-digit decimal approximation.
    mpf_class m(q, 64);
    mp_exp_t e = 0;
    std::string digits = m.get_str(e, 10, 6);
    bool neg = !digits.empty() && digits[0] == '-';
    if (neg) digits.erase(0, 1);
    std::string out = neg ? "-" : "";
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    long exp10 = static_cast<long>(e) - 1;
    std::snprintf(buf, sizeof buf, "e%c%02ld", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return out + buf;
}

std::string ConstValue::to_string() const {
    switch (kind) {
    case ConstKind::Bool: return b ? "true" : "false";
    case ConstKind::Int: return i.get_str();
    case ConstKind::String: return go_quote(s);
    case ConstKind::Float: return rational_string(f);
    case ConstKind::Complex: return "(" + rational_string(f) + " + " + rational_string(im) + "i)";
    }
    return "?";
}

// ---------------------------------------------------------------------------------------
// Operators

// Keeps a rational's size in check: a huge numerator or denominator is rounded to a
// 512-bit mantissa. Fails (nullopt) beyond what lockstep represents at all.
static std::optional<mpq_class> tame(mpq_class q, std::string& err) {
    size_t nb = mpz_sizeinbase(q.get_num_mpz_t(), 2), db = mpz_sizeinbase(q.get_den_mpz_t(), 2);
    if (nb <= tame_bits && db <= tame_bits) return q;
    if (nb > max_float_bits || db > max_float_bits) {
        err = "unsupported: floating-point constant beyond 2^" + std::to_string(max_float_bits);
        return std::nullopt;
    }
    // q ~ m * 2^s with m of 512 bits, rounded to nearest.
    long s = static_cast<long>(nb) - static_cast<long>(db) - 512;
    mpz_class n = abs(q.get_num()), d = q.get_den();
    if (s >= 0) d <<= static_cast<unsigned long>(s);
    else n <<= static_cast<unsigned long>(-s);
    mpz_class m, r;
    mpz_tdiv_qr(m.get_mpz_t(), r.get_mpz_t(), n.get_mpz_t(), d.get_mpz_t());
    if (2 * r >= d) ++m;
    if (q < 0) m = -m;
    mpq_class out = s >= 0 ? mpq_class(m << static_cast<unsigned long>(s)) : mpq_class(m, mpz_class(1) << static_cast<unsigned long>(-s));
    out.canonicalize();
    return out;
}

static std::optional<ConstValue> int_result(mpz_class r, Tok op, std::string& err) {
    if (mpz_sizeinbase(r.get_mpz_t(), 2) > max_int_bits) {
        const char* name = op == Tok::Add ? "addition " : op == Tok::Sub ? "subtraction " : op == Tok::Mul ? "multiplication " : "";
        err = std::string("constant ") + name + "overflow";
        return std::nullopt;
    }
    return const_int(std::move(r));
}

static std::optional<ConstValue> division_by_zero(std::string& err) {
    err = "invalid operation: division by zero";
    return std::nullopt;
}

static std::optional<ConstValue> int_binary(Tok op, const mpz_class& x, const mpz_class& y, std::string& err) {
    mpz_class r;
    switch (op) {
    case Tok::Add: return int_result(x + y, op, err);
    case Tok::Sub: return int_result(x - y, op, err);
    case Tok::Mul: return int_result(x * y, op, err);
    case Tok::Quo:
    case Tok::Rem:
        if (y == 0) return division_by_zero(err);
        if (op == Tok::Quo) mpz_tdiv_q(r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
        else mpz_tdiv_r(r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
        return const_int(std::move(r));
    case Tok::And: return const_int(x & y);
    case Tok::Or: return const_int(x | y);
    case Tok::Xor: return const_int(x ^ y);
    case Tok::AndNot: return const_int(x & ~y);
    default: break;
    }
    err = "invalid constant operation";
    return std::nullopt;
}

static std::optional<ConstValue> float_binary(Tok op, const mpq_class& x, const mpq_class& y, std::string& err) {
    mpq_class r;
    switch (op) {
    case Tok::Add: r = x + y; break;
    case Tok::Sub: r = x - y; break;
    case Tok::Mul: r = x * y; break;
    case Tok::Quo:
        if (y == 0) return division_by_zero(err);
        r = x / y;
        break;
    default: err = "invalid constant operation"; return std::nullopt;
    }
    auto t = tame(std::move(r), err);
    if (!t) return std::nullopt;
    return const_float(std::move(*t));
}

static std::optional<ConstValue> complex_binary(Tok op, const ConstValue& a, const ConstValue& b, std::string& err) {
    mpq_class ar = real_of(a), ai = imag_of(a), br = real_of(b), bi = imag_of(b);
    mpq_class re, im;
    switch (op) {
    case Tok::Add: re = ar + br, im = ai + bi; break;
    case Tok::Sub: re = ar - br, im = ai - bi; break;
    case Tok::Mul: re = ar * br - ai * bi, im = ar * bi + ai * br; break;
    case Tok::Quo: {
        mpq_class d = br * br + bi * bi;
        if (d == 0) return division_by_zero(err);
        re = (ar * br + ai * bi) / d, im = (ai * br - ar * bi) / d;
        break;
    }
    default: err = "invalid constant operation"; return std::nullopt;
    }
    auto tr = tame(std::move(re), err);
    if (!tr) return std::nullopt;
    auto ti = tame(std::move(im), err);
    if (!ti) return std::nullopt;
    return const_complex(std::move(*tr), std::move(*ti));
}

std::optional<ConstValue> const_binary(Tok op, const ConstValue& a, const ConstValue& b, bool integer,
                                       std::string& err) {
    if (a.kind == ConstKind::Bool) {
        if (op == Tok::LAnd) return const_bool(a.b && b.b);
        if (op == Tok::LOr) return const_bool(a.b || b.b);
    } else if (a.kind == ConstKind::String) {
        if (op == Tok::Add) return const_string(a.s + b.s);
    } else if (a.kind == ConstKind::Complex || b.kind == ConstKind::Complex) {
        return complex_binary(op, a, b, err);
    } else if (a.kind == ConstKind::Int && b.kind == ConstKind::Int && (integer || op != Tok::Quo)) {
        return int_binary(op, a.i, b.i, err);
    } else if (integer && a.is_integral() && b.is_integral()) {
        // integer division of typed integer constants whose values are held as rationals
        return int_binary(op, trunc_of(a), trunc_of(b), err);
    } else {
        return float_binary(op, real_of(a), real_of(b), err);
    }
    err = "invalid constant operation";
    return std::nullopt;
}

bool const_compare(Tok op, const ConstValue& a, const ConstValue& b) {
    int c = 0;
    if (a.kind == ConstKind::Bool) {
        c = a.b == b.b ? 0 : 1;
    } else if (a.kind == ConstKind::String) {
        c = a.s.compare(b.s);
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if (a.kind == ConstKind::Int && b.kind == ConstKind::Int) {
        c = cmp(a.i, b.i);
    } else if (a.kind == ConstKind::Complex || b.kind == ConstKind::Complex) {
        c = real_of(a) == real_of(b) && imag_of(a) == imag_of(b) ? 0 : 1;
    } else {
        c = cmp(real_of(a), real_of(b));
    }
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
    switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
    }
}

std::optional<ConstValue> const_shift(Tok op, const ConstValue& a, uint64_t s, std::string& err) {
    mpz_class v = trunc_of(a);
    if (op == Tok::Shr) {
        mpz_class r;
        uint64_t width = mpz_sizeinbase(v.get_mpz_t(), 2) + 1;  // shifting further changes nothing
        mpz_fdiv_q_2exp(r.get_mpz_t(), v.get_mpz_t(), s > width ? width : s);
        return const_int(std::move(r));
    }
    if (v == 0) return const_int(0);
    if (s > max_shift) {
        err = "invalid shift count " + std::to_string(s);
        return std::nullopt;
    }
    mpz_class r = v << static_cast<unsigned long>(s);
    if (mpz_sizeinbase(r.get_mpz_t(), 2) > max_int_bits) {
        err = "constant shift overflow";
        return std::nullopt;
    }
    return const_int(std::move(r));
}

std::optional<ConstValue> const_unary(Tok op, const ConstValue& a, unsigned unsigned_bits, std::string& err) {
    switch (op) {
    case Tok::Add: return a;
    case Tok::Sub:
        if (a.kind == ConstKind::Int) return const_int(-a.i);
        if (a.kind == ConstKind::Float) return const_float(-a.f);
        if (a.kind == ConstKind::Complex) return const_complex(-a.f, -a.im);
        break;
    case Tok::Not:
        if (a.kind == ConstKind::Bool) return const_bool(!a.b);
        break;
    case Tok::Xor:
        if (a.kind == ConstKind::Int) {
            if (unsigned_bits) {
                mpz_class mask = (mpz_class(1) << unsigned_bits) - 1;
                return const_int(~a.i & mask);
            }
            return const_int(~a.i);
        }
        break;
    default: break;
    }
    err = "invalid constant operation";
    return std::nullopt;
}

unsigned int_bits(BasicKind k) {
    switch (k) {
    case BasicKind::Int8:
    case BasicKind::Uint8: return 8;
    case BasicKind::Int16:
    case BasicKind::Uint16: return 16;
    case BasicKind::Int32:
    case BasicKind::Uint32:
    case BasicKind::UntypedRune: return 32;
    default: return 64;
    }
}

// ---------------------------------------------------------------------------------------
// Representability

static bool representable_int(const ConstValue& v, BasicKind k, uint8_t info, ConstValue* out) {
    if (v.kind != ConstKind::Int && v.kind != ConstKind::Float && v.kind != ConstKind::Complex) return false;
    if (!v.is_integral()) return false;
    mpz_class x = trunc_of(v);
    if (!(info & BasicInfo::IsUntyped)) {
        unsigned bits = int_bits(k);
        if (info & BasicInfo::IsUnsigned) {
            if (x < 0 || mpz_sizeinbase(x.get_mpz_t(), 2) > bits) return false;
        } else {
            mpz_class lim = mpz_class(1) << (bits - 1);
            if (x < -lim || x >= lim) return false;
        }
    }
    if (out) *out = const_int(std::move(x));
    return true;
}

// Rounds a part of a float or complex constant to `k`'s precision; false on overflow.
static bool round_part(const mpq_class& q, bool f32, mpq_class& out) {
    bool over = false;
    double d = round_binary(q, f32, &over);
    if (over) return false;
    out = mpq_class(d + 0.0);  // a constant has no negative zero
    return true;
}

bool representable(const ConstValue& v, BasicKind k, ConstValue* out) {
    uint8_t info = basic_info(k);
    if (info & BasicInfo::IsBoolean) {
        if (v.kind != ConstKind::Bool) return false;
        if (out) *out = v;
        return true;
    }
    if (info & BasicInfo::IsString) {
        if (v.kind != ConstKind::String) return false;
        if (out) *out = v;
        return true;
    }
    if (info & BasicInfo::IsInteger) return representable_int(v, k, info, out);
    bool numeric = v.kind == ConstKind::Int || v.kind == ConstKind::Float || v.kind == ConstKind::Complex;
    if (!numeric) return false;
    if (info & BasicInfo::IsFloat) {
        if (v.kind == ConstKind::Complex && v.im != 0) return false;
        if (info & BasicInfo::IsUntyped) {
            // Untyped float constants keep an integral value as Int for exactness.
            if (out) *out = v.kind == ConstKind::Complex ? const_float(v.f) : v;
            return true;
        }
        mpq_class r;
        if (!round_part(real_of(v), k == BasicKind::Float32, r)) return false;
        if (out) *out = const_float(std::move(r));
        return true;
    }
    if (info & BasicInfo::IsComplex) {
        if (info & BasicInfo::IsUntyped) {
            if (out) *out = const_complex(real_of(v), imag_of(v));
            return true;
        }
        bool f32 = k == BasicKind::Complex64;
        mpq_class re, im;
        if (!round_part(real_of(v), f32, re) || !round_part(imag_of(v), f32, im)) return false;
        if (out) *out = const_complex(std::move(re), std::move(im));
        return true;
    }
    return false;
}

}  // namespace lockstep::lang
