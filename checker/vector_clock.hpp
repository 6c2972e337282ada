// VectorClock: the Go memory model's happens-before as one counter per goroutine, dense by
// goroutine id. Sized once per execution to the goroutine count so joins never allocate.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "vm/operation.hpp"

namespace lockstep::checker {

class VectorClock {
public:
    // Grow to at least n entries (new entries are 0). Allocates only when n exceeds what
    // this clock ever held, so after the first executions it is free.
    void ensure(uint32_t n) {
        if (m_c.size() < n) m_c.resize(n, 0);
    }
    void clear() { std::fill(m_c.begin(), m_c.end(), 0u); }
    uint32_t size() const { return static_cast<uint32_t>(m_c.size()); }
    uint32_t get(vm::Gid g) const { return g < m_c.size() ? m_c[g] : 0; }
    void set(vm::Gid g, uint32_t t) {
        ensure(g + 1);
        m_c[g] = t;
    }
    void tick(vm::Gid g) {
        ensure(g + 1);
        ++m_c[g];
    }
    void join(const VectorClock& other) {
        ensure(other.size());
        for (uint32_t i = 0; i < other.size(); ++i) m_c[i] = std::max(m_c[i], other.m_c[i]);
    }
    void assign(const VectorClock& other) {
        ensure(other.size());
        std::copy(other.m_c.begin(), other.m_c.end(), m_c.begin());
        std::fill(m_c.begin() + other.size(), m_c.end(), 0u);
    }
    // The epoch (g, t) happened before (or is) this clock's view.
    bool covers(vm::Gid g, uint32_t t) const { return get(g) >= t; }
    bool leq(const VectorClock& other) const {
        for (uint32_t i = 0; i < size(); ++i)
            if (m_c[i] > other.get(i)) return false;
        return true;
    }

private:
    std::vector<uint32_t> m_c;
};

}  // namespace lockstep::checker
