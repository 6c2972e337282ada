// Execution: applies one goroutine's pending operation through the sync models, keeps the
// Go memory model's clocks and runs the detectors. See execution.hpp.
#include "checker/execution.hpp"

#include "checker/causality.hpp"

#include <algorithm>

#include "lang/assert.hpp"

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

namespace {
std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}
}  // namespace

uint32_t chan_send_side(uint32_t chan) { return 2 * chan; }
uint32_t chan_recv_side(uint32_t chan) { return 2 * chan + 1; }
uint32_t chan_of_side(uint32_t side) { return side / 2; }

void Execution::chan_accesses(uint32_t chan, OpKind kind, std::vector<Access>& out) const {
    if (chan == vm::nil_chan_id) return;
    // A buffered channel's sends commute with its receives (different slots; the one that
    // would block is disabled, not reordered), so each side is its own object; a
    // rendezvous, a close and a select's probe of the channel touch both.
    bool buffered = m_program.chan_capacity(chan) > 0;
    if (!buffered || kind != OpKind::ChanRecv) out.push_back(Access{Space::Chan, AccessMode::Write, chan_send_side(chan)});
    if (!buffered || kind != OpKind::ChanSend) out.push_back(Access{Space::Chan, AccessMode::Write, chan_recv_side(chan)});
}

void Execution::select_accesses(Gid g, std::vector<Access>& out) const {
    uint32_t cases = static_cast<uint32_t>(m_program.pending(g).arg);
    for (uint32_t i = 0; i < cases; ++i) {
        vm::SelectCase sc = m_program.select_case(g, i);
        if (!sc.nil_chan) chan_accesses(sc.chan, OpKind::Select, out);
    }
}

void Execution::arrival_accesses(Gid q) {
    // Becoming a waiter on an unbuffered channel changes what the channel's other side
    // sees (a partner is there): it writes the channel, so a select with default probing
    // it, or a rendezvous with another partner, is ordered against the arrival.
    if (m_program.state(q) != vm::GoroutineState::Pending || m_gs[q].cond == 1) return;
    const vm::Operation& op = m_program.pending(q);
    if ((op.kind == OpKind::ChanSend || op.kind == OpKind::ChanRecv) && op.object != vm::nil_chan_id &&
        m_program.chan_capacity(op.object) == 0)
        chan_accesses(op.object, op.kind, m_accesses);
    if (op.kind == OpKind::Select && !m_program.select_has_default(q)) {
        uint32_t cases = static_cast<uint32_t>(op.arg);
        for (uint32_t i = 0; i < cases; ++i) {
            vm::SelectCase sc = m_program.select_case(q, i);
            if (!sc.nil_chan && m_program.chan_capacity(sc.chan) == 0) chan_accesses(sc.chan, OpKind::Select, m_accesses);
        }
    }
}

std::string normalize_output(std::string_view text, bool unordered) {
    std::string_view t = trim(text);
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= t.size()) {
        size_t nl = t.find('\n', start);
        if (nl == std::string_view::npos) nl = t.size();
        std::string_view line = t.substr(start, nl - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
        lines.push_back(line);
        start = nl + 1;
    }
    if (unordered) std::sort(lines.begin(), lines.end());
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i) out += '\n';
        out += lines[i];
    }
    return out;
}

Execution::Execution(vm::Program& program, ExecutionConfig config) : m_program(program), m_config(config) {
    if (m_config.expected_output) {
        std::string joined;
        for (const auto& l : m_config.expected_output->lines) joined += l + "\n";
        m_expected = normalize_output(joined, m_config.expected_output->unordered);
    }
}

void Execution::start() {
    m_program.reset();
    m_end = EndKind::Running;
    for (auto& s : m_sync)
        if (s.used) {
            s.used = false;
            s.reset();
            s.release.clear();
            s.read_release.clear();
            s.waits.clear();
        }
    for (auto& c : m_chans)
        if (c.used) {
            c.used = false;
            for (auto& s : c.slots) s.clear();
            c.sends = c.recvs = 0;
            c.close_clock.clear();
            c.send_epochs.clear();
            c.closed = false;
        }
    for (auto& a : m_atomics) a.clear();
    for (auto& gs : m_gs) {
        gs.announced = false;
        gs.spinning = false;
        gs.cond = 0;
        gs.clock.clear();
        gs.wake.clear();
    }
    m_put_clocks.clear();
    m_steps.clear();
    m_step_base = 0;
    m_accesses.clear();
    m_bugs.clear();
    m_races.reset();
    m_sync_races.reset();
    m_lost.reset();
    m_locks.reset();
    m_once_panics.clear();
    m_exit_output = std::string_view::npos;
    m_draining = false;
    m_preemptions = 0;
    m_last = 0;
    m_crashed = 0;
    m_program_panic = false;
    m_bound_hit = nullptr;
    m_spin.reset(m_config.spin_await);
    m_livelock_pending = false;
    if (m_gs.empty()) m_gs.resize(1);
    compute_enabled();
}

