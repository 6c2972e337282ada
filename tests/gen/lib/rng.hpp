// The generators' random source: splitmix64, so a seed names the same program on every
// platform and standard library (std::uniform_int_distribution does not promise that).
#pragma once

#include <cstdint>
#include <vector>

namespace lockstep::gen {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
    // In [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1))); }
    bool percent(int p) { return below(100) < static_cast<uint32_t>(p); }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[below(static_cast<uint32_t>(items.size()))]; }

private:
    uint64_t state_;
};

}  // namespace lockstep::gen
