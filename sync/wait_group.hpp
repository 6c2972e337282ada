// The model of sync.WaitGroup: a counter; Wait is enabled when it is zero. The checker
// keeps the Wait epochs to tell "Add from zero concurrent with Wait" (it needs clocks,
// which the model does not know).
#pragma once

#include <cstdint>

#include "sync/misuse.hpp"

namespace lockstep::sync {

class WaitGroupModel {
public:
    void reset() { m_counter = 0; }
    int64_t counter() const { return m_counter; }
    bool wait_enabled() const { return m_counter == 0; }
    // Applies Add(delta). `from_zero` tells the caller to check for a concurrent Wait.
    Misuse add(int64_t delta, bool& from_zero) {
        from_zero = m_counter == 0 && delta > 0;
        if (m_counter + delta < 0) return Misuse::NegativeCounter;
        m_counter += delta;
        return Misuse::None;
    }

private:
    int64_t m_counter = 0;
};

}  // namespace lockstep::sync