bool Execution::other_alive(Gid g) const {
    for (Gid q = 0; q < m_program.goroutine_count(); ++q)
        if (q != g && m_program.state(q) == vm::GoroutineState::Pending && !inert_timer(q)) return true;
    return false;
}

bool Execution::alive(Gid g) const { return g < m_program.goroutine_count() && m_program.state(g) == vm::GoroutineState::Pending; }

Execution::SyncObject& Execution::sync_object(uint32_t id) {
    if (id >= m_sync.size()) m_sync.resize(id + 1);
    if (!m_sync[id].used) {
        m_sync[id].used = true;
        start_copy(id);  // a copy of a sync value starts from its snapshot (execution_sync.cpp)
    }
    return m_sync[id];
}

Execution::ChanState& Execution::chan_state(uint32_t id) {
    if (id >= m_chans.size()) m_chans.resize(id + 1);
    ChanState& c = m_chans[id];
    if (!c.used) {
        c.used = true;
        uint32_t cap = std::max<uint32_t>(1, m_program.chan_capacity(id));
        if (c.slots.size() < cap) c.slots.resize(cap);
    }
    return c;
}

VectorClock& Execution::atomic_clock(uint32_t loc) {
    if (loc >= m_atomics.size()) m_atomics.resize(loc + 1);
    return m_atomics[loc];
}

vm::Gid Execution::mutex_holder(uint32_t id) const {
    const sync::MutexModel& m = models_at(id).mutex;  // a copy never used yet: its snapshot
    return m.write_held() ? m.writer() : UINT32_MAX;
}


bool Execution::select_case_ready(Gid g, uint32_t index) const {
    vm::SelectCase sc = m_program.select_case(g, index);
    if (sc.nil_chan) return false;
    sync::ChannelView v{m_program.chan_capacity(sc.chan), m_program.chan_buffered(sc.chan), m_program.chan_closed(sc.chan)};
    if (sc.kind == OpKind::ChanSend) return sync::send_ready(v, chan_partner_waiting(g, sc.chan, OpKind::ChanRecv));
    return sync::recv_ready(v, chan_partner_waiting(g, sc.chan, OpKind::ChanSend));
}

uint32_t Execution::case_ways(Gid g, uint32_t index) const {
    if (!select_case_ready(g, index)) return 0;
    vm::SelectCase sc = m_program.select_case(g, index);
    if (m_program.chan_capacity(sc.chan) > 0 || m_program.chan_closed(sc.chan)) return 1;
    // Unbuffered: one way per partner waiting on the other side.
    OpKind want = sc.kind == OpKind::ChanSend ? OpKind::ChanRecv : OpKind::ChanSend;
    uint32_t n = 0;
    while (nth_partner(g, sc.chan, want, n, nullptr) != UINT32_MAX) ++n;
    return n;
}

int64_t Execution::select_way(Gid g, uint32_t alt, uint32_t& partner_n) const {
    uint32_t cases = static_cast<uint32_t>(m_program.pending(g).arg);
    for (uint32_t i = 0; i < cases; ++i) {
        uint32_t w = case_ways(g, i);
        if (alt < w) {
            partner_n = alt;
            return i;
        }
        alt -= w;
    }
    return -1;  // default
}

uint32_t Execution::ready_select_cases(Gid g) const {
    uint32_t n = 0, cases = static_cast<uint32_t>(m_program.pending(g).arg);
    for (uint32_t i = 0; i < cases; ++i)
        if (select_case_ready(g, i)) ++n;
    return n;
}

