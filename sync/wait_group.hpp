// The model of sync.WaitGroup: a counter; Wait is enabled when it is zero. The checker
// keeps the Wait epochs to tell "Add from zero concurrent with Wait" (it needs clocks,
// which the model does not know).
//
// It also keeps the waiters a counter reaching zero released and that have not yet
// returned from Wait (in lockstep a released Wait returns at its own step, later). Go's
// Wait, once woken, checks that the WaitGroup is still at zero and otherwise panics
// "sync: WaitGroup is reused before previous Wait has returned": an Add from zero, or a
// Done below zero, in that window is that misuse.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sync/misuse.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

class WaitGroupModel {
public:
    void reset() {
        m_counter = 0;
        m_released.clear();
    }
    int64_t counter() const { return m_counter; }
    bool wait_enabled() const { return m_counter == 0; }
    // Applies Add(delta). `from_zero` tells the caller to check for a concurrent Wait.
    // An Add from zero while released waiters have not returned is the reuse misuse (the
    // counter is left as it was: the program dies).
    Misuse add(int64_t delta, bool& from_zero) {
        from_zero = m_counter == 0 && delta > 0;
        if (m_counter + delta < 0) return Misuse::NegativeCounter;
        if (from_zero && !m_released.empty()) return Misuse::ReusedBeforeWaitReturned;
        m_counter += delta;
        return Misuse::None;
    }
    // g was blocked in Wait when the counter reached zero: it is woken, not yet returned.
    void release(vm::Gid g) {
        if (std::find(m_released.begin(), m_released.end(), g) == m_released.end()) m_released.push_back(g);
    }
    // g's Wait returns (a released waiter's wake-up, or a Wait that found zero).
    void wait_returns(vm::Gid g) {
        auto it = std::find(m_released.begin(), m_released.end(), g);
        if (it != m_released.end()) m_released.erase(it);
    }
    // Released waiters that have not returned yet (the first, for reports).
    bool waiters_returning() const { return !m_released.empty(); }
    vm::Gid returning_waiter() const { return m_released.front(); }

private:
    int64_t m_counter = 0;
    std::vector<vm::Gid> m_released;
};

}  // namespace lockstep::sync
