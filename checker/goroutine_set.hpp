// GoroutineSet: a dense bitset of goroutine ids, reused across executions without
// reallocating (the explorer's enabled, backtrack and sleep sets).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "vm/operation.hpp"

namespace lockstep::checker {

class GoroutineSet {
public:
    void clear() {
        for (auto& w : m_words) w = 0;
    }
    bool has(vm::Gid g) const { return (g >> 6) < m_words.size() && (m_words[g >> 6] >> (g & 63)) & 1; }
    void set(vm::Gid g) {
        if ((g >> 6) >= m_words.size()) m_words.resize((g >> 6) + 1, 0);
        m_words[g >> 6] |= uint64_t{1} << (g & 63);
    }
    void reset(vm::Gid g) {
        if ((g >> 6) < m_words.size()) m_words[g >> 6] &= ~(uint64_t{1} << (g & 63));
    }
    void assign(const GoroutineSet& o) {
        if (m_words.size() < o.m_words.size()) m_words.resize(o.m_words.size(), 0);
        for (size_t i = 0; i < m_words.size(); ++i) m_words[i] = i < o.m_words.size() ? o.m_words[i] : 0;
    }
    // The least id >= from held, or UINT32_MAX: a word at a time.
    uint32_t find_next(uint32_t from) const {
        size_t w = from >> 6;
        if (w >= m_words.size()) return UINT32_MAX;
        uint64_t bits = m_words[w] & (~uint64_t{0} << (from & 63));
        while (true) {
            if (bits) return static_cast<uint32_t>(w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
            if (++w >= m_words.size()) return UINT32_MAX;
            bits = m_words[w];
        }
    }
    // The least id held here and in neither `a` nor `b`, or UINT32_MAX: a word at a time.
    uint32_t first_without(const GoroutineSet& a, const GoroutineSet& b) const {
        for (size_t w = 0; w < m_words.size(); ++w) {
            uint64_t bits = m_words[w];
            if (w < a.m_words.size()) bits &= ~a.m_words[w];
            if (w < b.m_words.size()) bits &= ~b.m_words[w];
            if (bits) return static_cast<uint32_t>(w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
        }
        return UINT32_MAX;
    }
    bool operator==(const GoroutineSet& o) const {
        size_t n = std::max(m_words.size(), o.m_words.size());
        for (size_t i = 0; i < n; ++i)
            if ((i < m_words.size() ? m_words[i] : 0) != (i < o.m_words.size() ? o.m_words[i] : 0)) return false;
        return true;
    }
    // Upper bound on ids held (for iteration).
    uint32_t limit() const { return static_cast<uint32_t>(m_words.size() * 64); }

private:
    std::vector<uint64_t> m_words;
};

}  // namespace lockstep::checker
