// The spin-loop (await) reduction, as GenMC and loom do it, under the fairness assumption
// of docs/semantics.md. A loop iteration that changed nothing another goroutine can see —
// it only read memory, probed a lock or a channel that was not ready (TryLock failed,
// select took default), yielded (Gosched, Sleep) or locked and unlocked a mutex — and that
// brought its goroutine back to the same local state at the same loop head would repeat
// itself exactly until something it read changes. So the goroutine is await-blocked there
// until another goroutine's step writes something the iteration read (or changes the state
// of a lock it probed). Every execution this drops is one that repeats a failed iteration
// more often: no output, crash or final state is lost, and polling loops become finite.
// A goroutine await-blocked on reads nobody writes any more spins forever: with every other
// goroutine blocked too it is a deadlock (Go hangs), after main returns a leaked goroutine.
//
// The VM says where loop heads are and whether the goroutine-local state repeats
// (vm::Program::loop_serial / loop_repeats); this file decides the rest from the steps.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/access.hpp"
#include "vm/operation.hpp"
#include "vm/program.hpp"

namespace lockstep::checker {

// How one step looks to the reduction.
enum class SpinStepKind : uint8_t {
    Probe,   // read only: Load, atomic load, map read, failed TryLock, select default, Yield
    Locking, // Lock / Unlock / RLock / RUnlock / successful TryLock: balanced within an iteration, changes nothing
    Write,   // anything else: the iteration did something others can see
};

// Classifies g's step: its operation and, where it decides, the outcome (TryLock's 1/0,
// Select's case or -1 for default). lock_key/lock_delta: the lock it takes (+1) or
// releases (-1), read and write holds apart.
SpinStepKind spin_step_kind(const vm::Operation& op, int64_t outcome, uint32_t& lock_key, int8_t& lock_delta);

class SpinAwait {
public:
    void reset(bool on);
    bool on() const { return m_on; }
    bool blocked(vm::Gid g) const { return g < m_gs.size() && m_gs[g].blocked; }
    // What an await-blocked goroutine waits to see written.
    const std::vector<Access>& awaited(vm::Gid g) const { return m_gs[g].awaited; }
    // Before g performs step `index`: notes the loop heads it crossed before its first step.
    void before_step(const vm::Program& p, vm::Gid g, uint32_t index);
    // After step `index` of g (and of its rendezvous partner, UINT32_MAX if none) with the
    // accesses [begin, end) of `accesses`: blocks g if its iteration repeats, wakes the
    // goroutines whose awaited objects the step wrote (appended to `woken`).
    void after_step(const vm::Program& p, vm::Gid g, vm::Gid partner, uint32_t index, SpinStepKind kind, uint32_t lock_key,
                    int8_t lock_delta, const std::vector<Access>& accesses, uint32_t begin, uint32_t end,
                    std::vector<vm::Gid>& woken);

private:
    // Loop-head crossings first..last of a goroutine happened after its step begin-1: an
    // iteration starting there is made of its steps from index `begin` on.
    struct Head {
        uint64_t first = 0, last = 0;
        uint32_t begin = 0;
    };
    struct GSpin {
        uint64_t serial = 0;
        std::vector<Head> heads;
        bool blocked = false;
        std::vector<Access> awaited;
    };
    struct Logged {
        vm::Gid g = 0;
        SpinStepKind kind = SpinStepKind::Write;
        int8_t lock_delta = 0;
        uint32_t lock_key = 0;
        uint32_t begin = 0, end = 0;  // accesses
    };

    GSpin& gs(vm::Gid g);
    void note_heads(const vm::Program& p, vm::Gid g, uint32_t begin);
    // The iteration of g made of its steps [begin, index]: true if it repeats (locks
    // balanced, nothing it read written after the read), with what it read in `reads`.
    bool repeats(vm::Gid g, uint32_t begin, uint32_t index, const std::vector<Access>& accesses, std::vector<Access>& reads) const;

    bool m_on = true;
    std::vector<GSpin> m_gs;
    std::vector<Logged> m_log;  // by step index
    std::vector<vm::Gid> m_blocked;
};

}  // namespace lockstep::checker