bool Execution::compute_enabled(Gid g) const {
    if (m_program.state(g) != vm::GoroutineState::Pending) return false;
    const vm::Operation& op = m_program.pending(g);
    const GState& gs = m_gs[g];
    if (gs.cond == 1) return false;  // parked in Cond.Wait until signalled
    if (gs.spinning) return false;   // spins for ever with nothing visible: changes nothing
    if (m_spin.blocked(g)) return false;  // spins until something it read is written
    switch (op.kind) {
    case OpKind::Lock:
    case OpKind::RLock:
    case OpKind::WgWait:
    case OpKind::OnceEnter:
    case OpKind::TimerFire: return models_at(op.object).enabled(query(g, op));
    case OpKind::ChanSend: {
        if (op.object == vm::nil_chan_id) return false;  // blocks forever
        sync::ChannelView v{m_program.chan_capacity(op.object), m_program.chan_buffered(op.object), m_program.chan_closed(op.object)};
        return sync::send_ready(v, chan_partner_waiting(g, op.object, OpKind::ChanRecv));
    }
    case OpKind::ChanRecv: {
        if (op.object == vm::nil_chan_id) return false;  // blocks forever
        sync::ChannelView v{m_program.chan_capacity(op.object), m_program.chan_buffered(op.object), m_program.chan_closed(op.object)};
        return sync::recv_ready(v, chan_partner_waiting(g, op.object, OpKind::ChanSend));
    }
    case OpKind::Select: return m_program.select_has_default(g) || ready_select_cases(g) > 0;
    default: return true;
    }
}


uint32_t Execution::alternatives(Gid g) const {
    const vm::Operation& op = m_program.pending(g);
    switch (op.kind) {
    case OpKind::PoolGet: return models_at(op.object).alternatives(query(g, op));
    case OpKind::Rand: return op.arg > 1 ? static_cast<uint32_t>(op.arg) : 1;
    case OpKind::MapWrite: {
        // The first concurrent map write of an execution may kill it or not (once the
        // bug is shown, later ones go on: the program's fate is already decided twice).
        for (const auto& b : m_bugs)
            if (b.kind == BugKind::ConcurrentMapAccess && b.variant == VariantMapWrites) return 1;
        // Go's runtime cannot see it when a causal chain orders the two writes (the map was
        // written, then handed over through a racy variable): a data race, never fatal.
        const AccessEpoch* prev = m_races.racing_write(op.object, g, m_gs[g].clock);
        if (!prev) return 1;
        return causally_after(*this, prev->step, g, step_count()) ? 1 : 2;
    }
    case OpKind::WgAdd: return models_at(op.object).alternatives(query(g, op));
    case OpKind::Select: {
        uint32_t r = 0, cases = static_cast<uint32_t>(op.arg);
        for (uint32_t i = 0; i < cases; ++i) r += case_ways(g, i);
        return r ? r : 1;
    }
    case OpKind::ChanSend:
        if (m_program.chan_capacity(op.object) == 0 && !m_program.chan_closed(op.object)) {
            uint32_t n = 0;
            while (nth_partner(g, op.object, OpKind::ChanRecv, n, nullptr) != UINT32_MAX) ++n;
            return std::max(1u, n);
        }
        return 1;
    case OpKind::ChanRecv:
        if (m_program.chan_capacity(op.object) == 0 && !m_program.chan_closed(op.object)) {
            uint32_t n = 0;
            while (nth_partner(g, op.object, OpKind::ChanSend, n, nullptr) != UINT32_MAX) ++n;
            return std::max(1u, n);
        }
        return 1;
    default: return 1;
    }
}

void Execution::pending_accesses(Gid g, std::vector<Access>& out) const {
    const vm::Operation& op = m_program.pending(g);
    switch (vm::op_object_space(op.kind)) {
    case vm::ObjectSpace::Memory: {
        bool read = op.kind == OpKind::Load || op.kind == OpKind::MapRead || op.kind == OpKind::AtomicLoad;
        bool commuting = op.kind == OpKind::AtomicRmw && op.arg == 1;  // a dropped Add (see step)
        out.push_back(Access{Space::Memory, read ? AccessMode::Read : commuting ? AccessMode::Commute : AccessMode::Write, op.object});
        break;
    }
    case vm::ObjectSpace::Sync: {
        if (sync::SyncModels::dispatched(op.kind)) sync_accesses(g, op, out);
        else out.push_back(Access{Space::Sync, AccessMode::Write, op.object});
        if (op.kind == OpKind::SyncCopy) out.push_back(Access{Space::Memory, AccessMode::Read, copy_cell(op)});
        if (op.kind == OpKind::TimerFire && timer_chan(op) != UINT32_MAX) chan_accesses(timer_chan(op), OpKind::ChanSend, out);
        if (op.kind == OpKind::CondWait) out.push_back(Access{Space::Sync, AccessMode::Write, static_cast<uint32_t>(op.arg)});
        break;
    }
    case vm::ObjectSpace::Chan: chan_accesses(op.object, op.kind, out); break;
    case vm::ObjectSpace::None:
        if (op.kind == OpKind::Select) {
            select_accesses(g, out);
        } else if (op.kind == OpKind::Print) {
            // Prints commute in the search, even under an ordered // Output: block: each
            // execution stands for every order of its prints (checker/print_order.hpp),
            // and the explorer checks the block against all of them.
            out.push_back(Access{Space::Output, AccessMode::Commute, 0});
        }
        break;
    }
    if (m_gs[g].cond != 0) out.push_back(Access{Space::Sync, AccessMode::Write, m_gs[g].cond_id});
    bool ends = op.kind == OpKind::Exit || op.kind == OpKind::Panic || (op.kind == OpKind::StepLimit && op.arg != 1) || would_crash(g);
    out.push_back(Access{Space::Global, ends ? AccessMode::Write : AccessMode::Read, 0});
}

