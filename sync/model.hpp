// The interface every sync model answers through: for one goroutine's pending operation on
// the model's object, is it enabled, how does it depend on other operations on the object
// (the explorer's dependency relation), would it be a misuse (the program dies), how many
// alternatives does it have (a data choice), and what does performing it do (the new
// state, the happens-before edges on the object's release clocks, the effect the
// dependency analysis needs, the VM's outcome).
//
// The models know nothing of clocks, traces or goroutine scheduling: the checker keeps
// the vector clocks and applies the edges a model names (checker/execution.cpp). What
// needs a clock to decide (WaitGroup's "Add concurrent with Wait", data races) stays there.
#pragma once

#include <cstdint>

#include "sync/misuse.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

// How an operation depends on others on the same object (checker::AccessMode).
enum class Dep : uint8_t {
    Read,     // commutes with Read: two RLocks, two Waits
    Write,    // conflicts with every operation on the object
    Commute,  // commutes with Commute only: WaitGroup Adds and Dones that stay above zero
};

// The parts of one object an operation touches, for the dependency relation: the object
// itself, and a WaitGroup's Adds and Dones (two more parts, so that Adds commute with Adds
// and Dones with Dones: sync/wait_group.hpp). The checker maps each to an access.
enum class Facet : uint8_t { Object, Adds, Dones };

// Every part an operation touches and how: the whole of its dependency relation.
struct Deps {
    struct Part {
        Facet facet = Facet::Object;
        Dep mode = Dep::Write;
    };
    Part parts[3];
    uint8_t n = 0;
    Deps& add(Facet f, Dep d) {
        parts[n++] = Part{f, d};
        return *this;
    }
    static Deps object(Dep d) { return Deps{}.add(Facet::Object, d); }
};

// What a step did beyond the operation itself, where it matters to dependency analysis
// (checker::StepEffect is this type).
enum class Effect : uint8_t {
    Plain,
    Acquire,      // Lock / RLock / successful TryLock / Cond re-lock: took the lock
    Announce,     // RWMutex writer registered behind readers
    Release,      // Unlock / RUnlock / the end of a running Once f
    CondPark,     // Cond.Wait: unlocked the locker and parked
    FromZeroAdd,  // WaitGroup Add with delta > 0 from counter 0
    Disarm,       // a timer's Stop (or Reset) that found it armed: its firing was disabled
    Ends,         // the step ended the execution (crash, misuse, exit)
};

// The dependency rules of blocking operations (checker/dpor_strategy.cpp asks them). A
// blocked operation cannot move before the step that let it proceed (a Lock before the
// Unlock it waited for is not an execution); its race is with the last step on the object
// that disabled it (putting the Lock before the other goroutine's Lock is). Each blocking
// operation belongs to one class, and its model says, for a step already taken (its
// kind and effect), whether that step can disable operations of the class and whether it
// can be what enabled one.
enum class Wait : uint8_t {
    None,
    Lock,    // Mutex/RWMutex Lock: disabled by any acquisition or a writer's announce
    RLock,   // RLock: disabled by a writer's acquisition or announce
    WgWait,  // WaitGroup Wait: disabled by an Add from zero
    Once,    // Once.Do: disabled by the Do that runs f
    Timer,   // a timer's firing: disabled by a Stop (or Reset) that disarmed it
};
constexpr int k_wait_count = 6;

// Happens-before edges through the object's two release clocks (bit set).
enum Edge : uint8_t {
    EdgeNone = 0,
    JoinRelease = 1,         // the step acquires what the last releases published
    JoinReadRelease = 2,     // ... and what RUnlocks published (a writer's Lock, TryLock)
    PublishRelease = 4,      // the step publishes its clock: Unlock, Done, the end of Once's f
    PublishReadRelease = 8,  // RUnlock → the next Lock
};

// The operation asked about: goroutine g's pending operation, with the facts about g the
// model does not keep itself.
struct OpQuery {
    vm::OpKind kind = vm::OpKind::Lock;
    vm::Gid g = 0;
    int64_t arg = 0;
    uint32_t alt = 0;          // apply: the alternative taken
    bool announced = false;    // RWMutex: g already performed its Announce step for this Lock
    bool room = true;          // Ticker: its channel has room for a tick
    // Another goroutine lives (who could still Unlock a Go Mutex): asked only when it matters.
    const void* world = nullptr;
    bool (*others_alive_fn)(const void* world, vm::Gid g) = nullptr;
    bool others_alive() const { return others_alive_fn ? others_alive_fn(world, g) : true; }
};

// What performing the operation did.
struct Applied {
    Misuse misuse = Misuse::None;  // the program dies with this misuse (state unchanged)
    Effect effect = Effect::Plain;
    uint8_t edges = EdgeNone;
    int64_t value = 0;             // the VM's outcome value (TryLock acquired, Do runs f, ...)
    bool resume = true;            // false: g stays at its operation (an Announce)
};

// A release (Unlock, RUnlock, the end of Once's f, a Reset re-arming a timer) or a
// Cond.Wait that unlocked its Locker: what lets a blocked operation proceed, never what
// it races with.
inline bool releases(Effect e) { return e == Effect::Release || e == Effect::CondPark; }

// A model implements, for the operation kinds it owns:
//   static Wait wait_class(vm::OpKind k, Effect e, bool performed);
//                                            // the blocking class of an operation (None
//                                            // if it never blocks); `performed`: a step
//                                            // taken with effect e, else a pending one
//   static bool disables(Wait w, vm::OpKind k, Effect e);   // for the classes it owns
//   static bool enables(Wait w, vm::OpKind k, Effect e);    // likewise
//   bool enabled(const OpQuery&) const;
//   Dep dep(const OpQuery&) const;           // how it depends on others on the object
//   Deps deps(const OpQuery&) const;         // every part it touches (Deps::object(dep) for most)
//   Misuse misuse(const OpQuery&) const;      // what apply would report, without applying
//   uint32_t alternatives(const OpQuery&) const;
//   Applied apply(const OpQuery&);
// sync/sync_object.hpp dispatches an operation kind to its model.

}  // namespace lockstep::sync
