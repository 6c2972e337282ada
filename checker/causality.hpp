// Causality beyond happens-before: whether a step can have influenced a later step of
// another goroutine through program order, `go`, synchronization, or a plain read of a
// value written after it (a reads-from edge, racy or not). Go's runtime sees a concurrent
// map access only when the two accesses overlap in time; a causal chain from the first to
// the second means they cannot, so the bug is a data race on the map, not a fatal error.
#pragma once

#include <cstdint>

#include "vm/program.hpp"

namespace lockstep::checker {

class Execution;

// Some chain of steps leads from step `from` (already taken) to goroutine `to`'s next
// step, which would be step `upto`: a goroutine that has been reached passes it on by
// every object it modifies, and a goroutine that then observes such an object (reads it,
// acquires it, receives from it; a WaitGroup Add or Done does not count) is reached; a
// blind store by a goroutine not reached overwrites what was passed on.
bool causally_after(const Execution& e, uint32_t from, vm::Gid to, uint32_t upto);

}  // namespace lockstep::checker
