// Access: which object a step touches and how, for the explorer's dependency relation
// (DPOR's order of conflicting events, NOT the Go memory model). Two steps are dependent
// when they touch one object and their modes conflict.
#pragma once

#include <cstdint>

namespace lockstep::checker {

// WgAdds and WgDones are two more objects per WaitGroup (by its sync id), so that Adds
// commute with Adds and Dones with Dones (sync::WaitGroupModel::deps names them).
enum class Space : uint8_t { Memory, Sync, Chan, Output, Global, WgAdds, WgDones };
constexpr int k_space_count = 7;

enum class AccessMode : uint8_t {
    Read,     // commutes with Read: two loads, two RLocks, two Waits
    Write,    // conflicts with everything on the object
    Commute,  // commutes with Commute only: WaitGroup Add/Done pairs, unordered prints
};

struct Access {
    Space space = Space::Global;
    AccessMode mode = AccessMode::Read;
    uint32_t id = 0;
};

inline bool modes_conflict(AccessMode a, AccessMode b) {
    if (a == AccessMode::Read && b == AccessMode::Read) return false;
    if (a == AccessMode::Commute && b == AccessMode::Commute) return false;
    return true;
}
inline bool accesses_conflict(const Access& a, const Access& b) {
    return a.space == b.space && a.id == b.id && modes_conflict(a.mode, b.mode);
}

}  // namespace lockstep::checker
