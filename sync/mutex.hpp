// The model of sync.Mutex and sync.RWMutex (one model: the VM's Lock/Unlock serve both, and
// a Mutex is an RWMutex that is never read-locked). Says whether a lock operation can
// proceed and what it does; never picks who runs.
//
// Writer preference, as in Go: a writer that finds readers inside first *announces*
// itself (a visible step of its own) and from then on new RLocks block until it has had
// its turn. Making the announcement a step keeps enabledness a function of performed
// events, which the explorer's dependency analysis needs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sync/misuse.hpp"
#include "sync/model.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

// What a Lock or RLock attempt does in the current state.
enum class LockStep : uint8_t {
    Blocked,    // not enabled
    Acquire,    // takes the lock
    Announce,   // RWMutex writer registers as waiting (stays at its Lock)
    Recursive,  // the goroutine already holds it: reported at once (it can only deadlock)
};

class MutexModel {
public:
    void reset() {
        m_write_held = false;
        m_writer = 0;
        m_announced = 0;
        m_readers.clear();
        m_rw = false;
    }

    bool write_held() const { return m_write_held; }
    vm::Gid writer() const { return m_writer; }
    uint32_t reader_count() const { return static_cast<uint32_t>(m_readers.size()); }
    bool holds_read(vm::Gid g) const { return std::find(m_readers.begin(), m_readers.end(), g) != m_readers.end(); }
    bool free() const { return !m_write_held && m_readers.empty(); }
    // Seen an RLock/RUnlock: the messages name an RWMutex.
    bool is_rw() const { return m_rw; }
    void mark_rw() { m_rw = true; }

    // `announced`: g already performed its Announce step for this Lock.
    LockStep lock_step(vm::Gid g, bool announced) const {
        if (m_write_held) return m_writer == g ? LockStep::Recursive : LockStep::Blocked;
        if (!m_readers.empty()) {
            if (holds_read(g)) return LockStep::Recursive;
            if (announced) return LockStep::Blocked;
            return m_announced == 0 ? LockStep::Announce : LockStep::Blocked;
        }
        // Free: an announced writer has the turn over newcomers.
        if (m_announced > 0 && !announced) return LockStep::Blocked;
        return LockStep::Acquire;
    }
    LockStep rlock_step(vm::Gid g) const {
        if (m_write_held) return m_writer == g ? LockStep::Recursive : LockStep::Blocked;
        if (m_announced > 0) return holds_read(g) ? LockStep::Recursive : LockStep::Blocked;
        return LockStep::Acquire;
    }

    void announce() { ++m_announced; }
    void acquire(vm::Gid g, bool announced) {
        if (announced && m_announced > 0) --m_announced;
        m_write_held = true;
        m_writer = g;
    }
    // The readers are kept sorted, so that the state after RLocks (and RUnlocks) of
    // different goroutines does not depend on their order: they commute (dep).
    void racquire(vm::Gid g) { m_readers.insert(std::upper_bound(m_readers.begin(), m_readers.end(), g), g); }
    bool try_lock(vm::Gid g) {
        if (!free() || m_announced > 0) return false;
        acquire(g, false);
        return true;
    }
    bool try_rlock(vm::Gid g) {
        if (m_write_held || m_announced > 0) return false;
        racquire(g);
        return true;
    }
    // Unlocking a Mutex another goroutine locked is legal Go.
    Misuse unlock() {
        if (!m_write_held) return Misuse::UnlockOfUnlocked;
        m_write_held = false;
        return Misuse::None;
    }
    Misuse runlock(vm::Gid g) {
        if (m_readers.empty()) return Misuse::RUnlockOfUnlocked;
        auto it = std::find(m_readers.begin(), m_readers.end(), g);
        if (it == m_readers.end()) it = m_readers.begin();  // RUnlock for another reader: legal (the lowest one's hold goes)
        m_readers.erase(it);
        return Misuse::None;
    }