bool Execution::would_crash(Gid g) const {
    const vm::Operation& op = m_program.pending(g);
    if (vm::op_object_space(op.kind) != vm::ObjectSpace::Sync) return false;
    if (sync::SyncModels::dispatched(op.kind)) return models_at(op.object).misuse(query(g, op)) != sync::Misuse::None;
    if (op.kind != OpKind::CondWait) return false;
    // Cond.Wait unlocks its Locker: a misuse when the Locker is not held.
    const sync::MutexModel& l = models_at(static_cast<uint32_t>(op.arg)).mutex;
    return (op.arg >> 32) & 1 ? !l.holds_read(g) : !l.write_held();
}

void Execution::report(const FoundBug& bug) {
    if (m_draining && bug.kind != BugKind::GoroutineLeak) return;  // after main returned, only leaks count
    for (const auto& b : m_bugs)
        if (b.same_bug(bug)) return;
    m_bugs.push_back(bug);
}

void Execution::crash(Gid g, const FoundBug& bug) {
    report(bug);
    m_end = EndKind::Crash;
    m_crashed = g;
}

void Execution::chan_send_clock(Gid g, uint32_t chan) {
    ChanState& c = chan_state(chan);
    VectorClock& slot = c.slots[c.sends % c.slots.size()];
    m_gs[g].clock.join(slot);  // receive k-C → this send
    slot.assign(m_gs[g].clock);
    ++c.sends;
}

void Execution::chan_close_race(Gid g, uint32_t chan, bool is_close, uint32_t site, uint32_t step) {
    ChanState& c = chan_state(chan);
    const VectorClock& clock = m_gs[g].clock;
    auto race = [&](const AccessEpoch& prev) {
        FoundBug bug;
        bug.kind = BugKind::DataRace;
        bug.object = chan;
        bug.add(site, step, g, 1);
        bug.add(prev.site, prev.step, prev.g, 1);
        report(bug);
    };
    if (is_close) {
        for (const auto& s : c.send_epochs)
            if (s.g != g && !clock.covers(s.g, s.t)) {
                race(s);
                break;
            }
        c.close_epoch = AccessEpoch{g, clock.get(g), site, step};
        c.closed = true;
        return;
    }
    if (c.closed && c.close_epoch.g != g && !clock.covers(c.close_epoch.g, c.close_epoch.t)) race(c.close_epoch);
    for (auto& s : c.send_epochs)
        if (s.g == g) {
            s = AccessEpoch{g, clock.get(g), site, step};
            return;
        }
    c.send_epochs.push_back(AccessEpoch{g, clock.get(g), site, step});
}

void Execution::chan_recv_clock(Gid g, uint32_t chan) {
    ChanState& c = chan_state(chan);
    VectorClock& slot = c.slots[c.recvs % c.slots.size()];
    m_gs[g].clock.join(slot);  // send k → this receive
    slot.assign(m_gs[g].clock);
    ++c.recvs;
}

void Execution::map_race_kind(FoundBug& bug, Gid g, uint32_t index) const {
    // bug.steps[1] is the earlier access (RaceDetector::fill).
    if (bug.count < 2 || !causally_after(*this, bug.steps[1], g, index)) return;
    bug.kind = BugKind::DataRace;
    bug.variant = VariantRaceOnMap;
}

void Execution::check_output() {
    if (!m_config.expected_output) return;
    std::string got = normalize_output(m_program.output(), m_config.expected_output->unordered);
    if (got == m_expected) return;
    FoundBug bug;
    bug.kind = BugKind::OutputMismatch;
    bug.add(m_program.pending(0).site, step_count(), 0);
    report(bug);
}

