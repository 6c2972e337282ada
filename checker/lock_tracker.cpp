// LockTracker: held locks per goroutine, lock-order edges, locks held while blocking.
#include "checker/lock_tracker.hpp"

namespace lockstep::checker {

void LockTracker::reset() {
    m_held.clear();
    m_edges.clear();
}

bool LockTracker::on_acquire(vm::Gid g, uint32_t m, uint32_t site, uint32_t step, FoundBug& bug) {
    bool found = false;
    uint64_t gates = 0;
    for (const Held& h : m_held)
        if (h.g == g) gates |= uint64_t{1} << (h.m & 63);
    for (const Held& h : m_held) {
        if (h.g != g || h.m == m) continue;
        uint64_t others = gates & ~(uint64_t{1} << (h.m & 63));
        for (const Edge& e : m_edges) {
            if (found || e.from != m || e.to != h.m || e.g == g) continue;
            if (e.gates & others) continue;  // a common gate lock orders them
            bug = FoundBug{};
            bug.kind = BugKind::LockOrderInversion;
            bug.object = m;
            bug.add(e.from_site, e.from_step, e.g, 0);  // other goroutine: holds m ...
            bug.add(e.to_site, e.to_step, e.g, 1);      // ... takes h.m
            bug.add(h.site, h.step, g, 0);               // this one: holds h.m ...
            bug.add(site, step, g, 1);                   // ... takes m
            found = true;
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
