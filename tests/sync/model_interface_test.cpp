// The model interface (sync/model.hpp) as the checker sees it: each operation kind goes to
// its model, which says whether it is enabled, how it depends on others, which misuse it
// would be, and what performing it does (effect, happens-before edges, outcome).
#include <catch2/catch.hpp>

#include "sync/sync_object.hpp"

using namespace lockstep::sync;
using lockstep::vm::OpKind;

namespace {
OpQuery op(OpKind k, lockstep::vm::Gid g, int64_t arg = 0) {
    OpQuery q;
    q.kind = k;
    q.g = g;
    q.arg = arg;
    return q;
}
bool nobody_else(const void*, lockstep::vm::Gid) { return false; }
}  // namespace

TEST_CASE("Mutex through the interface: Lock acquires with both release edges, Unlock publishes", "[model][mutex]") {
    SyncModels s;
    Applied a = s.apply(op(OpKind::Lock, 1));
    CHECK(a.effect == Effect::Acquire);
    CHECK(a.edges == (JoinRelease | JoinReadRelease));
    CHECK_FALSE(s.enabled(op(OpKind::Lock, 2)));
    CHECK(s.dep(op(OpKind::Lock, 2)) == Dep::Write);
    // The holder's second Lock waits while someone else may unlock; alone, it is recursive.
    CHECK_FALSE(s.enabled(op(OpKind::Lock, 1)));
    CHECK(s.misuse(op(OpKind::Lock, 1)) == Misuse::None);
    OpQuery alone = op(OpKind::Lock, 1);
    alone.others_alive_fn = nobody_else;
    CHECK(s.enabled(alone));
    CHECK(s.misuse(alone) == Misuse::RecursiveLock);
    a = s.apply(op(OpKind::Unlock, 2));  // unlocking another goroutine's Mutex is legal Go
    CHECK(a.misuse == Misuse::None);
    CHECK(a.effect == Effect::Release);
    CHECK(a.edges == PublishRelease);
    CHECK(s.misuse(op(OpKind::Unlock, 2)) == Misuse::UnlockOfUnlocked);
    CHECK(s.apply(op(OpKind::Unlock, 2)).misuse == Misuse::UnlockOfUnlocked);
}

TEST_CASE("RWMutex through the interface: readers read, a writer announces, RUnlock publishes to the next Lock", "[model][rwmutex]") {
    SyncModels s;
    CHECK(s.dep(op(OpKind::RLock, 1)) == Dep::Read);
    CHECK(s.dep(op(OpKind::TryRLock, 1)) == Dep::Read);
    CHECK(s.apply(op(OpKind::RLock, 1)).edges == JoinRelease);
    Applied a = s.apply(op(OpKind::Lock, 2));
    CHECK(a.effect == Effect::Announce);
    CHECK_FALSE(a.resume);  // the writer stays at its Lock
    CHECK_FALSE(s.enabled(op(OpKind::RLock, 3)));
    CHECK(s.misuse(op(OpKind::RLock, 1)) == Misuse::RecursiveRLock);
    a = s.apply(op(OpKind::RUnlock, 1));
    CHECK(a.edges == PublishReadRelease);
    OpQuery writer = op(OpKind::Lock, 2);
    writer.announced = true;
    CHECK(s.enabled(writer));
    CHECK(s.apply(op(OpKind::TryLock, 3)).value == 0);  // the announced writer has the turn
    CHECK(s.apply(writer).effect == Effect::Acquire);
    CHECK(s.apply(op(OpKind::RUnlock, 2)).misuse == Misuse::RUnlockOfUnlocked);
}