void Execution::step(Choice choice) {
    const Gid g = choice.g;
    LOCKSTEP_ASSERT(running(), "step after the execution ended");
    LOCKSTEP_ASSERT(enabled(g), "step of a goroutine that is not enabled");
    const vm::Operation op = m_program.pending(g);
    if (m_config.single_run && !m_steps.empty()) {
        // Only the latest step is kept: what the next step's bookkeeping looks at.
        m_step_base += static_cast<uint32_t>(m_steps.size());
        m_steps.clear();
        m_accesses.clear();
    }
    const uint32_t index = step_count();
    StepRecord rec;
    rec.choice = choice;
    rec.alts = alternatives(g);
    rec.op = op;
    rec.access_begin = static_cast<uint32_t>(m_accesses.size());
    if (index > 0 && g != m_last && enabled(m_last)) ++m_preemptions;
    m_woken.clear();
    m_step_chan = UINT32_MAX;
    m_spin.before_step(m_program, g, index);

    GState& gs = m_gs[g];
    gs.clock.tick(g);
    VectorClock& clock = gs.clock;
    vm::Outcome out;
    bool resume = true;
    FoundBug bug;
    Gid partner = UINT32_MAX;  // the other side of an unbuffered rendezvous
    int64_t partner_case = -1;  // its select case, when it waits in a select
    bool g_sends = false;

    auto crash_with = [&](BugKind kind, uint32_t variant) {
        bug = FoundBug{};
        bug.kind = kind;
        bug.variant = variant;
        bug.object = op.object;
        bug.add(op.site, index, g);
        crash(g, bug);
        resume = false;
    };

    switch (op.kind) {
    case OpKind::Load:
    case OpKind::MapRead: {
        push_access(Space::Memory, AccessMode::Read, op.object);
        bool is_map = op.kind == OpKind::MapRead;
        if (m_races.on_read(op.object, g, clock, op.site, index, is_map, bug)) {
            if (is_map) map_race_kind(bug, g, index);
            report(bug);
        }
        if (!is_map) m_lost.on_read(op.object, g, op.site, index);
        break;
    }
    case OpKind::Store:
    case OpKind::MapWrite: {
        push_access(Space::Memory, AccessMode::Write, op.object);
        bool is_map = op.kind == OpKind::MapWrite;
        if (m_races.on_write(op.object, g, clock, op.site, index, is_map, bug)) {
            if (is_map) map_race_kind(bug, g, index);
            report(bug);
            // Go's runtime detects concurrent map writes only sometimes: it kills the
            // program (alternative 0) or the program goes on (alternative 1).
            if (is_map && bug.kind == BugKind::ConcurrentMapAccess && bug.variant == VariantMapWrites && choice.alt == 0 && rec.alts == 2) {
                m_end = EndKind::Crash;
                m_crashed = g;
                resume = false;
            }
        }
        if (!is_map && m_lost.on_write(op.object, g, op.site, index, bug)) report(bug);
        break;
    }
    case OpKind::AtomicLoad:
        push_access(Space::Memory, AccessMode::Read, op.object);
        clock.join(atomic_clock(op.object));
        if (m_races.on_read(op.object, g, clock, op.site, index, false, bug, true)) report(bug);
        break;
    case OpKind::AtomicRmw:
        if (op.arg == 1) {
            // An Add whose result is dropped: it commutes with the other such Adds on the
            // location (in either order the sum, the clocks and the detectors end the same)
            // and observes none of them, so it publishes its clock and acquires nothing.
            push_access(Space::Memory, AccessMode::Commute, op.object);
            atomic_clock(op.object).join(clock);
            if (m_races.on_commuting_write(op.object, g, clock, op.site, index, bug)) report(bug);
            m_lost.on_commuting_write(op.object, g, op.site, index);
            break;
        }
        [[fallthrough]];
    case OpKind::AtomicStore: {
        push_access(Space::Memory, AccessMode::Write, op.object);
        VectorClock& a = atomic_clock(op.object);
        clock.join(a);
        a.join(clock);
        if (m_races.on_write(op.object, g, clock, op.site, index, false, bug, true)) report(bug);
        // An atomic write between a plain read and a plain write of the same variable is
        // lost like any other (the atomic itself never overwrites from a stale read).
        FoundBug ignored;
        m_lost.on_write(op.object, g, op.site, index, ignored);
        break;
    }
    case OpKind::Lock:
    case OpKind::TryLock:
    case OpKind::Unlock:
    case OpKind::RLock:
    case OpKind::TryRLock:
    case OpKind::RUnlock:
    case OpKind::WgAdd:
    case OpKind::WgWait:
    case OpKind::OnceEnter:
    case OpKind::OnceExit:
    case OpKind::PoolGet:
    case OpKind::PoolPut:
    case OpKind::TimerFire:
    case OpKind::TimerStop:
    case OpKind::TimerReset: resume = step_sync(g, choice, op, rec, out); break;
    case OpKind::SyncCopy:
        push_access(Space::Sync, AccessMode::Write, op.object);
        push_access(Space::Memory, AccessMode::Read, copy_cell(op));
        if (m_races.on_read(copy_cell(op), g, clock, op.site, index, false, bug)) report(bug);
        if (m_sync_races.on_read(op.object, g, clock, op.site, index, false, bug)) report(bug);
        step_copy(op);
        break;
    case OpKind::CondWait: {
        // Unlocks the Locker and parks; the VM then pauses the goroutine at a Lock of the
        // Locker, which stays disabled until a Signal/Broadcast wakes it.
        uint32_t locker = static_cast<uint32_t>(op.arg);
        bool reader = (op.arg >> 32) & 1;  // NewCond(rw.RLocker()): RUnlock, then RLock again
        push_access(Space::Sync, AccessMode::Write, op.object);
        push_access(Space::Sync, AccessMode::Write, locker);
        SyncObject& l = sync_object(locker);
        if (reader) {
            l.mutex.mark_rw();
            if (l.mutex.runlock(g) != sync::Misuse::None) {
                crash_with(BugKind::UnlockOfUnlocked, VariantRWRUnlock);
                break;
            }
            l.read_release.join(clock);
        } else {
            if (l.mutex.unlock() != sync::Misuse::None) {
                crash_with(BugKind::UnlockOfUnlocked, l.mutex.is_rw() ? VariantRWUnlock : VariantMutexUnlock);
                break;
            }
            l.release.join(clock);
        }
        m_locks.on_release(g, locker);
        if (m_locks.on_blocking(g, op.site, index, locker, bug)) report(bug);
        sync_object(op.object).cond.park(g);
        gs.cond = 1;
        gs.cond_id = op.object;
        gs.wake.clear();
        rec.effect = StepEffect::CondPark;
        break;
    }
    case OpKind::CondSignal:
    case OpKind::CondBroadcast: {
        push_access(Space::Sync, AccessMode::Write, op.object);
        SyncObject& s = sync_object(op.object);
        Gid w = 0;
        while (s.cond.signal(w)) {
            m_woken.push_back(w);
            m_gs[w].cond = 2;
            m_gs[w].wake.join(clock);
            if (op.kind == OpKind::CondSignal) break;
        }
        break;
    }
    case OpKind::ChanSend:
    case OpKind::ChanRecv:
    case OpKind::Select: {
        OpKind kind = op.kind;
        uint32_t chan = op.object;
        uint32_t partner_n = choice.alt;
        if (op.kind == OpKind::Select) {
            select_accesses(g, m_accesses);
            // The alt-th way: a ready case (and its partner), or default.
            int64_t picked = select_way(g, choice.alt, partner_n);
            out.value = picked;
            if (picked < 0) break;
            vm::SelectCase sc = m_program.select_case(g, static_cast<uint32_t>(picked));
            kind = sc.kind;
            chan = sc.chan;
        } else {
            chan_accesses(chan, op.kind, m_accesses);
        }
        if (m_locks.on_blocking(g, op.site, index, UINT32_MAX, bug)) report(bug);
        m_step_chan = chan;
        ChanState& c = chan_state(chan);
        bool closed = m_program.chan_closed(chan);
        bool buffered = m_program.chan_capacity(chan) > 0;
        if (kind == OpKind::ChanSend) {
            chan_close_race(g, chan, false, op.site, index);
            if (closed) break;  // the VM panics: send on closed channel
            if (buffered) {
                chan_send_clock(g, chan);
            } else {
                partner = nth_partner(g, chan, OpKind::ChanRecv, partner_n, &partner_case);
            }
        } else {
            if (m_program.chan_buffered(chan) > 0) {
                chan_recv_clock(g, chan);
            } else if (closed) {
                clock.join(c.close_clock);  // close → a receive that sees closed
            } else {
                partner = nth_partner(g, chan, OpKind::ChanSend, partner_n, &partner_case);
            }
        }
        g_sends = kind == OpKind::ChanSend;
        if (partner != UINT32_MAX) {
            // A select on the other side was waiting on all its cases: taking one of them
            // decides the others too (a sender on another case now waits on).
            if (m_program.pending(partner).kind == OpKind::Select) select_accesses(partner, m_accesses);
            // Unbuffered: both sides complete together, each after the other's start.
            GState& ps = m_gs[partner];
            ps.clock.tick(partner);
            m_scratch.assign(clock);
            clock.join(ps.clock);
            ps.clock.join(m_scratch);
            out.partner = partner;
            if (!g_sends) chan_close_race(partner, chan, false, m_program.pending(partner).site, index);
        }
        break;
    }
    case OpKind::ChanClose: {
        chan_accesses(op.object, OpKind::ChanClose, m_accesses);
        m_step_chan = op.object;
        ChanState& c = chan_state(op.object);
        c.close_clock.join(clock);
        chan_close_race(g, op.object, true, op.site, index);
        break;
    }
    case OpKind::Go: out.value = m_program.goroutine_count(); break;
    // math/rand's small-range result: the alternative is the value. It reads and writes
    // nothing another goroutine sees (the global source is Go's locked one; a shared
    // *rand.Rand's state is written by the package's own code): independent of every step.
    case OpKind::Rand: out.value = choice.alt; break;
    case OpKind::Print: push_access(Space::Output, AccessMode::Commute, 0); break;
    case OpKind::Yield:
        // time.Sleep under a lock: everyone waiting for it waits for the sleep too.
        if (m_locks.on_blocking(g, op.site, index, UINT32_MAX, bug)) report(bug);
        break;
    case OpKind::Panic: {
        // The VM's own bounds reach us as fatal errors it words "lockstep bound: ...": they
        // end the execution as a bound does, not as a bug of the program (Go has no such error).
        if (m_program.panic_is_fatal(g)) {
            std::string text = m_program.panic_message(g);
            if (text.rfind("lockstep bound:", 0) == 0) {
                m_bound_hit = text.find("goroutines") != std::string::npos ? "goroutines"
                              : text.find("Ticker") != std::string::npos ? "ticks"
                                                                         : "heap-cells";
                m_bound_message = std::move(text);
                m_end = EndKind::Bound;
                resume = false;
                break;
            }
        }
        bug = FoundBug{};
        bug.kind = BugKind::Panic;
        bug.add(op.site, index, g);
        crash(g, bug);
        m_program_panic = true;
        resume = false;
        break;
    }
    case OpKind::Exit:
        if (uint32_t fail_site = 0; !m_program.test_failure(fail_site).empty()) {
            bug = FoundBug{};
            bug.kind = BugKind::TestFailure;  // the test entry failed (vm/natives_testing.cpp)
            bug.add(fail_site, index, g);
            report(bug);
        }
        m_end = EndKind::Exit;
        resume = false;
        check_output();
        m_exit_output = m_program.output().size();
        break;
    case OpKind::StepLimit: {
        if (op.arg == 1) {
            // A loop that repeats its state with nothing visible (`for {}`): it spins for
            // ever and nobody can see it. Go's preemptive scheduler runs the others
            // meanwhile; it is a livelock only if the program cannot finish without it
            // (finish_stuck), and it is dropped when main returns.
            gs.spinning = true;
            resume = false;
            break;
        }
        bug = FoundBug{};
        bug.kind = BugKind::Livelock;
        bug.variant = VariantSpinning;
        bug.add(op.site, index, g);
        report(bug);
        m_end = EndKind::StepLimit;
        m_crashed = g;
        resume = false;
        break;
    }
    }

    // Every step reads the "world"; the steps that end it write it, so they are ordered
    // against every other goroutine's steps (what runs after main returns never runs).
    push_access(Space::Global, running() ? AccessMode::Read : AccessMode::Write, 0);

    uint32_t before = m_program.goroutine_count(), after = before;
    rec.out_begin = static_cast<uint32_t>(m_program.output().size());
    if (resume) {
        if (partner != UINT32_MAX) {
            // The receiver first: the VM takes the value from the sender still paused.
            vm::Outcome pout;
            pout.partner = g;
            pout.value = partner_case;
            if (g_sends) {
                m_program.resume(partner, pout);
                m_program.resume(g, out);
            } else {
                m_program.resume(g, out);
                m_program.resume(partner, pout);
            }
        } else {
            m_program.resume(g, out);
        }
        after = m_program.goroutine_count();
        if (after > before) {
            if (m_gs.size() < after) m_gs.resize(after);  // invalidates gs and clock
            for (Gid c = before; c < after; ++c) {
                m_gs[c].announced = false;
                m_gs[c].cond = 0;
                m_gs[c].wake.clear();
                m_gs[c].clock.assign(m_gs[g].clock);  // go statement → the goroutine's start
            }
            m_gs[g].clock.tick(g);
        }
        arrival_accesses(g);
        if (partner != UINT32_MAX) arrival_accesses(partner);
        for (Gid c = before; c < after; ++c) arrival_accesses(c);
    }
    rec.access_end = static_cast<uint32_t>(m_accesses.size());
    rec.out_end = static_cast<uint32_t>(m_program.output().size());
    rec.partner = partner;
    if (!running() && rec.effect == StepEffect::Plain) rec.effect = StepEffect::Ends;
    m_steps.push_back(rec);
    m_last = g;
    spin_after_step(g, partner, op, out.value, rec);
    if (running()) {
        update_enabled(g, partner, before, after, resume, rec.access_begin);
        spin_refresh_woken();
        // After main returned the drain keeps its own budget (drain_after_exit).
        if (!m_draining && step_count() >= m_config.max_steps && running()) finish_stuck();
    }
}

