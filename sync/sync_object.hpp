// The models behind one sync object id, and the dispatch of an operation kind to the
// model that owns it (sync/model.hpp's interface). A Mutex and an RWMutex share one model;
// sync.Cond's queue (sync/cond.hpp) parks and wakes goroutines, which the checker does
// with its Locker, so Cond operations are not dispatched here.
#pragma once

#include "sync/cond.hpp"
#include "sync/model.hpp"
#include "sync/mutex.hpp"
#include "sync/once.hpp"
#include "sync/pool.hpp"
#include "sync/timer.hpp"
#include "sync/wait_group.hpp"

namespace lockstep::sync {

struct SyncModels {
    MutexModel mutex;
    WaitGroupModel wg;
    OnceModel once;
    CondModel cond;
    PoolModel pool;
    TimerModel timer;

    void reset() {
        mutex.reset();
        wg.reset();
        once.reset();
        cond.reset();
        pool.reset();
        timer.reset();
    }

    // The state a copy of the value's bytes has (vm::OpKind::SyncCopy): a Mutex or RWMutex
    // keeps who holds it and the writer it announced (Go copies the lock words: a copy of
    // a locked Mutex stays locked for ever unless someone unlocks the copy), a WaitGroup its
    // counter, a Once its state (a copy made while f runs waits for ever, as Go's copied
    // Mutex inside the Once does). Cond, Pool and timers are not copied by the VM: fresh.
    void copy_of(const SyncModels& o) {
        mutex = o.mutex;
        wg.copy_of(o.wg);
        once = o.once;
        cond.reset();
        pool.reset();
        timer.reset();
    }

    // The operation kinds dispatched to a model.
    static bool dispatched(vm::OpKind k) {
        switch (k) {
        case vm::OpKind::Lock: case vm::OpKind::TryLock: case vm::OpKind::Unlock:
        case vm::OpKind::RLock: case vm::OpKind::TryRLock: case vm::OpKind::RUnlock:
        case vm::OpKind::WgAdd: case vm::OpKind::WgWait:
        case vm::OpKind::OnceEnter: case vm::OpKind::OnceExit:
        case vm::OpKind::PoolGet: case vm::OpKind::PoolPut:
        case vm::OpKind::TimerFire: case vm::OpKind::TimerStop: case vm::OpKind::TimerReset: return true;
        default: return false;
        }
    }

    // f(model) with the model that owns q.kind (dispatched(q.kind) must hold).
    template <class F>
    decltype(auto) with(vm::OpKind k, F&& f) {
        switch (k) {
        case vm::OpKind::WgAdd: case vm::OpKind::WgWait: return f(wg);
        case vm::OpKind::OnceEnter: case vm::OpKind::OnceExit: return f(once);
        case vm::OpKind::PoolGet: case vm::OpKind::PoolPut: return f(pool);
        case vm::OpKind::TimerFire: case vm::OpKind::TimerStop: case vm::OpKind::TimerReset: return f(timer);
        default: return f(mutex);
        }
    }
    template <class F>
    decltype(auto) with(vm::OpKind k, F&& f) const {
        switch (k) {
        case vm::OpKind::WgAdd: case vm::OpKind::WgWait: return f(wg);
        case vm::OpKind::OnceEnter: case vm::OpKind::OnceExit: return f(once);
        case vm::OpKind::PoolGet: case vm::OpKind::PoolPut: return f(pool);
        case vm::OpKind::TimerFire: case vm::OpKind::TimerStop: case vm::OpKind::TimerReset: return f(timer);
        default: return f(mutex);
        }
    }

    // The dependency rules of blocking operations (sync/model.hpp's Wait), from the model
    // that owns the operation kind or the class.
    static Wait wait_class(vm::OpKind k, Effect e, bool performed) {
        switch (k) {
        case vm::OpKind::Lock: case vm::OpKind::RLock: return MutexModel::wait_class(k, e, performed);
        case vm::OpKind::WgWait: return WaitGroupModel::wait_class(k, e, performed);
        case vm::OpKind::OnceEnter: return OnceModel::wait_class(k, e, performed);
        case vm::OpKind::TimerFire: return TimerModel::wait_class(k, e, performed);
        default: return Wait::None;
        }
    }
    // A step of kind k with effect e on the object can disable operations of class w.
    static bool disables(Wait w, vm::OpKind k, Effect e) {
        switch (w) {
        case Wait::Lock: case Wait::RLock: return MutexModel::disables(w, k, e);
        case Wait::WgWait: return WaitGroupModel::disables(w, k, e);
        case Wait::Once: return OnceModel::disables(w, k, e);
        case Wait::Timer: return TimerModel::disables(w, k, e);
        case Wait::None: break;
        }
        return false;
    }
    // A step of kind k with effect e, conflicting with a blocked operation of class w, can
    // be what enabled it (then it is not a race to reverse).
    static bool enables(Wait w, vm::OpKind k, Effect e) {
        switch (w) {
        case Wait::Lock: case Wait::RLock: return MutexModel::enables(w, k, e);
        case Wait::WgWait: return WaitGroupModel::enables(w, k, e);
        case Wait::Once: return OnceModel::enables(w, k, e);
        case Wait::Timer: return TimerModel::enables(w, k, e);
        case Wait::None: break;
        }
        return false;
    }

    bool enabled(const OpQuery& q) const { return with(q.kind, [&](const auto& m) { return m.enabled(q); }); }
    Dep dep(const OpQuery& q) const { return with(q.kind, [&](const auto& m) { return m.dep(q); }); }
    Deps deps(const OpQuery& q) const { return with(q.kind, [&](const auto& m) { return m.deps(q); }); }
    Misuse misuse(const OpQuery& q) const { return with(q.kind, [&](const auto& m) { return m.misuse(q); }); }
    uint32_t alternatives(const OpQuery& q) const { return with(q.kind, [&](const auto& m) { return m.alternatives(q); }); }
    Applied apply(const OpQuery& q) { return with(q.kind, [&](auto& m) { return m.apply(q); }); }
};

}  // namespace lockstep::sync
