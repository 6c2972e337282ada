// The model of sync.Cond: the queue of parked waiters. Wait unlocks the Locker and parks
// (one step); Signal wakes the oldest waiter, Broadcast all; a woken waiter must then
// re-Lock the Locker (a second step, enabled when the Locker is free).
#pragma once

#include <cstdint>
#include <vector>

#include "vm/operation.hpp"

namespace lockstep::sync {

class CondModel {
public:
    void reset() { m_waiters.clear(); m_head = 0; }
    void park(vm::Gid g) { m_waiters.push_back(g); }
    bool has_waiters() const { return m_head < m_waiters.size(); }
    // Signal: the goroutine woken, if any (FIFO, as Go's notify list).
    bool signal(vm::Gid& woken) {
        if (!has_waiters()) return false;
        woken = m_waiters[m_head++];
        return true;
    }
    // Broadcast: call signal until it returns false.

private:
    std::vector<vm::Gid> m_waiters;
    size_t m_head = 0;
};

}  // namespace lockstep::sync
