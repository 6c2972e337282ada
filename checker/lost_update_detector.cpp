// The lost-update detector (read version per goroutine per location).
#include "checker/lost_update_detector.hpp"

#include <algorithm>

using lockstep::vm::Gid;

namespace lockstep::checker {

void LostUpdateDetector::reset() {
    for (uint32_t i = 0; i < m_used; ++i) {
        m_locations[i].version = 0;
        m_locations[i].adds.clear();
        m_locations[i].reads.clear();
    }
    m_used = 0;
}

LostUpdateDetector::Location& LostUpdateDetector::location(uint32_t loc) {
    if (loc >= m_locations.size()) m_locations.resize(loc + 1);
    if (loc >= m_used) m_used = loc + 1;
    return m_locations[loc];
}

void LostUpdateDetector::on_read(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step) {
    Location& l = location(loc);
    for (auto& r : l.reads)
        if (r.g == g) {
            r = Read{g, l.version, site, step};
            return;
        }
    l.reads.push_back(Read{g, l.version, site, step});
}

bool LostUpdateDetector::on_write(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step, FoundBug& bug) {
    Location& l = location(loc);
    bool lost = false;
    for (auto& r : l.reads) {
        if (r.g != g) continue;
        // B: the last writer, or among the Adds since it the lowest other goroutine's.
        Gid b = l.adds.empty() ? l.writer : g;
        uint32_t b_site = l.write_site, b_step = l.write_step;
        for (const auto& a : l.adds)
            if (a.g != g) {
                b = a.g, b_site = a.site, b_step = a.step;
                break;
            }
        if (r.version < l.version && b != g) {
            bug = FoundBug{};
            bug.kind = BugKind::LostUpdate;
            bug.object = loc;
            bug.add(r.site, r.step, g, 0);  // A's read
            bug.add(b_site, b_step, b, 1);  // B's write, lost
            bug.add(site, step, g, 1);      // A's overwrite
            lost = true;
        }
        // The read was used up by this write: a later write is not "based on" it.
        r.version = UINT32_MAX;
        break;
    }
    ++l.version;
    l.writer = g;
    l.write_site = site;
    l.write_step = step;
    l.adds.clear();
    return lost;
}

void LostUpdateDetector::on_commuting_write(uint32_t loc, vm::Gid g, uint32_t site, uint32_t step) {
    Location& l = location(loc);
    for (auto& r : l.reads)
        if (r.g == g) {
            r.version = UINT32_MAX;
            break;
        }
    ++l.version;
    auto it = std::lower_bound(l.adds.begin(), l.adds.end(), g, [](const Location::Add& a, Gid x) { return a.g < x; });
    if (it != l.adds.end() && it->g == g) *it = Location::Add{g, site, step};
    else l.adds.insert(it, Location::Add{g, site, step});
}

}  // namespace lockstep::checker
