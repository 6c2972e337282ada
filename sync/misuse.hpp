// Misuse: what a sync model reports when an operation breaks the primitive's rules. The
// checker turns each into a checker::Bug; the model only names it.
#pragma once

#include <cstdint>

namespace lockstep::sync {

enum class Misuse : uint8_t {
    None,
    RecursiveLock,          // Lock by the goroutine that holds the Mutex, when nobody else can unlock it
    RecursiveRLock,         // RLock/Lock by a reader of the RWMutex (behind a waiting writer, or its own Lock)
    RecursiveOnce,          // Once.Do inside its own Do
    UnlockOfUnlocked,       // "sync: unlock of unlocked mutex" / "sync: Unlock of unlocked RWMutex"
    RUnlockOfUnlocked,      // "sync: RUnlock of unlocked RWMutex"
    NegativeCounter,        // "sync: negative WaitGroup counter"
    AddConcurrentWithWait,  // "sync: WaitGroup misuse: Add called concurrently with Wait"
    ReusedBeforeWaitReturned,  // "sync: WaitGroup is reused before previous Wait has returned"
};

}  // namespace lockstep::sync
