// The model of sync.WaitGroup: a counter; Wait is enabled when it is zero. The checker
// keeps the Wait epochs to tell "Add from zero concurrent with Wait" (it needs clocks,
// which the model does not know).
//
// It also keeps the waiters a counter reaching zero released and that have not yet
// returned from Wait (in lockstep a released Wait returns at its own step, later). Go's
// Wait, once woken, checks that the WaitGroup is still at zero and otherwise panics
// "sync: WaitGroup is reused before previous Wait has returned": an Add from zero, or a
// Done below zero, in that window is that misuse.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sync/misuse.hpp"
#include "sync/model.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

class WaitGroupModel {
public:
    void reset() {
        m_counter = 0;
        m_released.clear();
    }
    int64_t counter() const { return m_counter; }
    // A copy of the WaitGroup's bytes (sync_object.hpp): the counter, not the waiters of
    // the original (they wait on the original).
    void copy_of(const WaitGroupModel& o) {
        m_counter = o.m_counter;
        m_released.clear();
    }
    bool wait_enabled() const { return m_counter == 0; }
    // Applies Add(delta). `from_zero` tells the caller to check for a concurrent Wait.
    // An Add from zero while released waiters have not returned is the reuse misuse (the
    // counter is left as it was: the program dies).
    Misuse add(int64_t delta, bool& from_zero) {
        from_zero = m_counter == 0 && delta > 0;
        if (m_counter + delta < 0) return Misuse::NegativeCounter;
        if (from_zero && !m_released.empty()) return Misuse::ReusedBeforeWaitReturned;
        m_counter += delta;
        return Misuse::None;
    }
    // g was blocked in Wait when the counter reached zero: it is woken, not yet returned.
    void release(vm::Gid g) {
        if (std::find(m_released.begin(), m_released.end(), g) == m_released.end()) m_released.push_back(g);
    }
    // g's Wait returns (a released waiter's wake-up, or a Wait that found zero).
    void wait_returns(vm::Gid g) {
        auto it = std::find(m_released.begin(), m_released.end(), g);
        if (it != m_released.end()) m_released.erase(it);
    }
    // Released waiters that have not returned yet (the first, for reports).
    bool waiters_returning() const { return !m_released.empty(); }
    vm::Gid returning_waiter() const { return m_released.front(); }

    // --- the model interface (sync/model.hpp): WgAdd (Add, Done), WgWait.
    bool enabled(const OpQuery& q) const { return q.kind != vm::OpKind::WgWait || wait_enabled(); }
    // Adds and Dones commute while the counter stays above zero in both orders. One that
    // starts from zero or reaches it (or goes below) does not: an Add after a Done that
    // reached zero, or a Done before the Add it needed, is another execution (a Wait
    // released, a negative counter). Waits only read the counter.
    Dep dep(const OpQuery& q) const {
        if (q.kind == vm::OpKind::WgWait) return Dep::Read;
        return m_counter == 0 || m_counter + q.arg <= 0 ? Dep::Write : Dep::Commute;
    }
    // The parts an Add, Done or Wait touches. Against a Wait (a Read of the counter):
    // every Add and Done. Among themselves, Adds commute with Adds and Dones with Dones
    // (either order passes the same counter values but the one between, which is above
    // zero when both go one way) — except an Add from zero, which the Waits before it race
    // with in Go's detector, so which Add it is matters. An Add and a Done conflict when
    // one of them is critical (dep says Write: it starts from zero or reaches it). The
    // Adds part is read by every Add and written by an Add from zero, the Dones part read
    // by every Done; a critical Done commutes on Adds (conflicting with every Add's read),
    // a critical Add on Dones (conflicting with every Done's read).
    Deps deps(const OpQuery& q) const {
        if (q.kind != vm::OpKind::WgAdd) return Deps::object(dep(q));
        bool critical = dep(q) == Dep::Write;
        Deps d = Deps::object(Dep::Commute);
        if (q.arg >= 0) {
            d.add(Facet::Adds, critical ? Dep::Write : Dep::Read);
            if (critical) d.add(Facet::Dones, Dep::Commute);
        } else {
            d.add(Facet::Dones, Dep::Read);
            if (critical) d.add(Facet::Adds, Dep::Commute);
        }
        return d;
    }
    Misuse misuse(const OpQuery& q) const {
        if (q.kind != vm::OpKind::WgAdd) return Misuse::None;
        if (m_counter + q.arg < 0) return Misuse::NegativeCounter;
        if (q.arg > 0 && m_counter == 0 && !m_released.empty()) return Misuse::ReusedBeforeWaitReturned;
        return Misuse::None;
    }
    // Below zero with a released Wait still returning: which of the two panics wins.
    uint32_t alternatives(const OpQuery& q) const {
        return q.kind == vm::OpKind::WgAdd && m_counter + q.arg < 0 && !m_released.empty() ? 2 : 1;
    }
    // Blocking: a Wait waits for zero. An Add from zero disabled it; the Dones enabled it,
    // and the other Adds left it disabled (neither is a race to reverse) — but a Done
    // below zero that ended the program found the Wait enabled: like anything else ending
    // the world, an ordinary race.
    static Wait wait_class(vm::OpKind k, Effect, bool) { return k == vm::OpKind::WgWait ? Wait::WgWait : Wait::None; }
    static bool disables(Wait, vm::OpKind, Effect e) { return e == Effect::FromZeroAdd; }
    static bool enables(Wait, vm::OpKind k, Effect e) { return (k == vm::OpKind::WgAdd && e != Effect::Ends) || releases(e); }
    // WgAdd: the checker releases the waiters itself when the counter reaches zero (it
    // knows who waits) and checks "Add from zero concurrent with Wait" (it has the clocks).
    Applied apply(const OpQuery& q) {
        Applied a;
        if (q.kind == vm::OpKind::WgWait) {
            a.edges = JoinRelease;  // the Done that reached zero → Wait returns
            wait_returns(q.g);
            return a;
        }
        bool from_zero = false;
        bool returning = !m_released.empty();
        a.misuse = add(q.arg, from_zero);
        // A Done below zero while a released Wait has not returned: Go's Done panics, and
        // so does the waking Wait (it finds the counter changed); either message can come
        // first, a data choice (alt 1: the Wait's).
        if (a.misuse == Misuse::NegativeCounter && q.alt == 1 && returning) a.misuse = Misuse::ReusedBeforeWaitReturned;
        if (from_zero) a.effect = Effect::FromZeroAdd;  // what the waiter's Wait races with
        if (a.misuse == Misuse::None && q.arg < 0) a.edges = PublishRelease;  // Done → the Wait it releases
        return a;
    }

private:
    int64_t m_counter = 0;
    std::vector<vm::Gid> m_released;
};

}  // namespace lockstep::sync
