// RandomSource: a seeded, portable generator (SplitMix64 seeding xoshiro256**), so the same
// seed explores the same executions on every machine. No std::random_device.
#pragma once

#include <cstdint>

namespace lockstep::checker {

class RandomSource {
public:
    explicit RandomSource(uint64_t seed) {
        uint64_t x = seed;
        for (auto& s : m_s) s = splitmix(x);
    }
    uint64_t next() {
        uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    // Uniform in [0, n).
    uint32_t below(uint32_t n) { return n <= 1 ? 0 : static_cast<uint32_t>((next() >> 32) * n >> 32); }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static uint64_t splitmix(uint64_t& x) {
        uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    uint64_t m_s[4];
};

}  // namespace lockstep::checker
