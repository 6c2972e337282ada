// Execution: one run of the program under the checker — every goroutine's pending
// operation and phase, the sync models indexed by dense object id, the Go memory model's
// clocks, the detectors, and the record of the steps taken (the choices and what each
// step touched). The explorer decides who runs; the execution applies it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/access.hpp"
#include "checker/found_bug.hpp"
#include "checker/lock_tracker.hpp"
#include "checker/lost_update_detector.hpp"
#include "checker/race_detector.hpp"
#include "checker/spin_await.hpp"
#include "checker/vector_clock.hpp"
#include "lang/assert.hpp"
#include "lang/source.hpp"
#include "sync/channel.hpp"
#include "sync/sync_object.hpp"
#include "vm/program.hpp"

namespace lockstep::checker {

// A scheduling (and data) choice: goroutine g performs its pending operation, taking
// alternative `alt` of its data choice (Pool.Get's object, select's case, a rendezvous
// partner); alt is 0 when the operation has one way to go.
struct Choice {
    vm::Gid g = 0;
    uint32_t alt = 0;
};

// How an execution ended.
enum class EndKind : uint8_t {
    Running,
    Exit,          // main returned: the other goroutines are dropped, as in Go
    Crash,         // a panic or fatal error (the program dies)
    Deadlock,      // no goroutine enabled, main not finished
    StepLimit,     // --max-steps or a StepLimit op
    SleepBlocked,  // the explorer cut it: every enabled goroutine is asleep (redundant)
    Stopped,       // the explorer cut it mid-way: the time budget ran out or it was interrupted
    Bound,         // the VM hit one of lockstep's own bounds (goroutines, heap cells): not the program's fault
};

// What a step did beyond the operation itself, where it matters to dependency analysis
// (the sync models name it: sync/model.hpp).
using StepEffect = sync::Effect;

struct StepRecord {
    Choice choice;
    uint32_t alts = 1;     // how many alternatives the choice had
    vm::Operation op;
    StepEffect effect = StepEffect::Plain;
    uint32_t access_begin = 0, access_end = 0;  // into Execution::accesses()
    int64_t aux = 0;       // WgAdd/WgWait: the counter before the step; PoolGet: < 0 when New runs
    vm::Gid partner = UINT32_MAX;  // unbuffered rendezvous: the other goroutine, which completed too
    uint32_t out_begin = 0, out_end = 0;  // Print: the text it wrote, in program().output()
};

struct ExecutionConfig {
    uint64_t max_steps = 100000;
    const lang::ExpectedOutput* expected_output = nullptr;
    // The spin-loop (await) reduction (checker/spin_await.hpp); off only to check it.
    bool spin_await = true;
    // `lockstep run` (checker/single_run.hpp): one execution that keeps only its latest
    // step record and that step's accesses (steps() is that window; step_count() counts
    // them all), so a run of any length takes bounded memory; no race analysis needs more.
    bool single_run = false;
};

class Execution {
public:
    Execution(vm::Program& program, ExecutionConfig config);

    // program.reset() and clear all state (keeping capacity).
    void start();

    EndKind end() const { return m_end; }
    // For EndKind::Bound: which bound ("goroutines", "heap-cells"), as Stats::bound names it.
    const char* bound_hit() const { return m_bound_hit; }
    const std::string& bound_message() const { return m_bound_message; }
    bool running() const { return m_end == EndKind::Running; }
    uint32_t goroutine_count() const { return m_program.goroutine_count(); }
    bool alive(vm::Gid g) const;
    // Some goroutine other than g has not finished.
    bool other_alive(vm::Gid g) const;
    bool enabled(vm::Gid g) const { return g < m_enabled.size() && m_enabled[g]; }
    const std::vector<vm::Gid>& enabled_list() const { return m_enabled_list; }
    // The enabled set computed afresh from every goroutine: what enabled_list() keeps up
    // to date step by step without looking at them all (for tests).
    std::vector<vm::Gid> enabled_from_scratch() const;
    // Number of alternatives of g's pending operation (>= 1 when enabled).
    uint32_t alternatives(vm::Gid g) const;
    const vm::Operation& pending(vm::Gid g) const { return m_program.pending(g); }
    // What g's pending operation may touch (conservative, for sleep sets and the events
    // that never ran). Appends to `out`.
    void pending_accesses(vm::Gid g, std::vector<Access>& out) const;
    // a and b are in the same state of the checker's own (an announced RWMutex writer, a
    // goroutine parked at or woken from Cond.Wait): part of symmetry (checker/symmetry.hpp).
    bool same_model_state(vm::Gid a, vm::Gid b) const {
        const GState& x = m_gs[a];
        const GState& y = m_gs[b];
        return x.announced == y.announced && x.spinning == y.spinning && x.cond == y.cond && x.cond_id == y.cond_id && x.wait_space == y.wait_space &&
               x.wait_id == y.wait_id && enabled(a) == enabled(b);
    }
    // g's pending operation would end the execution (a misuse the model reports at once).
    bool would_crash(vm::Gid g) const;

