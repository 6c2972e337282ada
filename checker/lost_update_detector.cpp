// The lost-update detector (read version per goroutine per location).
#include "checker/lost_update_detector.hpp"

namespace lockstep::checker {

void LostUpdateDetector::reset() {
    for (uint32_t i = 0; i < m_used; ++i) {
        m_locations[i].version = 0;
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
        if (r.version < l.version && l.writer != g) {
            bug = FoundBug{};
            bug.kind = BugKind::LostUpdate;
            bug.object = loc;
            bug.add(r.site, r.step, g, 0);                 // A's read
            bug.add(l.write_site, l.write_step, l.writer, 1);  // B's write, lost
            bug.add(site, step, g, 1);                     // A's overwrite
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
    return lost;
}

}  // namespace lockstep::checker
