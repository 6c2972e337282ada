// LockTracker: which locks each goroutine holds (and where it took them), for the
// lock-order-inversion detector (the held → acquired graph, with GoodLock's gate-lock
// exclusion) and the lock-held-blocking note. Cycles of up to k_max_cycle locks (A→B→C→A
// by three goroutines deadlocks as surely as A→B, B→A by two).
#pragma once

#include <cstdint>
#include <vector>

#include "checker/found_bug.hpp"

namespace lockstep::checker {

class LockTracker {
public:
    void reset();
    // g took lock m at site (step). Returns true with `bug` filled on a lock-order
    // inversion: a cycle of edges held → acquired closes through this one, each edge by a
    // different goroutine, no two of them holding a common other lock (a gate lock, which
    // would serialize them and make the cycle harmless). Decisive steps, two per edge
    // (holds, takes), the other goroutines' edges first in cycle order, this one last.
    static constexpr int k_max_cycle = 4;
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
    // Depth-first from lock `at` along other goroutines' edges towards `target`; the path
    // so far is in m_path (edge indices).
    bool find_path(uint32_t at, uint32_t target, uint64_t gates, int depth);

    std::vector<Held> m_held;
    std::vector<Edge> m_edges;
    std::vector<uint32_t> m_path;
    vm::Gid m_searcher = 0;
    // Edges one Lock's search may look at: the graph of a thousand goroutines nesting
    // locks must not make each Lock step cubic. Short cycles are searched first, so what
    // the budget can cut is a long cycle in a very large graph.
    static constexpr uint32_t k_search_budget = 1u << 14;
    uint32_t m_budget = 0;
};

}  // namespace lockstep::checker