void Execution::finish_stuck() {
    if (!running()) return;
    if (step_count() >= m_config.max_steps) {
        // Whether it is a livelock is decided after the search looked at the execution
        // as it was cut (decide_livelock, called by drain_after_exit).
        m_end = EndKind::StepLimit;
        m_crashed = m_steps.back().choice.g;
        m_livelock_pending = true;
        return;
    }
    LOCKSTEP_ASSERT(m_enabled_list.empty(), "finish_stuck with enabled goroutines");
    FoundBug bug;
    // Everyone else blocked or done while some goroutine spins for ever: the program never
    // ends, and Go does not call it a deadlock (a goroutine runs): a livelock.
    for (Gid g = 0; g < m_program.goroutine_count(); ++g)
        if (m_program.state(g) == vm::GoroutineState::Pending && m_gs[g].spinning) {
            bug.kind = BugKind::Livelock;
            bug.variant = VariantSpinning;
            bug.add(m_program.pending(g).site, step_count(), g);
            report(bug);
            m_end = EndKind::StepLimit;
            m_crashed = g;
            return;
        }
    // A goroutine waiting for a Mutex it holds itself, now that nobody can unlock it.
    for (Gid g = 0; g < m_program.goroutine_count(); ++g) {
        if (m_program.state(g) != vm::GoroutineState::Pending || m_gs[g].cond == 1) continue;
        const vm::Operation& op = m_program.pending(g);
        if (op.kind != OpKind::Lock) continue;
        const sync::MutexModel& m = models_at(op.object).mutex;
        if (m.write_held() && m.writer() == g) {
            bug = FoundBug{};
            bug.kind = BugKind::RecursiveLock;
            bug.variant = VariantRecursiveMutex;
            bug.object = op.object;
            bug.add(op.site, step_count(), g);
            report(bug);
        }
    }
    bug = FoundBug{};
    bug.kind = BugKind::Deadlock;
    uint32_t n = m_program.goroutine_count();
    for (Gid g = 0; g < n; ++g)
        if (m_program.state(g) == vm::GoroutineState::Pending && !idle_timer(g)) bug.add(m_program.pending(g).site, step_count(), g);
    report(bug);
    m_end = EndKind::Deadlock;
}

