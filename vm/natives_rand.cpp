// math/rand's primitives (lang/stdsrc/math.rand.go builds the package on them): whether
// a range is small enough to be a data choice (MachineLimits::rand_choices), the choice
// itself — a visible Rand operation whose alternative the checker picks, every value in
// turn under an exhaustive search — and the seeded generator of every other draw. A
// drawn value is a function of the seed, the goroutine and how many values it drew
// before (NewSource's: of its seed and its count), so the same schedule draws the same
// values and draws of different goroutines commute, as their steps do.
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

// SplitMix64's finalizer: a well-mixed 64-bit value of x.
uint64_t mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

}  // namespace

// Where the program called into math/rand: the choice shows in traces at the user's
// rand.Intn(3), not inside the package (`fallback` when no such frame has a site).
uint32_t Machine::Impl::caller_site(const Goroutine& g, uint32_t fallback) const {
    for (size_t i = g.frames.size(); i-- > 0;) {
        const Frame& fr = g.frames[i];
        uint32_t s = M.functions[fr.fn].site_at(fr.pc ? fr.pc - 1 : 0);
        if (s == 0) continue;
        const Site& site = M.sites[s];
        if (site.file && site.file->import_path(site.pos.line) == "math/rand") continue;
        return s;
    }
    return fallback;
}

// The global source's next value for g: the seed's, g's, and g's count of draws.
uint64_t Machine::Impl::global_draw(Goroutine& g) {
    // The loop that draws until it sees a value is not a spin without progress.
    forget_loops(g);
    ++seeded_draws;
    uint64_t gid = static_cast<uint64_t>(&g - gs.data());
    return mix64(mix64(static_cast<uint64_t>(rand_seed) ^ mix64(gid)) + ++g.rand_draws);
}

bool Machine::Impl::native_rand(Goroutine& g, NativeId id, const Instr& in, uint32_t base) {
    Value* A = g.stack.data() + base;
    auto ret = [&](Value v) {
        g.sp = base;
        ensure_stack(g, 1);
        g.stack[g.sp++] = v;
    };
    switch (id) {
    case NativeId::RandSmall: ret(Value::of_bool(A[0].i >= 1 && static_cast<uint64_t>(A[0].i) <= limits.rand_choices)); return true;
    case NativeId::RandBelow: {
        int64_t n = A[0].i;
        if (n <= 1) {
            ret(Value::of_int(0));
            return true;
        }
        // A String() or Error() fmt runs for itself cannot pause: it draws.
        if (static_cast<uint64_t>(n) <= limits.rand_choices && !nested) {
            g.sp = base;
            g.pinstr = in;
            pause(g, OpKind::Rand, 0, caller_site(g, static_cast<uint32_t>(in.b < 0 ? 0 : in.b)), Pend::Rand, n);
            return true;
        }
        uint64_t x = global_draw(g);
        ret(Value::of_int(static_cast<int64_t>((static_cast<unsigned __int128>(x) * static_cast<uint64_t>(n)) >> 64)));
        return true;
    }
    case NativeId::RandUint64: ret(Value::of_int(static_cast<int64_t>(global_draw(g)))); return true;
    case NativeId::RandMix:
        forget_loops(g);
        ++seeded_draws;
        ret(Value::of_int(static_cast<int64_t>(mix64(mix64(static_cast<uint64_t>(A[0].i)) + static_cast<uint64_t>(A[1].i)))));
        return true;
    case NativeId::RandSeed:
        rand_seed = A[0].i;
        for (Goroutine& q : gs) q.rand_draws = 0;
        g.sp = base;
        return true;
    default: return false;
    }
}

uint64_t Machine::seeded_draws() const { return m_impl->seeded_draws; }

bool Machine::Impl::perform_rand(Goroutine& g, const Outcome& out) {
    ensure_stack(g, 1);
    g.stack[g.sp++] = Value::of_int(out.value);
    g.last_value = Value::of_int(out.value);
    g.last_type = rt::int64;
    return true;
}

}  // namespace lockstep::vm