    // Perform g's pending operation (alternative alt). Must be enabled.
    void step(Choice choice);
    // The explorer stopped this execution (sleep-set blocked or a bound).
    void cut(EndKind why) { m_end = why; }
    // No enabled goroutine or max steps: decides deadlock / livelock. Call when
    // enabled_list() is empty or the step bound is hit.
    void finish_stuck();

    // Every step recorded (a single run keeps only the latest: see ExecutionConfig).
    const std::vector<StepRecord>& steps() const { return m_steps; }
    // How many steps the execution has taken (steps().size() unless a single run).
    uint32_t step_count() const { return m_step_base + static_cast<uint32_t>(m_steps.size()); }
    vm::Gid last_goroutine() const { return m_last; }
    const std::vector<Access>& accesses() const { return m_accesses; }
    const std::vector<FoundBug>& bugs() const { return m_bugs; }
    uint32_t preemptions() const { return m_preemptions; }
    // The goroutine whose operation ended the execution (Crash/StepLimit), if any.
    vm::Gid crashed() const { return m_crashed; }
    // For a crash: was it the program's own Panic op (message from the program) or a
    // misuse found by a model (message from the bug)?
    bool crash_is_program_panic() const { return m_program_panic; }
    vm::Program& program() { return m_program; }
    const vm::Program& program() const { return m_program; }
    const ExecutionConfig& config() const { return m_config; }
    // After an Exit: run the goroutines still alive (deterministically, unrecorded) and
    // report those that stay blocked forever as a goroutine-leak. After a cut at
    // --max-steps: decide whether it is a livelock (see decide_livelock).
    void drain_after_exit();
    // What the program printed up to main's return (later prints are not part of it).
    std::string_view output() const;
    // The wait-for picture at a deadlock: who holds a mutex (UINT32_MAX if none).
    vm::Gid mutex_holder(uint32_t sync_id) const;
    // g is await-blocked in a spin loop (checker/spin_await.hpp): it spins until something
    // it read is written.
    bool spin_blocked(vm::Gid g) const { return m_spin.blocked(g); }

private:
    enum WaitSpace : uint8_t { WaitNone, WaitSync, WaitChan, WaitSelect };
    struct GState {
        bool announced = false;  // RWMutex writer already announced at its pending Lock
        bool spinning = false;   // at a StepLimit that spins for ever (arg 1): never enabled again
        uint8_t cond = 0;        // 0 none, 1 parked at Cond.Wait, 2 woken (its pending Lock re-locks)
        uint32_t cond_id = 0;    // the Cond it waits on (cond != 0)
        VectorClock clock;
        VectorClock wake;        // Cond: the signaller's clock
        // Where g is listed as waiting (see m_sync_waiters): its pending operation's
        // enabledness depends on that object's state, so a step touching the object
        // re-examines it. WaitNone: its pending operation is always enabled.
        uint8_t wait_space = 0;
        uint32_t wait_id = 0;
        uint32_t wait_pos = 0;   // index in that list
        uint32_t wait_side = 0;  // WaitChan: the channel side (chan_send_side/chan_recv_side) listed on
        // WaitSelect: each channel side its cases wait on (no default), and g's index there.
        std::vector<std::pair<uint32_t, uint32_t>> select_regs;
    };
    struct SyncObject : sync::SyncModels {
        VectorClock release;     // Unlock, Done, Once f done, Signal, atomic-free: the release clock
        VectorClock read_release;  // RUnlock → next Lock
        std::vector<AccessEpoch> waits;  // WaitGroup: the Waits performed (for misuse)
        bool used = false;
    };
    struct ChanState {
        std::vector<VectorClock> slots;  // ring: send k → recv k, recv k → send k+C
        uint64_t sends = 0, recvs = 0;
        VectorClock close_clock;
        // Go's race detector orders close against sends: a send and a close not ordered by
        // happens-before are a data race (whichever comes first).
        std::vector<AccessEpoch> send_epochs;  // the latest send of each goroutine
        AccessEpoch close_epoch;
        bool closed = false;
        bool used = false;
    };

