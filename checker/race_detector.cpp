// The data-race detector (FastTrack-style last write + reads since it, per location).
#include "checker/race_detector.hpp"

#include <algorithm>

namespace lockstep::checker {

void RaceDetector::reset() {
    for (uint32_t i = 0; i < m_used; ++i) {
        m_shadows[i].written = false;
        m_shadows[i].reads.clear();
        m_shadows[i].adds.clear();
    }
    m_used = 0;
}

RaceDetector::Shadow& RaceDetector::shadow(uint32_t loc) {
    if (loc >= m_shadows.size()) m_shadows.resize(loc + 1);
    if (loc >= m_used) m_used = loc + 1;
    return m_shadows[loc];
}

void RaceDetector::fill(FoundBug& bug, const AccessEpoch& prev, bool prev_write, vm::Gid g, uint32_t site, uint32_t step, bool write, uint32_t loc, bool is_map) {
    bug = FoundBug{};
    bug.kind = is_map ? BugKind::ConcurrentMapAccess : BugKind::DataRace;
    bug.object = loc;
    // The later access first: it is where the race shows.
    bug.add(site, step, g, write ? 1 : 0);
    bug.add(prev.site, prev.step, prev.g, prev_write ? 1 : 0);
    if (is_map) bug.variant = (write && prev_write) ? VariantMapWrites : VariantMapReadWrite;
}

const AccessEpoch* RaceDetector::racing_add(const Shadow& s, vm::Gid g, const VectorClock& c) {
    for (const auto& a : s.adds)
        if (a.g != g && !c.covers(a.g, a.t)) return &a;
    return nullptr;
}

bool RaceDetector::on_read(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, bool is_map, FoundBug& bug, bool atomic) {
    Shadow& s = shadow(loc);
    bool raced = false;
    if (s.written && s.write.g != g && !(atomic && s.write.atomic) && !c.covers(s.write.g, s.write.t)) {
        fill(bug, s.write, true, g, site, step, false, loc, is_map);
        raced = true;
    }
    if (!raced && !atomic)
        if (const AccessEpoch* a = racing_add(s, g, c)) {
            fill(bug, *a, true, g, site, step, false, loc, is_map);
            raced = true;
        }
    AccessEpoch me{g, c.get(g), site, step, atomic};
    for (auto& r : s.reads)
        if (r.g == g) {
            r = me;
            return raced;
        }
    s.reads.push_back(me);
    return raced;
}

bool RaceDetector::on_write(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, bool is_map, FoundBug& bug, bool atomic) {
    Shadow& s = shadow(loc);
    bool raced = false;
    if (s.written && s.write.g != g && !(atomic && s.write.atomic) && !c.covers(s.write.g, s.write.t)) {
        fill(bug, s.write, true, g, site, step, true, loc, is_map);
        raced = true;
    }
    if (!raced)
        for (const auto& r : s.reads)
            if (r.g != g && !(atomic && r.atomic) && !c.covers(r.g, r.t)) {
                fill(bug, r, false, g, site, step, true, loc, is_map);
                raced = true;
                break;
            }
    if (!raced && !atomic)
        if (const AccessEpoch* a = racing_add(s, g, c)) {
            fill(bug, *a, true, g, site, step, true, loc, is_map);
            raced = true;
        }
    s.reads.clear();
    s.adds.clear();
    s.written = true;
    s.write = AccessEpoch{g, c.get(g), site, step, atomic};
    return raced;
}

bool RaceDetector::on_commuting_write(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, FoundBug& bug) {
    Shadow& s = shadow(loc);
    bool raced = false;
    if (s.written && s.write.g != g && !s.write.atomic && !c.covers(s.write.g, s.write.t)) {
        fill(bug, s.write, true, g, site, step, true, loc, false);
        raced = true;
    }
    if (!raced)
        for (const auto& r : s.reads)
            if (r.g != g && !r.atomic && !c.covers(r.g, r.t)) {
                fill(bug, r, false, g, site, step, true, loc, false);
                raced = true;
                break;
            }
    AccessEpoch me{g, c.get(g), site, step, true};
    auto it = std::lower_bound(s.adds.begin(), s.adds.end(), g, [](const AccessEpoch& a, vm::Gid x) { return a.g < x; });
    if (it != s.adds.end() && it->g == g) *it = me;
    else s.adds.insert(it, me);
    return raced;
}

}  // namespace lockstep::checker
