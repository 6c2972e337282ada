// FoundBug: a bug as the search records it — kind, the sites and steps that make it, the
// goroutines — with no strings, so finding one costs nothing. The message and the trace
// are built later by replaying the schedule (see trace_builder).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "checker/result.hpp"
#include "vm/operation.hpp"

namespace lockstep::checker {

inline constexpr uint32_t no_site = UINT32_MAX;

struct FoundBug {
    BugKind kind = BugKind::Panic;
    uint8_t count = 0;                 // how many of sites/steps/gids are used
    // Eight: a lock-order cycle of four locks has two decisive steps per edge.
    std::array<uint32_t, 8> sites{};   // the decisive operations' sites (the dedup key)
    std::array<uint32_t, 8> steps{};   // their 0-based step indices in the execution
    std::array<vm::Gid, 8> gids{};
    std::array<uint8_t, 8> flags{};    // per decisive step: 1 = write (races), kind-specific otherwise
    uint32_t object = 0;               // the location / sync object involved
    uint32_t variant = 0;              // kind-specific (which Go message)

    void add(uint32_t site, uint32_t step, vm::Gid g, uint8_t flag = 0) {
        if (count >= sites.size()) return;
        sites[count] = site;
        steps[count] = step;
        gids[count] = g;
        flags[count] = flag;
        ++count;
    }
    // Each distinct bug (kind plus its source locations) is reported once.
    bool same_bug(const FoundBug& o) const {
        if (kind != o.kind || count != o.count) return false;
        auto a = sites, b = o.sites;
        std::sort(a.begin(), a.begin() + count);
        std::sort(b.begin(), b.begin() + o.count);
        return std::equal(a.begin(), a.begin() + count, b.begin()) && variant == o.variant;
    }
};

// Variants of FoundBug::variant for the kinds that have several Go messages.
enum BugVariant : uint32_t {
    VariantMutexUnlock = 0,     // sync: unlock of unlocked mutex
    VariantRWUnlock = 1,        // sync: Unlock of unlocked RWMutex
    VariantRWRUnlock = 2,       // sync: RUnlock of unlocked RWMutex
    VariantRecursiveMutex = 0,
    VariantRecursiveRLock = 1,  // RLock while a writer waits behind our own read lock
    VariantRecursiveOnce = 2,
    VariantMapWrites = 0,       // concurrent map writes
    VariantMapReadWrite = 1,    // concurrent map read and map write
    VariantWgAddDuringWait = 0, // WaitGroup misuse: Add called concurrently with Wait
    VariantWgReuse = 1,         // WaitGroup is reused before previous Wait has returned
    VariantRacePlain = 0,       // data race on a variable
    VariantRaceOnMap = 1,       // data race on a map that Go's runtime cannot see (causality.hpp)
    VariantStepsExceeded = 0,   // livelock: the execution ran past --max-steps
    VariantSpinning = 1,        // livelock: one goroutine ran on without a visible operation
};

}  // namespace lockstep::checker
