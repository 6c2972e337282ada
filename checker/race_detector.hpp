// The data-race detector: per location the last write epoch and the reads since it
// (FastTrack's shape); an access not ordered after a conflicting one by the Go memory
// model's happens-before is a race. Also reports unsynchronized map access.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/found_bug.hpp"
#include "checker/vector_clock.hpp"

namespace lockstep::checker {

struct AccessEpoch {
    vm::Gid g = 0;
    uint32_t t = 0;     // g's clock component at the access
    uint32_t site = 0;
    uint32_t step = 0;
    bool atomic = false;  // sync/atomic access: two atomic accesses never race
};

class RaceDetector {
public:
    void reset();
    // An access by g with clock `c`. Returns true and fills `bug` when it races with an
    // earlier access (at least one of the two plain, as Go's race detector: mixing atomic
    // and plain accesses to one variable is a race). `is_map` switches to
    // concurrent-map-access.
    bool on_read(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, bool is_map, FoundBug& bug, bool atomic = false);
    bool on_write(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, bool is_map, FoundBug& bug, bool atomic = false);
    // An atomic Add whose result is dropped: it commutes with the other such Adds, so they
    // are not ordered among themselves (none acquires) and do not replace each other as
    // "the last write". They are kept beside it, one per goroutine sorted by goroutine, and
    // every plain access checks them all; the Add itself checks the last write and the
    // reads, and leaves them (the state is the same in whichever order the Adds ran).
    bool on_commuting_write(uint32_t loc, vm::Gid g, const VectorClock& c, uint32_t site, uint32_t step, FoundBug& bug);

    // The last write, when a write by g with clock `c` would race with it (nothing recorded).
    const AccessEpoch* racing_write(uint32_t loc, vm::Gid g, const VectorClock& c) const {
        if (loc >= m_used || loc >= m_shadows.size()) return nullptr;
        const Shadow& s = m_shadows[loc];
        bool races = s.written && s.write.g != g && !s.write.atomic && !c.covers(s.write.g, s.write.t);
        return races ? &s.write : nullptr;
    }

private:
    struct Shadow {
        bool written = false;
        AccessEpoch write;
        std::vector<AccessEpoch> reads;  // one per goroutine since the last write
        std::vector<AccessEpoch> adds;   // commuting Adds since the last write, one per goroutine, by goroutine
    };
    // A plain access by g with clock c against the commuting Adds: the first one it races with.
    static const AccessEpoch* racing_add(const Shadow& s, vm::Gid g, const VectorClock& c);
    Shadow& shadow(uint32_t loc);
    static void fill(FoundBug& bug, const AccessEpoch& prev, bool prev_write, vm::Gid g, uint32_t site, uint32_t step, bool write, uint32_t loc, bool is_map);

    std::vector<Shadow> m_shadows;
    uint32_t m_used = 0;  // shadows valid this execution are [0, m_used)
};

}  // namespace lockstep::checker