    SyncObject& sync_object(uint32_t id);
    // The model interface's view of g's pending operation, and the models of an object
    // (fresh ones for an object no step touched yet). See execution_sync.cpp.
    sync::OpQuery query(vm::Gid g, const vm::Operation& op, uint32_t alt = 0) const;
    const sync::SyncModels& models_at(uint32_t id) const;
    // The accesses of g's pending operation on a model's object, as the model names them.
    void sync_accesses(vm::Gid g, const vm::Operation& op, std::vector<Access>& out) const;
    // A step dispatched to a sync model; false when g does not resume (a crash, an Announce).
    bool step_sync(vm::Gid g, Choice choice, const vm::Operation& op, StepRecord& rec, vm::Outcome& out);
    // A timer's goroutine waiting for its firing: not the program's (never leaked, never
    // part of a deadlock). Inert: it will never run the program's code either (a Timer or
    // Ticker, or an AfterFunc timer stopped), so it cannot unlock a Mutex.
    bool idle_timer(vm::Gid q) const {
        return m_program.is_timer(q) && m_program.pending(q).kind == vm::OpKind::TimerFire;
    }
    bool inert_timer(vm::Gid q) const {
        if (!idle_timer(q)) return false;
        const vm::Operation& op = m_program.pending(q);
        return timer_chan(op) != UINT32_MAX || !models_at(op.object).timer.armed();
    }
    // A TimerFire's channel (UINT32_MAX: AfterFunc, which has none).
    static uint32_t timer_chan(const vm::Operation& op) {
        uint32_t c = static_cast<uint32_t>(op.arg >> 8);
        return c == 0 ? UINT32_MAX : c - 1;
    }
    void misuse_crash(vm::Gid g, const vm::Operation& op, sync::Misuse misuse, bool rw);
    // Copies of sync values (vm::OpKind::SyncCopy, execution_sync.cpp): the step fills the
    // snapshot with the copied object's state; an object the VM made from a snapshot
    // starts from it when first touched (sync_object) or asked about (models_at).
    static uint32_t copy_cell(const vm::Operation& op) { return static_cast<uint32_t>(static_cast<uint64_t>(op.arg) >> 32); }
    void step_copy(const vm::Operation& op);
    // A step that changes the bytes of sync object op.object (see m_sync_races).
    void sync_write_race(vm::Gid g, const vm::Operation& op, const sync::Applied& a, uint32_t index);
    void start_copy(uint32_t id);
    ChanState& chan_state(uint32_t id);
    VectorClock& atomic_clock(uint32_t loc);
    // Every goroutine from scratch (start, drain); after a step, only those whose
    // enabledness the step can have changed (update_enabled).
    void compute_enabled();
    bool compute_enabled(vm::Gid g) const;
    void update_enabled(vm::Gid g, vm::Gid partner, uint32_t before, uint32_t after, bool resumed, uint32_t access_begin);
    void refresh(vm::Gid g);
    void set_enabled(vm::Gid g, bool on);
    void register_waiter(vm::Gid g);
    void unregister_waiter(vm::Gid g);
    // Channel sides (execution_waiters.cpp): g joins a side's waiter list (returns its
    // index) or leaves it; either changes what the other side can pair with.
    uint32_t join_side(vm::Gid g, uint32_t side);
    void leave_side(vm::Gid g, uint32_t side, uint32_t pos);
    // q waits to do `want` on chan (a plain op, or a select without default with such a
    // case: its index in `index`, else -1).
    bool partner_match(vm::Gid q, uint32_t chan, vm::OpKind want, int64_t& index) const;
    bool chan_partner_waiting(vm::Gid self, uint32_t chan, vm::OpKind want) const;
    bool select_case_ready(vm::Gid g, uint32_t index) const;
    uint32_t ready_select_cases(vm::Gid g) const;
    // The ways a select case can go (0 when not ready; one per waiting partner when
    // unbuffered), and which case (-1: default) and partner the alt-th way of g's select takes.
    uint32_t case_ways(vm::Gid g, uint32_t index) const;
    int64_t select_way(vm::Gid g, uint32_t alt, uint32_t& partner_n) const;
    // The n-th goroutine waiting to do `want` on chan (a plain op, or a select without
    // default with such a case: its index in *case_index, else -1).
    vm::Gid nth_partner(vm::Gid self, uint32_t chan, vm::OpKind want, uint32_t n, int64_t* case_index) const;
    void report(const FoundBug& bug);
    void crash(vm::Gid g, const FoundBug& bug);
    // The dependency relation's view of a channel operation, a select's cases, and a
    // goroutine's arrival at a wait on an unbuffered channel (see execution.cpp).
    void chan_accesses(uint32_t chan, vm::OpKind kind, std::vector<Access>& out) const;
    void select_accesses(vm::Gid g, std::vector<Access>& out) const;
    void arrival_accesses(vm::Gid q);
    void push_access(Space s, AccessMode m, uint32_t id) {
        LOCKSTEP_ASSERT(id != vm::nil_chan_id, "an access names the nil-channel id");
        m_accesses.push_back(Access{s, m, id});
    }
    void chan_send_clock(vm::Gid g, uint32_t chan);
    // A send or close of chan by g at `site`: the send/close race (see ChanState).
    void chan_close_race(vm::Gid g, uint32_t chan, bool is_close, uint32_t site, uint32_t step);
    void chan_recv_clock(vm::Gid g, uint32_t chan);
    void check_output();
    // A map race whose accesses a causal chain orders (checker/causality.hpp) is a data
    // race on the map: Go's runtime sees only accesses that overlap in time.
    void map_race_kind(FoundBug& bug, vm::Gid g, uint32_t index) const;
    // The spin-loop reduction's part of a step (checker/spin_await.hpp) and the fairness of
    // a schedule cut at --max-steps (checker/execution_spin.cpp).
    void spin_after_step(vm::Gid g, vm::Gid partner, const vm::Operation& op, int64_t outcome, const StepRecord& rec);
    void spin_refresh_woken();
    // Runs the execution on round robin (unrecorded, no bugs) for another max_steps steps:
    // true if it ends (exits, crashes or gets stuck). Leaves the execution as it was cut.
    bool fair_tail_ends();
    // An execution cut at --max-steps: a livelock only when a fair continuation of it does
    // not end either (an unfair prefix that kept some goroutine from running, or a long run
    // cut just before its end, is cut, not a bug; the cut bounds the result).
    void decide_livelock();
    bool m_livelock_pending = false;