TEST_CASE("WaitGroup through the interface: Adds commute above zero, a Done to zero does not", "[model][waitgroup]") {
    SyncModels s;
    CHECK(s.dep(op(OpKind::WgAdd, 0, 2)) == Dep::Write);  // from zero
    CHECK(s.apply(op(OpKind::WgAdd, 0, 2)).effect == Effect::FromZeroAdd);
    CHECK(s.dep(op(OpKind::WgAdd, 1, -1)) == Dep::Commute);  // 2 -> 1
    CHECK(s.dep(op(OpKind::WgAdd, 1, 1)) == Dep::Commute);
    CHECK(s.dep(op(OpKind::WgAdd, 1, -2)) == Dep::Write);  // reaches zero
    CHECK(s.dep(op(OpKind::WgWait, 0)) == Dep::Read);
    CHECK_FALSE(s.enabled(op(OpKind::WgWait, 0)));
    CHECK(s.misuse(op(OpKind::WgAdd, 1, -3)) == Misuse::NegativeCounter);
    Applied a = s.apply(op(OpKind::WgAdd, 1, -2));
    CHECK(a.edges == PublishRelease);
    CHECK(s.enabled(op(OpKind::WgWait, 0)));
    CHECK(s.apply(op(OpKind::WgWait, 0)).edges == JoinRelease);
    // A released Wait not yet returned: a Done below zero has two outcomes.
    s.wg.release(3);
    CHECK(s.alternatives(op(OpKind::WgAdd, 1, -1)) == 2);
    OpQuery waits_panic = op(OpKind::WgAdd, 1, -1);
    waits_panic.alt = 1;
    CHECK(s.apply(waits_panic).misuse == Misuse::ReusedBeforeWaitReturned);
    CHECK(s.apply(op(OpKind::WgAdd, 1, -1)).misuse == Misuse::NegativeCounter);
}

TEST_CASE("Once through the interface: one Do runs f, the others wait, then join its end", "[model][once]") {
    SyncModels s;
    CHECK(s.apply(op(OpKind::OnceEnter, 1)).value == 1);
    CHECK_FALSE(s.enabled(op(OpKind::OnceEnter, 2)));
    CHECK(s.misuse(op(OpKind::OnceEnter, 1)) == Misuse::RecursiveOnce);
    Applied a = s.apply(op(OpKind::OnceExit, 1));
    CHECK(a.effect == Effect::Release);
    CHECK(a.edges == PublishRelease);
    a = s.apply(op(OpKind::OnceEnter, 2));
    CHECK(a.value == 0);
    CHECK(a.edges == JoinRelease);
}

TEST_CASE("Pool through the interface: Get chooses among the pooled objects and New", "[model][pool]") {
    SyncModels s;
    CHECK(s.alternatives(op(OpKind::PoolGet, 1)) == 1);
    s.apply(op(OpKind::PoolPut, 1, 7));
    s.apply(op(OpKind::PoolPut, 1, 8));
    CHECK(s.alternatives(op(OpKind::PoolGet, 2)) == 3);
    OpQuery get = op(OpKind::PoolGet, 2);
    get.alt = 1;
    CHECK(s.apply(get).value == 1);
    get.alt = 1;  // now only one pooled object: alt 1 is New
    CHECK(s.apply(get).value == -1);
}

TEST_CASE("Timer: armed when created, fires once, Stop and Reset report whether it was armed", "[model][timer]") {
    SyncModels s;
    OpQuery fire = op(OpKind::TimerFire, 5, 0);  // a Timer (bit 0 clear)
    CHECK(s.enabled(fire));
    CHECK(s.dep(fire) == Dep::Write);
    s.apply(fire);
    CHECK_FALSE(s.enabled(fire));                        // fired: disarmed
    CHECK(s.apply(op(OpKind::TimerStop, 0)).value == 0);  // Stop after the firing: false
    CHECK(s.apply(op(OpKind::TimerReset, 0, 10)).value == 0);
    CHECK(s.enabled(fire));                               // re-armed
    CHECK(s.apply(op(OpKind::TimerStop, 0)).value == 1);  // Stop before the firing: true
    CHECK_FALSE(s.enabled(fire));
    CHECK(s.apply(op(OpKind::TimerReset, 0, 10)).value == 0);
    CHECK(s.apply(op(OpKind::TimerReset, 0, 10)).value == 1);  // Reset of an armed timer: true
}

TEST_CASE("Ticker: stays armed, fires only when its channel has room, Stop disarms", "[model][timer]") {
    SyncModels s;
    OpQuery tick = op(OpKind::TimerFire, 5, 1);  // bit 0: a Ticker
    CHECK(s.enabled(tick));
    s.apply(tick);
    CHECK(s.enabled(tick));
    tick.room = false;  // C holds the last tick: Go would drop the next one
    CHECK_FALSE(s.enabled(tick));
    tick.room = true;
    s.apply(op(OpKind::TimerStop, 0));
    CHECK_FALSE(s.enabled(tick));
    s.apply(op(OpKind::TimerReset, 0, 10));
    CHECK(s.enabled(tick));
}

