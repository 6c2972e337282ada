// LockTracker: which locks each goroutine holds (and where it took them), for the
// lock-order-inversion detector (the held → acquired graph, with GoodLock's gate-lock
// exclusion) and the lock-held-blocking note. Two-lock cycles only: the common inversion.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/found_bug.hpp"

namespace lockstep::checker {

class LockTracker {
public:
    void reset();
    // g took lock m at site (step). Returns true with `bug` filled on a lock-order
    // inversion: another goroutine took these two locks in the other order, holding no
    // common third lock (which would serialize the two and make the cycle harmless).
    bool on_acquire(vm::Gid g, uint32_t m, uint32_t site, uint32_t step, FoundBug& bug);
    // m released (by anyone: Go lets another goroutine unlock a Mutex).
    void on_release(vm::Gid g, uint32_t m);
    // g is about to block or sleep: true with `bug` (lock-held-blocking) if it holds a
    // lock other than `except` (Cond.Wait releases its own Locker).
    bool on_blocking(vm::Gid g, uint32_t site, uint32_t step, uint32_t except, FoundBug& bug) const;

private:
    struct Held {
        vm::Gid g;
        uint32_t m;
        uint32_t site;
        uint32_t step;
    };
    struct Edge {
        uint32_t from, to;
        vm::Gid g;
        uint32_t from_site, to_site, from_step, to_step;
        uint64_t gates;  // bit (m & 63) for every other lock held at the time
    };
    std::vector<Held> m_held;
    std::vector<Edge> m_edges;
};

}  // namespace lockstep::checker