    vm::Program& m_program;
    ExecutionConfig m_config;
    EndKind m_end = EndKind::Running;
    std::vector<GState> m_gs;
    std::vector<uint8_t> m_enabled;
    std::vector<vm::Gid> m_enabled_list;  // sorted by gid
    // The goroutines whose pending operation can be enabled or disabled by other
    // goroutines' steps, listed by the object it depends on: Lock, RLock, Wait and Do by
    // sync id; send and receive by channel id; selects apart (they depend on every case).
    std::vector<std::vector<vm::Gid>> m_sync_waiters;
    // By channel side: the goroutines at a send or receive there, and the selects (without
    // default) with a case there; unordered (nth_partner takes them in gid order).
    std::vector<std::vector<vm::Gid>> m_side_waiters;
    mutable std::vector<vm::Gid> m_partner_scratch;
    mutable bool m_scan_all = false;  // enabled_from_scratch: nth_partner looks at every goroutine
    uint32_t m_step_chan = UINT32_MAX;  // the channel this step sent on, received from or closed
    std::vector<vm::Gid> m_timer_gs;       // the timers' own goroutines
    std::vector<vm::Gid> m_woken;          // this step's Signal/Broadcast
    SpinAwait m_spin;
    std::vector<vm::Gid> m_spin_woken;     // this step's wakes of await-blocked goroutines

    std::vector<uint32_t> m_touched_sides;  // scratch of update_enabled: sides to look at again
    std::vector<SyncObject> m_sync;
    std::vector<ChanState> m_chans;
    std::vector<VectorClock> m_atomics;
    std::vector<VectorClock> m_put_clocks;
    VectorClock m_scratch;  // by Put token (the step index of the Put)
    std::vector<StepRecord> m_steps;
    uint32_t m_step_base = 0;  // single run: the steps dropped before m_steps' first
    std::vector<Access> m_accesses;
    std::vector<FoundBug> m_bugs;
    struct OncePanic {
        uint32_t once;
        vm::Gid g;
        uint32_t site;
        uint32_t step;
    };
    std::vector<OncePanic> m_once_panics;  // Onces whose f panicked
    LockTracker m_locks;
    size_t m_exit_output = std::string_view::npos;
    bool m_draining = false;
    RaceDetector m_races;
    // A copy of a sync value reads its bytes; a Mutex's Lock, Unlock and successful
    // TryLock write them atomically, as Go's implementation does: a copy not ordered by
    // happens-before with one of those is a data race, as `go run -race` reports. Keyed
    // by sync object id.
    RaceDetector m_sync_races;
    LostUpdateDetector m_lost;
    uint32_t m_preemptions = 0;
    vm::Gid m_last = 0;
    vm::Gid m_crashed = 0;
    bool m_program_panic = false;
    const char* m_bound_hit = nullptr;
    std::string m_bound_message;
    std::string m_expected;  // normalized expected output
};

// Go's example-output comparison: trimmed of surrounding space; unordered compares the
// sorted lines.
std::string normalize_output(std::string_view text, bool unordered);

}  // namespace lockstep::checker
