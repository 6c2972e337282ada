// The interface through which the checker drives a program: reset it to the start of an
// execution, look at each goroutine's pending visible operation, and let one goroutine
// perform it and run on to its next one. vm::Machine implements it; the checker's tests
// implement it with scripted programs.
#pragma once

#include <string>
#include <string_view>

#include "vm/operation.hpp"

namespace lockstep::vm {

enum class GoroutineState : uint8_t {
    Pending,  // paused at a visible operation (pending() is valid)
    Done,     // returned from its function
};

struct GoroutineInfo {
    std::string name;   // "main", "main.main.func1", "main.worker"
    uint32_t created_at = 0;  // site of the `go` statement; ignored for main
    bool has_creator = false;
    Gid parent = 0;
};

// One case of a pending select (Program::select_case).
struct SelectCase {
    OpKind kind = OpKind::ChanRecv;  // ChanSend or ChanRecv
    uint32_t chan = 0;               // channel id; a nil channel's case is never ready
    bool nil_chan = false;
};

class Program {
public:
    virtual ~Program() = default;

    // Start a fresh execution: only goroutine 0 exists, paused at its first visible
    // operation. Must be cheap (no parsing, no compiling, no allocation once warm).
    virtual void reset() = 0;

    virtual uint32_t goroutine_count() const = 0;
    virtual GoroutineState state(Gid g) const = 0;
    // The operation goroutine g is paused at; valid while state(g) == Pending.
    virtual const Operation& pending(Gid g) const = 0;

    // Perform g's pending operation with the given outcome, then run g (invisibly) to its
    // next visible operation or to its end. A Go operation creates goroutine
    // goroutine_count() (paused at its own first visible operation) before returning.
    virtual void resume(Gid g, const Outcome& outcome) = 0;

    // Channel facts the checker needs to decide enabledness (Chan space ids).
    virtual uint32_t chan_capacity(uint32_t chan) const = 0;
    virtual uint32_t chan_buffered(uint32_t chan) const = 0;  // values now in the buffer
    virtual bool chan_closed(uint32_t chan) const = 0;
    // Cases of g's pending Select (arg says how many); `default` is not a case.
    virtual SelectCase select_case(Gid g, uint32_t index) const = 0;
    virtual bool select_has_default(Gid g) const = 0;

    // Explaining an execution (used when rebuilding a trace, not while searching).
    virtual const Site& site(uint32_t index) const = 0;
    virtual GoroutineInfo goroutine_info(Gid g) const = 0;
    // The value g's last performed operation read or wrote, as Go would print it ("3",
    // "true", "&{...}"); "" when the operation has no value.
    virtual std::string last_value_text(Gid g) const = 0;
    // For a Panic operation: Go's message, e.g. "assignment to entry in nil map" or
    // "sync: negative WaitGroup counter" (without the "panic: " prefix), and whether it is a
    // runtime fatal error ("fatal error: ...") rather than a panic.
    virtual std::string panic_message(Gid g) const = 0;
    virtual bool panic_is_fatal(Gid g) const = 0;
    // For a test entry (func TestXxx(t *testing.T)) that failed in this execution: go
    // test's report ("--- FAIL: TestXxx (0.00s)\n    x_test.go:12: message\n"), and in
    // `site` the call that first failed it; "" while the test has not failed.
    virtual std::string test_failure(uint32_t& site) const {
        (void)site;
        return {};
    }
    // A timer's own goroutine (time.NewTimer, AfterFunc, NewTicker...): not the program's,
    // so never a leak nor part of a deadlock, and never the one who unlocks a mutex.
    virtual bool is_timer(Gid g) const {
        (void)g;
        return false;
    }
    // Symmetry (checker/symmetry.hpp): goroutines a and b were started by the same `go`
    // statement of the same parent and their local states are identical — frames, pcs,
    // operand stacks and locals, deferred calls, panic state, the pending operation, and
    // the values their closures captured (compared by content: two closures made by one
    // literal hold equal pointers in distinct environment cells). false when unsure.
    virtual bool same_local_state(Gid a, Gid b) const {
        (void)a;
        (void)b;
        return false;
    }
    // Loop heads (the spin-loop reduction, checker/spin_await.hpp): how many times g has
    // been at the head of a `for` loop, and, when the latest of these repeats an earlier one
    // — same loop, same goroutine-local state, with only visible operations in between —
    // the serial of that earlier one (else 0).
    virtual uint64_t loop_serial(Gid g) const {
        (void)g;
        return 0;
    }
    virtual uint64_t loop_repeats(Gid g) const {
        (void)g;
        return 0;
    }
    // A sync object made by copying a sync value (a SyncCopy took the copy's snapshot, the
    // copy was first used at another cell): the snapshot's sync id, whose state the object
    // starts from; UINT32_MAX for an object that starts fresh.
    virtual uint32_t sync_origin(uint32_t id) const {
        (void)id;
        return UINT32_MAX;
    }
    // Everything printed so far in this execution.
    virtual std::string_view output() const = 0;
    // math/rand values drawn from the seeded generator in this execution, not chosen: the
    // search did not try their other values (a bound, "rand").
    virtual uint64_t seeded_draws() const { return 0; }
};

}  // namespace lockstep::vm
