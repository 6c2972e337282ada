// The model of a time.Timer, time.Ticker or time.AfterFunc timer: armed or not. Each timer
// has a goroutine of its own in the VM (a pseudo-goroutine: not the program's, never
// leaked or deadlocked) whose only operation is TimerFire; under --time free the explorer
// may run it at any scheduling point while the timer is armed, so a timeout racing a
// result is one more interleaving. Stop disarms (and says whether it did), Reset re-arms.
//
// A Ticker's tick is dropped in Go when C is full; here the Ticker fires only when C has
// room (a dropped tick changes nothing but the clock), so a Ticker nobody reads fires
// once and waits, instead of firing forever.
//
// The deadline and the value sent live in the VM (it owns the virtual clock, which a
// firing advances to the timer's deadline): the model only decides who may proceed.
#pragma once

#include <cstdint>

#include "sync/model.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

class TimerModel {
public:
    void reset() { m_stopped = false; }  // a timer is armed when it is created
    bool armed() const { return !m_stopped; }

    // --- the model interface (sync/model.hpp): TimerFire, TimerStop, TimerReset.
    // TimerFire's q.arg: bit 0 = a Ticker; q.room: its channel has room for the value.
    bool enabled(const OpQuery& q) const {
        if (q.kind != vm::OpKind::TimerFire) return true;
        if (m_stopped) return false;
        return !(q.arg & 1) || q.room;
    }
    Dep dep(const OpQuery&) const { return Dep::Write; }
    Deps deps(const OpQuery& q) const { return Deps::object(dep(q)); }
    Misuse misuse(const OpQuery&) const { return Misuse::None; }
    uint32_t alternatives(const OpQuery&) const { return 1; }
    // Blocking: a firing waits while the timer is disarmed. A Stop (or Reset) that found
    // it armed disabled it; a Reset of a stopped timer enabled it (a Release).
    static Wait wait_class(vm::OpKind k, Effect, bool) { return k == vm::OpKind::TimerFire ? Wait::Timer : Wait::None; }
    static bool disables(Wait, vm::OpKind, Effect e) { return e == Effect::Disarm; }
    static bool enables(Wait, vm::OpKind, Effect e) { return releases(e); }
    Applied apply(const OpQuery& q) {
        Applied a;
        switch (q.kind) {
        case vm::OpKind::TimerFire:
            if (!(q.arg & 1)) m_stopped = true;  // a Timer fires once; a Ticker stays armed
            break;
        case vm::OpKind::TimerStop:
            a.value = m_stopped ? 0 : 1;  // Stop reports whether it stopped the timer
            if (a.value) a.effect = Effect::Disarm;  // the firing it disabled races with it
            m_stopped = true;
            break;
        case vm::OpKind::TimerReset:
            a.value = m_stopped ? 0 : 1;  // Reset reports whether the timer had been active
            // Re-arming a stopped or fired timer enables its firing, which cannot come
            // before it; an armed timer's firing could (with the old deadline): a Disarm.
            a.effect = a.value ? Effect::Disarm : Effect::Release;
            m_stopped = false;
            break;
        default: break;
        }
        return a;
    }

private:
    bool m_stopped = false;
};

}  // namespace lockstep::sync