std::string_view Execution::output() const {
    std::string_view out = m_program.output();
    return m_exit_output == std::string_view::npos ? out : out.substr(0, m_exit_output);
}

void Execution::drain_after_exit() {
    decide_livelock();
    if (m_end != EndKind::Exit) return;
    // Main returned. Run the goroutines left (one deterministic schedule, nothing
    // recorded) to see which can never finish: those are leaked.
    const size_t steps = m_steps.size(), accesses = m_accesses.size();
    const uint32_t preemptions = m_preemptions;
    const Gid last = m_last;
    m_draining = true;
    m_end = EndKind::Running;
    compute_enabled();
    // Round robin, as a fair scheduler would: a spinner that keeps releasing a lock lets
    // the goroutine waiting for it have it.
    Gid turn = 0;
    for (uint64_t budget = m_config.max_steps; budget > 0 && running(); --budget) {
        Gid pick = UINT32_MAX;
        for (Gid g : m_enabled_list)
            if (g != 0 && g > turn) {
                pick = g;
                break;
            }
        if (pick == UINT32_MAX)
            for (Gid g : m_enabled_list)
                if (g != 0) {
                    pick = g;
                    break;
                }
        if (pick == UINT32_MAX) break;
        turn = pick;
        step(Choice{pick, 0});
    }
    bool spun = running() && m_enabled_list.size() > 1;
    m_end = EndKind::Exit;
    m_draining = false;
    if (!spun) {
        FoundBug bug;
        bug.kind = BugKind::GoroutineLeak;
        uint32_t n = m_program.goroutine_count();
        for (Gid g = 1; g < n; ++g)
            if (m_program.state(g) == vm::GoroutineState::Pending && !enabled(g) && !idle_timer(g) && !m_gs[g].spinning) bug.add(m_program.pending(g).site, static_cast<uint32_t>(steps), g);
        if (bug.count > 0) report(bug);
    }
    m_steps.resize(steps);
    m_accesses.resize(accesses);
    m_preemptions = preemptions;
    m_last = last;
}

}  // namespace lockstep::checker