namespace {
bool conflict(const Deps& a, const Deps& b) {
    for (uint8_t i = 0; i < a.n; ++i)
        for (uint8_t j = 0; j < b.n; ++j) {
            if (a.parts[i].facet != b.parts[j].facet) continue;
            Dep x = a.parts[i].mode, y = b.parts[j].mode;
            if ((x == Dep::Read && y == Dep::Read) || (x == Dep::Commute && y == Dep::Commute)) continue;
            return true;
        }
    return false;
}
}  // namespace

TEST_CASE("WaitGroup deps: Adds commute with Adds, Dones with Dones, a critical one not with the other kind", "[model][waitgroup]") {
    SyncModels s;
    CHECK(s.apply(op(OpKind::WgAdd, 0, 3)).misuse == Misuse::None);  // counter 3
    Deps add = s.deps(op(OpKind::WgAdd, 1, 1));
    Deps add2 = s.deps(op(OpKind::WgAdd, 2, 2));
    Deps done = s.deps(op(OpKind::WgAdd, 1, -1));
    Deps done2 = s.deps(op(OpKind::WgAdd, 2, -1));
    Deps last = s.deps(op(OpKind::WgAdd, 2, -3));  // reaches zero
    Deps wait = s.deps(op(OpKind::WgWait, 3));
    CHECK_FALSE(conflict(add, add2));
    CHECK_FALSE(conflict(done, done2));
    CHECK(conflict(add, done) == false);  // both stay above zero in either order
    CHECK(conflict(last, add));
    CHECK_FALSE(conflict(last, done));  // Dones commute: the second of two reaches the same counter
    CHECK(conflict(wait, add));
    CHECK(conflict(wait, done));
    CHECK_FALSE(conflict(wait, s.deps(op(OpKind::WgWait, 4))));
    // From zero: an Add conflicts with every other Add (which one starts matters).
    SyncModels z;
    CHECK(conflict(z.deps(op(OpKind::WgAdd, 1, 1)), z.deps(op(OpKind::WgAdd, 2, 1))));
    // Every other model touches its object only, with the mode dep names.
    Deps lock = s.deps(op(OpKind::Lock, 1));
    REQUIRE(lock.n == 1);
    CHECK(lock.parts[0].facet == Facet::Object);
    CHECK(lock.parts[0].mode == Dep::Write);
}

TEST_CASE("RWMutex deps: readers commute while no writer waits; a writer, an announced one or a stranger's RUnlock does not", "[model][rwmutex]") {
    SyncModels s;
    s.apply(op(OpKind::RLock, 2));
    s.apply(op(OpKind::RLock, 1));
    CHECK(s.dep(op(OpKind::RUnlock, 1)) == Dep::Read);  // a holder, no writer: commutes with RLock and RUnlock
    CHECK(s.dep(op(OpKind::RUnlock, 3)) == Dep::Write); // holds nothing: takes another reader's hold
    CHECK(s.dep(op(OpKind::TryLock, 3)) == Dep::Write); // a probe reads whether readers are inside
    CHECK(s.dep(op(OpKind::Lock, 3)) == Dep::Write);
    // The state after RLocks does not depend on their order (the readers are sorted).
    SyncModels t;
    t.apply(op(OpKind::RLock, 1));
    t.apply(op(OpKind::RLock, 2));
    CHECK(t.mutex.reader_count() == s.mutex.reader_count());
    s.apply(op(OpKind::RUnlock, 3));
    t.apply(op(OpKind::RUnlock, 3));
    CHECK(s.mutex.holds_read(1) == t.mutex.holds_read(1));
    CHECK(s.mutex.holds_read(2) == t.mutex.holds_read(2));
    // An announced writer: the RUnlock that lets it in is ordered against everything.
    CHECK(s.apply(op(OpKind::Lock, 3)).effect == Effect::Announce);
    CHECK(s.dep(op(OpKind::RUnlock, 2)) == Dep::Write);
}

