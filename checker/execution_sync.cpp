// Execution's steps on the sync objects whose semantics live in their models (sync/model.hpp):
// Mutex and RWMutex, WaitGroup, Once, Pool. The model says what the operation does; this
// file applies the effects only the checker can: vector clocks along the edges the model
// names, the lock-order tracker, the misuse as a bug, and what needs clocks or the
// waiter lists (WaitGroup's Add concurrent with Wait, the waiters a zero counter releases,
// a Once whose f panicked).
#include "checker/execution.hpp"

#include <algorithm>

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

namespace {
const sync::SyncModels& fresh_models() {
    static const sync::SyncModels fresh;  // an object no operation touched yet
    return fresh;
}
AccessMode access_mode(sync::Dep d) {
    switch (d) {
    case sync::Dep::Read: return AccessMode::Read;
    case sync::Dep::Commute: return AccessMode::Commute;
    case sync::Dep::Write: break;
    }
    return AccessMode::Write;
}
}  // namespace

sync::OpQuery Execution::query(Gid g, const vm::Operation& op, uint32_t alt) const {
    sync::OpQuery q;
    q.kind = op.kind;
    q.g = g;
    q.arg = op.arg;
    q.alt = alt;
    q.announced = m_gs[g].announced;
    q.world = this;
    q.others_alive_fn = [](const void* self, Gid q) { return static_cast<const Execution*>(self)->other_alive(q); };
    if (op.kind == OpKind::TimerFire && timer_chan(op) != UINT32_MAX) {
        uint32_t c = timer_chan(op);
        q.room = m_program.chan_buffered(c) < std::max<uint32_t>(1, m_program.chan_capacity(c));
    }
    return q;
}

const sync::SyncModels& Execution::models_at(uint32_t id) const {
    if (id < m_sync.size() && m_sync[id].used) return m_sync[id];
    uint32_t origin = m_program.sync_origin(id);
    return origin != UINT32_MAX ? models_at(origin) : fresh_models();
}

// A copy reads the whole object: the snapshot takes its models' state and its release
// clocks (what a later Unlock of the copy publishes on, what its Lock acquires), not the
// WaitGroup's Wait epochs (the misuse checks are about the original's Waits).
void Execution::step_copy(const vm::Operation& op) {
    const uint32_t snapshot = static_cast<uint32_t>(op.arg);
    sync_object(op.object);  // a copy of a copy: the original starts from its own snapshot
    SyncObject& dst = sync_object(snapshot);
    const SyncObject& src = m_sync[op.object];
    dst.copy_of(src);
    dst.release.assign(src.release);
    dst.read_release.assign(src.read_release);
}

void Execution::sync_write_race(Gid g, const vm::Operation& op, const sync::Applied& a, uint32_t index) {
    // Only a Mutex's: under -race, RWMutex and WaitGroup run their atomics with the race
    // detector disabled (Go 1.19's sync package), so Go reports nothing for them.
    // An RWMutex's Lock, Unlock and TryLock say so (arg 1).
    if (op.arg == 1 || m_sync[op.object].mutex.is_rw()) return;
    bool writes = false;
    switch (op.kind) {
    case OpKind::Lock: writes = a.effect != sync::Effect::Announce; break;
    case OpKind::Unlock: writes = true; break;
    case OpKind::TryLock: writes = a.value != 0; break;
    default: break;
    }
    FoundBug bug;
    if (writes && m_sync_races.on_write(op.object, g, m_gs[g].clock, op.site, index, false, bug, true)) report(bug);
}

void Execution::start_copy(uint32_t id) {
    uint32_t origin = m_program.sync_origin(id);
    if (origin == UINT32_MAX || origin >= m_sync.size() || !m_sync[origin].used) return;
    SyncObject& dst = m_sync[id];
    const SyncObject& src = m_sync[origin];
    dst.copy_of(src);
    dst.release.assign(src.release);
    dst.read_release.assign(src.read_release);
}

// The model names every part of the object the operation touches (sync::Deps): the
// object, and a WaitGroup's Adds and Dones, two more objects of the dependency relation.
void Execution::sync_accesses(Gid g, const vm::Operation& op, std::vector<Access>& out) const {
    sync::Deps d = models_at(op.object).deps(query(g, op));
    for (uint8_t i = 0; i < d.n; ++i) {
        Space s = d.parts[i].facet == sync::Facet::Adds ? Space::WgAdds : d.parts[i].facet == sync::Facet::Dones ? Space::WgDones : Space::Sync;
        out.push_back(Access{s, access_mode(d.parts[i].mode), op.object});
    }
}

void Execution::misuse_crash(Gid g, const vm::Operation& op, sync::Misuse misuse, bool rw) {
    FoundBug bug;
    bug.object = op.object;
    switch (misuse) {
    case sync::Misuse::RecursiveLock: bug.kind = BugKind::RecursiveLock, bug.variant = VariantRecursiveMutex; break;
    case sync::Misuse::RecursiveRLock: bug.kind = BugKind::RecursiveLock, bug.variant = VariantRecursiveRLock; break;
    case sync::Misuse::RecursiveOnce: bug.kind = BugKind::RecursiveLock, bug.variant = VariantRecursiveOnce; break;
    case sync::Misuse::UnlockOfUnlocked:
        bug.kind = BugKind::UnlockOfUnlocked;
        bug.variant = rw ? VariantRWUnlock : VariantMutexUnlock;
        break;
    case sync::Misuse::RUnlockOfUnlocked: bug.kind = BugKind::UnlockOfUnlocked, bug.variant = VariantRWRUnlock; break;
    case sync::Misuse::NegativeCounter: bug.kind = BugKind::NegativeWaitGroup; break;
    default: LOCKSTEP_ASSERT(false, "a sync model reported a misuse the checker does not name");
    }
    bug.add(op.site, step_count(), g);
    crash(g, bug);
}

