// The sync models on their own: enabledness, what each operation does, the misuse each
// names. Go's semantics (checked against Go 1.19) written as tables where they fit.
#include <catch2/catch.hpp>

#include "sync/channel.hpp"
#include "sync/cond.hpp"
#include "sync/mutex.hpp"
#include "sync/once.hpp"
#include "sync/pool.hpp"
#include "sync/wait_group.hpp"

using namespace lockstep::sync;

TEST_CASE("Mutex: Lock is enabled iff free; the holder locking again is recursive", "[mutex]") {
    MutexModel m;
    CHECK(m.lock_step(1, false) == LockStep::Acquire);
    m.acquire(1, false);
    CHECK(m.lock_step(2, false) == LockStep::Blocked);
    CHECK(m.lock_step(1, false) == LockStep::Recursive);
    CHECK_FALSE(m.try_lock(2));
    CHECK(m.unlock() == Misuse::None);
    CHECK(m.unlock() == Misuse::UnlockOfUnlocked);
    CHECK(m.try_lock(2));
    CHECK(m.writer() == 2);
    // Unlocking a mutex another goroutine holds is legal Go.
    CHECK(m.unlock() == Misuse::None);
    CHECK(m.free());
}

TEST_CASE("RWMutex: readers share, a waiting writer blocks new readers", "[rwmutex]") {
    MutexModel m;
    CHECK(m.rlock_step(1) == LockStep::Acquire);
    m.racquire(1);
    CHECK(m.rlock_step(2) == LockStep::Acquire);
    m.racquire(2);
    // The writer finds readers: it announces itself first...
    CHECK(m.lock_step(3, false) == LockStep::Announce);
    m.announce();
    CHECK(m.lock_step(3, true) == LockStep::Blocked);
    // ...and from then on new readers wait (Go's writer preference).
    CHECK(m.rlock_step(4) == LockStep::Blocked);
    CHECK_FALSE(m.try_rlock(4));
    // A reader that RLocks again behind the waiting writer deadlocks: recursive.
    CHECK(m.rlock_step(1) == LockStep::Recursive);
    CHECK(m.runlock(1) == Misuse::None);
    CHECK(m.runlock(2) == Misuse::None);
    CHECK(m.lock_step(3, true) == LockStep::Acquire);
    m.acquire(3, true);
    CHECK(m.rlock_step(4) == LockStep::Blocked);
    CHECK(m.unlock() == Misuse::None);
    CHECK(m.rlock_step(4) == LockStep::Acquire);
    m.racquire(4);
    CHECK(m.runlock(4) == Misuse::None);
    CHECK(m.runlock(4) == Misuse::RUnlockOfUnlocked);
    // Lock while holding the read lock: recursive.
    m.racquire(5);
    CHECK(m.lock_step(5, false) == LockStep::Recursive);
}

TEST_CASE("WaitGroup: Wait enabled at zero; negative counter; Add from zero", "[waitgroup]") {
    WaitGroupModel wg;
    bool from_zero = false;
    CHECK(wg.wait_enabled());
    CHECK(wg.add(2, from_zero) == Misuse::None);
    CHECK(from_zero);
    CHECK_FALSE(wg.wait_enabled());
    CHECK(wg.add(-1, from_zero) == Misuse::None);
    CHECK_FALSE(from_zero);
    CHECK(wg.add(-1, from_zero) == Misuse::None);
    CHECK(wg.wait_enabled());
    CHECK(wg.add(-1, from_zero) == Misuse::NegativeCounter);
    CHECK(wg.counter() == 0);
}

TEST_CASE("WaitGroup: an Add from zero before a released Wait returned is the reuse misuse", "[waitgroup]") {
    WaitGroupModel wg;
    bool from_zero = false;
    REQUIRE(wg.add(1, from_zero) == Misuse::None);
    REQUIRE(wg.add(-1, from_zero) == Misuse::None);
    // Goroutines 3 and 4 were blocked in Wait when the counter reached zero.
    wg.release(3);
    wg.release(4);
    CHECK(wg.waiters_returning());
    wg.wait_returns(3);
    CHECK(wg.waiters_returning());
    CHECK(wg.returning_waiter() == 4);
    CHECK(wg.add(1, from_zero) == Misuse::ReusedBeforeWaitReturned);
    CHECK(wg.counter() == 0);
    wg.wait_returns(4);
    CHECK_FALSE(wg.waiters_returning());
    CHECK(wg.add(1, from_zero) == Misuse::None);  // every waiter returned: reuse is fine
    CHECK(from_zero);
    CHECK(wg.counter() == 1);
    wg.reset();
    CHECK_FALSE(wg.waiters_returning());
}

TEST_CASE("Once: one Do runs f, others wait for it, then return at once", "[once]") {
    OnceModel o;
    CHECK(o.enter_step(1) == OnceStep::RunsF);
    o.start(1);
    CHECK(o.enter_step(2) == OnceStep::Blocked);
    CHECK(o.enter_step(1) == OnceStep::Recursive);
    o.finish();
    CHECK(o.done());
    CHECK(o.enter_step(2) == OnceStep::Returns);
    CHECK(o.enter_step(1) == OnceStep::Returns);
}

TEST_CASE("Cond: Signal wakes the oldest waiter, Broadcast all", "[cond]") {
    CondModel c;
    lockstep::vm::Gid w = 0;
    CHECK_FALSE(c.signal(w));
    c.park(3);
    c.park(1);
    c.park(2);
    REQUIRE(c.signal(w));
    CHECK(w == 3);
    int woken = 0;
    while (c.signal(w)) ++woken;
    CHECK(woken == 2);
    CHECK_FALSE(c.has_waiters());
}

TEST_CASE("Pool: Get chooses any pooled object or New", "[pool]") {
    PoolModel p;
    CHECK(p.get_choices() == 1);
    uint32_t token = 99;
    CHECK(p.get(0, token) == -1);  // New
    p.put(7);
    p.put(8);
    CHECK(p.get_choices() == 3);
    CHECK(p.get(1, token) == 1);
    CHECK(token == 8);
    CHECK(p.size() == 1);
    CHECK(p.get(1, token) == -1);
    CHECK(p.size() == 1);
}

TEST_CASE("channels: when a send or receive can proceed", "[chan]") {
    struct Row {
        ChannelView c;
        bool partner;
        bool send, recv;
    };
    // capacity, buffered, closed; a partner waiting on the other side
    Row rows[] = {
        {{0, 0, false}, false, false, false},  // unbuffered, nobody on the other side
        {{0, 0, false}, true, true, true},     // rendezvous
        {{0, 0, true}, false, true, true},     // closed: send panics, receive gets zero
        {{2, 0, false}, false, true, false},   // empty buffer
        {{2, 1, false}, false, true, true},
        {{2, 2, false}, false, false, true},   // full
        {{2, 2, true}, false, true, true},
    };
    for (const Row& r : rows) {
        CHECK(send_ready(r.c, r.partner) == r.send);
        CHECK(recv_ready(r.c, r.partner) == r.recv);
    }
}