TEST_CASE("blocking rules: each model says which steps disable and which enable its blocked operations", "[model][blocking]") {
    using K = OpKind;
    // The class of a pending operation, and of a performed one (Lock/RLock only when they took the lock or announced).
    CHECK(SyncModels::wait_class(K::Lock, Effect::Plain, false) == Wait::Lock);
    CHECK(SyncModels::wait_class(K::Lock, Effect::Acquire, true) == Wait::Lock);
    CHECK(SyncModels::wait_class(K::Lock, Effect::Ends, true) == Wait::None);
    CHECK(SyncModels::wait_class(K::RLock, Effect::Acquire, true) == Wait::RLock);
    CHECK(SyncModels::wait_class(K::TryLock, Effect::Acquire, true) == Wait::None);
    CHECK(SyncModels::wait_class(K::WgWait, Effect::Plain, true) == Wait::WgWait);
    CHECK(SyncModels::wait_class(K::OnceEnter, Effect::Plain, false) == Wait::Once);
    CHECK(SyncModels::wait_class(K::TimerFire, Effect::Plain, false) == Wait::Timer);
    CHECK(SyncModels::wait_class(K::Unlock, Effect::Release, true) == Wait::None);
    // What disables: any acquisition a Lock, only a writer's an RLock; an Add from zero a
    // Wait; the latest Do a Do; a Stop that disarmed a firing.
    CHECK(SyncModels::disables(Wait::Lock, K::RLock, Effect::Acquire));
    CHECK(SyncModels::disables(Wait::Lock, K::Lock, Effect::Announce));
    CHECK_FALSE(SyncModels::disables(Wait::RLock, K::RLock, Effect::Acquire));
    CHECK_FALSE(SyncModels::disables(Wait::RLock, K::TryRLock, Effect::Acquire));
    CHECK(SyncModels::disables(Wait::RLock, K::TryLock, Effect::Acquire));
    CHECK(SyncModels::disables(Wait::RLock, K::Lock, Effect::Announce));
    CHECK_FALSE(SyncModels::disables(Wait::Lock, K::Unlock, Effect::Release));
    CHECK(SyncModels::disables(Wait::WgWait, K::WgAdd, Effect::FromZeroAdd));
    CHECK_FALSE(SyncModels::disables(Wait::WgWait, K::WgAdd, Effect::Plain));
    CHECK(SyncModels::disables(Wait::Once, K::OnceEnter, Effect::Plain));
    CHECK_FALSE(SyncModels::disables(Wait::Once, K::OnceExit, Effect::Release));
    CHECK(SyncModels::disables(Wait::Timer, K::TimerStop, Effect::Disarm));
    CHECK_FALSE(SyncModels::disables(Wait::Timer, K::TimerStop, Effect::Plain));
    // What enables (never a race to reverse): releases and Cond's park; an RUnlock never
    // enables an RLock; every Add or Done that did not end the program leaves a Wait as
    // it was or enables it.
    CHECK(SyncModels::enables(Wait::Lock, K::Unlock, Effect::Release));
    CHECK(SyncModels::enables(Wait::Lock, K::RUnlock, Effect::Release));
    CHECK(SyncModels::enables(Wait::Lock, K::CondWait, Effect::CondPark));
    CHECK_FALSE(SyncModels::enables(Wait::RLock, K::RUnlock, Effect::Release));
    CHECK(SyncModels::enables(Wait::RLock, K::Unlock, Effect::Release));
    CHECK_FALSE(SyncModels::enables(Wait::Lock, K::Lock, Effect::Acquire));
    CHECK(SyncModels::enables(Wait::WgWait, K::WgAdd, Effect::Plain));
    CHECK(SyncModels::enables(Wait::WgWait, K::WgAdd, Effect::FromZeroAdd));
    CHECK_FALSE(SyncModels::enables(Wait::WgWait, K::WgAdd, Effect::Ends));
    CHECK(SyncModels::enables(Wait::Once, K::OnceExit, Effect::Release));
    CHECK_FALSE(SyncModels::enables(Wait::Once, K::OnceEnter, Effect::Plain));
    CHECK(SyncModels::enables(Wait::Timer, K::TimerReset, Effect::Release));
    CHECK_FALSE(SyncModels::enables(Wait::Timer, K::TimerStop, Effect::Disarm));
}