    // --- the model interface (sync/model.hpp): Lock, TryLock, Unlock, RLock, TryRLock, RUnlock.
    bool enabled(const OpQuery& q) const {
        if (q.kind == vm::OpKind::RLock) return rlock_step(q.g) != LockStep::Blocked;
        if (q.kind != vm::OpKind::Lock) return true;
        LockStep st = lock_step(q.g, q.announced);
        // A Go Mutex has no owner: while another goroutine lives that may Unlock it, the
        // holder's second Lock just waits (recursive-lock only when nobody else is left).
        if (st == LockStep::Recursive && !holds_read(q.g)) return !q.others_alive();
        return st != LockStep::Blocked;
    }
    // RLocks, TryRLocks and RUnlocks commute with each other while no writer waits: each
    // only adds or removes its own hold (the readers are a sorted multiset), and readers do
    // not synchronize with each other (an RLock acquires the last Unlock, an RUnlock
    // publishes to the next Lock; docs/semantics.md, "Commuting operations"). A writer's
    // Lock, TryLock or Unlock conflicts with all of them — it reads whether readers are
    // inside — and so does an RUnlock while a writer is announced (the last one lets it
    // in) or by a goroutine that holds no read lock (it takes another reader's hold).
    Dep dep(const OpQuery& q) const {
        if (q.kind == vm::OpKind::RLock || q.kind == vm::OpKind::TryRLock) return Dep::Read;
        if (q.kind == vm::OpKind::RUnlock && m_announced == 0 && holds_read(q.g)) return Dep::Read;
        return Dep::Write;
    }
    Deps deps(const OpQuery& q) const { return Deps::object(dep(q)); }
    Misuse misuse(const OpQuery& q) const {
        switch (q.kind) {
        case vm::OpKind::Lock:
            if (lock_step(q.g, q.announced) != LockStep::Recursive) return Misuse::None;
            if (holds_read(q.g)) return Misuse::RecursiveRLock;
            return q.others_alive() ? Misuse::None : Misuse::RecursiveLock;
        case vm::OpKind::RLock: return rlock_step(q.g) == LockStep::Recursive ? Misuse::RecursiveRLock : Misuse::None;
        case vm::OpKind::Unlock: return m_write_held ? Misuse::None : Misuse::UnlockOfUnlocked;
        case vm::OpKind::RUnlock: return m_readers.empty() ? Misuse::RUnlockOfUnlocked : Misuse::None;
        default: return Misuse::None;
        }
    }
    uint32_t alternatives(const OpQuery&) const { return 1; }
    // Blocking: a Lock waits for the lock to be free, an RLock for no writer to hold or
    // wait. A step that took the lock (or announced a writer) is what disabled them; any
    // acquisition disables a Lock, only a writer's an RLock. Unlock and RUnlock enable them
    // — except that an RUnlock never enables an RLock (readers never wait for readers):
    // that race is an ordinary one.
    static Wait wait_class(vm::OpKind k, Effect e, bool performed) {
        if (performed && e != Effect::Acquire && e != Effect::Announce) return Wait::None;
        return k == vm::OpKind::Lock ? Wait::Lock : k == vm::OpKind::RLock ? Wait::RLock : Wait::None;
    }
    static bool disables(Wait w, vm::OpKind k, Effect e) {
        if (e != Effect::Acquire && e != Effect::Announce) return false;
        return w == Wait::Lock || (w == Wait::RLock && k != vm::OpKind::RLock && k != vm::OpKind::TryRLock);
    }
    static bool enables(Wait w, vm::OpKind k, Effect e) { return releases(e) && !(w == Wait::RLock && k == vm::OpKind::RUnlock); }
    Applied apply(const OpQuery& q) {
        Applied a;
        switch (q.kind) {
        case vm::OpKind::Lock:
            switch (lock_step(q.g, q.announced)) {
            case LockStep::Recursive: a.misuse = holds_read(q.g) ? Misuse::RecursiveRLock : Misuse::RecursiveLock; break;
            case LockStep::Announce:
                announce();
                a.effect = Effect::Announce;
                a.resume = false;
                break;
            case LockStep::Acquire:
                acquire(q.g, q.announced);
                a.effect = Effect::Acquire;
                a.edges = JoinRelease | JoinReadRelease;
                break;
            case LockStep::Blocked: break;  // the checker never steps a disabled operation
            }
            break;
        case vm::OpKind::TryLock:
            a.value = try_lock(q.g) ? 1 : 0;
            if (a.value) {
                a.effect = Effect::Acquire;
                a.edges = JoinRelease | JoinReadRelease;
            }
            break;
        case vm::OpKind::Unlock:
            if (q.arg == 1) mark_rw();  // RWMutex.Unlock: Go's message names the RWMutex
            a.misuse = unlock();
            if (a.misuse == Misuse::None) {
                a.effect = Effect::Release;
                a.edges = PublishRelease;
            }
            break;
        case vm::OpKind::RLock:
            mark_rw();
            if (rlock_step(q.g) == LockStep::Recursive) {
                a.misuse = Misuse::RecursiveRLock;
                break;
            }
            racquire(q.g);
            a.effect = Effect::Acquire;
            a.edges = JoinRelease;
            break;
        case vm::OpKind::TryRLock:
            mark_rw();
            a.value = try_rlock(q.g) ? 1 : 0;
            if (a.value) {
                a.effect = Effect::Acquire;  // what a writer's Lock after it races with
                a.edges = JoinRelease;
            }
            break;
        case vm::OpKind::RUnlock:
            mark_rw();
            a.misuse = runlock(q.g);
            if (a.misuse == Misuse::None) {
                a.effect = Effect::Release;
                a.edges = PublishReadRelease;
            }
            break;
        default: break;
        }
        return a;
    }

private:
    bool m_write_held = false;
    vm::Gid m_writer = 0;
    uint32_t m_announced = 0;       // writers waiting for the readers to drain
    std::vector<vm::Gid> m_readers; // one entry per read lock held (capacity kept across executions)
    bool m_rw = false;
};

}  // namespace lockstep::sync