bool Execution::step_sync(Gid g, Choice choice, const vm::Operation& op, StepRecord& rec, vm::Outcome& out) {
    const uint32_t index = step_count();
    sync_accesses(g, op, m_accesses);
    SyncObject& s = sync_object(op.object);
    GState& gs = m_gs[g];
    VectorClock& clock = gs.clock;
    sync::OpQuery q = query(g, op, choice.alt);
    FoundBug bug;
    uint32_t token = 0;  // Pool: the Put's token, or the object a Get takes
    if (op.kind == OpKind::WgAdd || op.kind == OpKind::WgWait) rec.aux = s.wg.counter();
    if (op.kind == OpKind::PoolGet && choice.alt < s.pool.size()) token = s.pool.item(choice.alt);
    if (op.kind == OpKind::PoolPut) {
        token = static_cast<uint32_t>(m_put_clocks.size());
        m_put_clocks.emplace_back();
        m_put_clocks.back().assign(clock);
        q.arg = token;
    }

    sync::Applied a = s.apply(q);
    if (a.misuse == sync::Misuse::ReusedBeforeWaitReturned) {
        if (a.effect != sync::Effect::Plain) rec.effect = a.effect;
        Gid waiter = s.wg.returning_waiter();
        bug.kind = BugKind::WaitGroupMisuse;
        bug.variant = VariantWgReuse;
        bug.object = op.object;
        bug.add(op.site, index, g, 1);
        bug.add(m_program.pending(waiter).site, index, waiter, 0);
        crash(g, bug);
        return false;
    }
    if (a.misuse != sync::Misuse::None) {
        misuse_crash(g, op, a.misuse, s.mutex.is_rw());
        return false;
    }
    if (a.edges & sync::JoinRelease) clock.join(s.release);
    if (a.edges & sync::JoinReadRelease) clock.join(s.read_release);
    if (a.edges & sync::PublishRelease) s.release.join(clock);
    if (a.edges & sync::PublishReadRelease) s.read_release.join(clock);
    if (a.effect != sync::Effect::Plain) rec.effect = a.effect;
    out.value = a.value;
    sync_write_race(g, op, a, index);

    switch (op.kind) {
    case OpKind::Lock:
        if (a.effect == sync::Effect::Announce) {
            gs.announced = true;
            break;
        }
        gs.announced = false;
        [[fallthrough]];
    case OpKind::RLock:
        if (gs.cond == 2) {
            push_access(Space::Sync, AccessMode::Write, gs.cond_id);  // ordered after the wake
            clock.join(gs.wake);  // Signal/Broadcast → the woken Wait
            gs.cond = 0;
        }
        if (m_locks.on_acquire(g, op.object, op.site, index, bug)) report(bug);
        break;
    case OpKind::TryLock:
    case OpKind::TryRLock:
        if (a.value) m_locks.on_acquire(g, op.object, op.site, index, bug);  // a Try cannot deadlock: no inversion
        break;
    case OpKind::Unlock:
    case OpKind::RUnlock: m_locks.on_release(g, op.object); break;
    case OpKind::WgAdd:
        if (a.effect == sync::Effect::FromZeroAdd) {
            // Add from zero must happen before every Wait; one that does not is Go's
            // "Add called concurrently with Wait" (the Wait may already have returned).
            for (const auto& w : s.waits)
                if (w.g != g && !clock.covers(w.g, w.t)) {
                    bug = FoundBug{};
                    bug.kind = BugKind::WaitGroupMisuse;
                    bug.object = op.object;
                    bug.add(op.site, index, g, 1);
                    bug.add(w.site, w.step, w.g, 0);
                    report(bug);
                    break;
                }
        }
        if (rec.aux > 0 && s.wg.counter() == 0 && op.object < m_sync_waiters.size())
            for (Gid w : m_sync_waiters[op.object])
                if (m_program.pending(w).kind == OpKind::WgWait) s.wg.release(w);
        break;
    case OpKind::WgWait:
        s.waits.push_back(AccessEpoch{g, clock.get(g), op.site, index});
        if (m_locks.on_blocking(g, op.site, index, UINT32_MAX, bug)) report(bug);
        break;
    case OpKind::OnceEnter:
        if (a.value != 0) break;
        for (const auto& p : m_once_panics)
            if (p.once == op.object) {
                // f panicked earlier: this Do returns without running it.
                bug = FoundBug{};
                bug.kind = BugKind::OncePanic;
                bug.object = op.object;
                bug.add(p.site, p.step, p.g, 0);
                bug.add(op.site, index, g, 1);
                report(bug);
            }
        break;
    case OpKind::OnceExit:
        if (op.arg != 0) m_once_panics.push_back(OncePanic{op.object, g, op.site, index});  // f panicked
        break;
    case OpKind::TimerFire:
        // Firing sends the time on C (a buffered send: the tick → the receive that takes
        // it); a Timer's C already full drops it, as Go does.
        if (uint32_t c = timer_chan(op); c != UINT32_MAX) {
            chan_accesses(c, OpKind::ChanSend, m_accesses);
            if (q.room) chan_send_clock(g, c);
        }
        break;
    case OpKind::PoolGet:
        rec.aux = out.value;  // < 0: the pool gave nothing, New runs
        if (out.value >= 0) clock.join(m_put_clocks[token]);  // Put(x) → the Get returning x
        break;
    default: break;
    }
    return a.resume;
}

}  // namespace lockstep::checker
