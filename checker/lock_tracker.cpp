// LockTracker: held locks per goroutine, lock-order edges, locks held while blocking.
#include "checker/lock_tracker.hpp"

namespace lockstep::checker {

void LockTracker::reset() {
    m_held.clear();
    m_edges.clear();
}

bool LockTracker::find_path(uint32_t at, uint32_t target, uint64_t gates, int depth) {
    for (uint32_t i = 0; i < m_edges.size(); ++i) {
        if (m_budget == 0) return false;
        --m_budget;
        const Edge& e = m_edges[i];
        if (e.from != at || e.g == m_searcher || (e.gates & gates)) continue;
        bool distinct = true;  // one edge per goroutine, and no lock twice on the path
        for (uint32_t k : m_path) distinct &= m_edges[k].g != e.g && m_edges[k].from != e.to;
        if (!distinct) continue;
        m_path.push_back(i);
        if (e.to == target) return true;
        if (depth > 1 && find_path(e.to, target, gates | e.gates, depth - 1)) return true;
        m_path.pop_back();
    }
    return false;
}

bool LockTracker::on_acquire(vm::Gid g, uint32_t m, uint32_t site, uint32_t step, FoundBug& bug) {
    bool found = false;
    uint64_t gates = 0;
    for (const Held& h : m_held)
        if (h.g == g) gates |= uint64_t{1} << (h.m & 63);
    for (const Held& h : m_held) {
        if (h.g != g || h.m == m) continue;
        uint64_t others = gates & ~(uint64_t{1} << (h.m & 63));
        if (!found) {
            // A path m → ... → h.m through the other goroutines' edges closes a cycle with
            // this edge h.m → m.
            // Shortest cycles first (iterative deepening): the two-lock inversion is the
            // common one and the easiest to read.
            m_searcher = g;
            m_budget = k_search_budget;
            bool closed = false;
            for (int depth = 1; depth < k_max_cycle && !closed; ++depth) {
                m_path.clear();
                closed = find_path(m, h.m, others, depth);
            }
            if (closed) {
                bug = FoundBug{};
                bug.kind = BugKind::LockOrderInversion;
                bug.object = m;
                for (uint32_t k : m_path) {
                    const Edge& e = m_edges[k];
                    bug.add(e.from_site, e.from_step, e.g, 0);  // holds e.from ...
                    bug.add(e.to_site, e.to_step, e.g, 1);      // ... takes e.to
                }
                bug.add(h.site, h.step, g, 0);  // this one: holds h.m ...
                bug.add(site, step, g, 1);      // ... takes m
                found = true;
            }
        }
        bool known = false;
        for (const Edge& e : m_edges) known |= e.from == h.m && e.to == m && e.g == g && e.from_site == h.site && e.to_site == site;
        if (!known) m_edges.push_back(Edge{h.m, m, g, h.site, site, h.step, step, others});
    }
    m_held.push_back(Held{g, m, site, step});
    return found;
}

void LockTracker::on_release(vm::Gid g, uint32_t m) {
    // Prefer g's own hold (RWMutex readers); else whoever holds it.
    for (size_t i = m_held.size(); i-- > 0;)
        if (m_held[i].m == m && m_held[i].g == g) {
            m_held.erase(m_held.begin() + static_cast<long>(i));
            return;
        }
    for (size_t i = m_held.size(); i-- > 0;)
        if (m_held[i].m == m) {
            m_held.erase(m_held.begin() + static_cast<long>(i));
            return;
        }
}

bool LockTracker::on_blocking(vm::Gid g, uint32_t site, uint32_t step, uint32_t except, FoundBug& bug) const {
    for (const Held& h : m_held) {
        if (h.g != g || h.m == except) continue;
        bug = FoundBug{};
        bug.kind = BugKind::LockHeldBlocking;
        bug.object = h.m;
        bug.add(site, step, g, 0);
        bug.add(h.site, h.step, g, 1);
        return true;
    }
    return false;
}

}  // namespace lockstep::checker
