// Correct rounding of an exact rational to float64 or float32 (round to nearest, ties to
// even, with gradual underflow), as Go converts constants.
#include <gmpxx.h>

#include <cmath>
#include <limits>

#include "lang/constant.hpp"

namespace lockstep::lang {

double round_binary(const mpq_class& q, bool f32, bool* overflow) {
    if (overflow) *overflow = false;
    int sign = sgn(q);
    if (sign == 0) return 0.0;
    const int mant = f32 ? 24 : 53;         // significand bits, the leading one included
    const long emin = f32 ? -149 : -1074;   // exponent of the smallest subnormal's unit
    const long emax = f32 ? 128 : 1024;     // 2^emax is the first power beyond the range
    mpz_class n = abs(q.get_num());
    const mpz_class& d = q.get_den();

    // k: 2^k <= |q| < 2^(k+1).
    long k = static_cast<long>(mpz_sizeinbase(n.get_mpz_t(), 2)) - static_cast<long>(mpz_sizeinbase(d.get_mpz_t(), 2));
    {
        // compare n with d * 2^k
        mpz_class lhs = n, rhs = d;
        if (k >= 0) rhs <<= static_cast<unsigned long>(k);
        else lhs <<= static_cast<unsigned long>(-k);
        if (lhs < rhs) --k;
    }
    if (k >= emax) {
        if (overflow) *overflow = true;
        return sign * std::numeric_limits<double>::infinity();
    }
    // The unit of the last place: 2^s, and m = |q| / 2^s, rounded.
    long s = k - (mant - 1);
    if (s < emin) s = emin;
    mpz_class num = n, den = d;
    if (s >= 0) den <<= static_cast<unsigned long>(s);
    else num <<= static_cast<unsigned long>(-s);
    mpz_class m, r;
    mpz_tdiv_qr(m.get_mpz_t(), r.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
    int half = cmp(mpz_class(2 * r), den);
    if (half > 0 || (half == 0 && mpz_odd_p(m.get_mpz_t()))) ++m;
    // m <= 2^mant, exact in a double; scaling by 2^s is exact unless it overflows.
    double out = std::ldexp(m.get_d(), static_cast<int>(s));
    double limit = f32 ? static_cast<double>(std::numeric_limits<float>::max()) : std::numeric_limits<double>::max();
    if (std::isinf(out) || out > limit) {
        if (overflow) *overflow = true;
        return sign * std::numeric_limits<double>::infinity();
    }
    return sign * out;
}

}  // namespace lockstep::lang
