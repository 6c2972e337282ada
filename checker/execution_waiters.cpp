// The enabled set kept step by step: which goroutines wait on which sync object or channel
// side, who can pair with whom on an unbuffered channel, and which waiters a step can have
// enabled or disabled (only those are looked at again). See execution.hpp.
#include "checker/execution.hpp"

#include <algorithm>

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

uint32_t chan_send_side(uint32_t chan);
uint32_t chan_recv_side(uint32_t chan);
uint32_t chan_of_side(uint32_t side);

namespace {
uint32_t side_of(uint32_t chan, OpKind kind) { return kind == OpKind::ChanSend ? chan_send_side(chan) : chan_recv_side(chan); }
uint32_t other_side(uint32_t side) { return side ^ 1u; }
}  // namespace

bool Execution::chan_partner_waiting(Gid self, uint32_t chan, OpKind want) const {
    return nth_partner(self, chan, want, 0, nullptr) != UINT32_MAX;
}

bool Execution::partner_match(Gid q, uint32_t chan, OpKind want, int64_t& index) const {
    if (m_program.state(q) != vm::GoroutineState::Pending || m_gs[q].cond == 1) return false;
    const vm::Operation& o = m_program.pending(q);
    index = -1;
    if (o.kind == want && o.object == chan) return true;
    // A select waits on all its cases at once; one with a default does not wait.
    if (o.kind != OpKind::Select || m_program.select_has_default(q)) return false;
    uint32_t cases = static_cast<uint32_t>(o.arg);
    for (uint32_t i = 0; i < cases; ++i) {
        vm::SelectCase sc = m_program.select_case(q, i);
        if (!sc.nil_chan && sc.kind == want && sc.chan == chan) {
            index = i;
            return true;
        }
    }
    return false;
}

Gid Execution::nth_partner(Gid self, uint32_t chan, OpKind want, uint32_t n, int64_t* case_index) const {
    if (chan == vm::nil_chan_id) return UINT32_MAX;  // nobody ever pairs on a nil channel
    int64_t index = -1;
    if (m_scan_all) {
        // The reference (enabled_from_scratch): every goroutine, in gid order.
        for (Gid q = 0; q < m_program.goroutine_count(); ++q) {
            if (q == self || !partner_match(q, chan, want, index)) continue;
            if (n-- == 0) {
                if (case_index) *case_index = index;
                return q;
            }
        }
        return UINT32_MAX;
    }
    // The goroutines listed as waiting on that side of the channel, taken in gid order.
    const uint32_t side = side_of(chan, want);
    if (side >= m_side_waiters.size()) return UINT32_MAX;
    const std::vector<Gid>& list = m_side_waiters[side];
    Gid found = UINT32_MAX;
    if (n == 0) {
        for (Gid q : list)
            if (q < found && q != self && partner_match(q, chan, want, index)) found = q;
    } else {
        m_partner_scratch.clear();
        for (Gid q : list)
            if (q != self && partner_match(q, chan, want, index)) m_partner_scratch.push_back(q);
        if (n >= m_partner_scratch.size()) return UINT32_MAX;
        std::nth_element(m_partner_scratch.begin(), m_partner_scratch.begin() + n, m_partner_scratch.end());
        found = m_partner_scratch[n];
    }
    if (found != UINT32_MAX && case_index) {
        partner_match(found, chan, want, index);
        *case_index = index;
    }
    return found;
}

void Execution::compute_enabled() {
    uint32_t n = m_program.goroutine_count();
    if (m_enabled.size() < n) m_enabled.resize(n, 0);
    std::fill(m_enabled.begin(), m_enabled.end(), 0);
    m_enabled_list.clear();
    for (auto& w : m_sync_waiters) w.clear();
    for (auto& w : m_side_waiters) w.clear();
    m_timer_gs.clear();
    for (Gid g = 0; g < n; ++g) {
        if (m_program.is_timer(g)) m_timer_gs.push_back(g);
        m_gs[g].wait_space = WaitNone;
        m_gs[g].select_regs.clear();
        register_waiter(g);
        m_enabled[g] = compute_enabled(g) ? 1 : 0;
        if (m_enabled[g]) m_enabled_list.push_back(g);
    }
    m_touched_sides.clear();
}

std::vector<Gid> Execution::enabled_from_scratch() const {
    m_scan_all = true;
    std::vector<Gid> out;
    for (Gid g = 0; g < m_program.goroutine_count(); ++g)
        if (compute_enabled(g)) out.push_back(g);
    m_scan_all = false;
    return out;
}

uint32_t Execution::join_side(Gid g, uint32_t side) {
    if (side >= m_side_waiters.size()) m_side_waiters.resize(side + 1);
    std::vector<Gid>& list = m_side_waiters[side];
    list.push_back(g);
    // The goroutines on the other side have a partner more.
    m_touched_sides.push_back(other_side(side));
    return static_cast<uint32_t>(list.size() - 1);
}

void Execution::leave_side(Gid g, uint32_t side, uint32_t pos) {
    std::vector<Gid>& list = m_side_waiters[side];
    LOCKSTEP_ASSERT(pos < list.size() && list[pos] == g, "channel waiter list out of step with the goroutine");
    Gid moved = list.back();
    list[pos] = moved;
    list.pop_back();
    if (moved != g) {
        GState& ms = m_gs[moved];
        if (ms.wait_space == WaitChan) {
            ms.wait_pos = pos;
        } else {
            for (auto& r : ms.select_regs)
                if (r.first == side) r.second = pos;
        }
    }
    m_touched_sides.push_back(other_side(side));  // a partner fewer
}

void Execution::register_waiter(Gid g) {
    GState& gs = m_gs[g];
    gs.wait_space = WaitNone;
    if (m_program.state(g) != vm::GoroutineState::Pending) return;
    const vm::Operation& op = m_program.pending(g);
    switch (op.kind) {
    case OpKind::Lock:
    case OpKind::RLock:
    case OpKind::WgWait:
    case OpKind::OnceEnter:
    case OpKind::TimerFire: {
        if (op.object >= m_sync_waiters.size()) m_sync_waiters.resize(op.object + 1);
        std::vector<Gid>& list = m_sync_waiters[op.object];
        gs.wait_space = WaitSync;
        gs.wait_id = op.object;
        gs.wait_pos = static_cast<uint32_t>(list.size());
        list.push_back(g);
        return;
    }
    case OpKind::ChanSend:
    case OpKind::ChanRecv:
        // On a nil channel nothing can ever enable it: it waits on nothing.
        if (op.object == vm::nil_chan_id) return;
        gs.wait_space = WaitChan;
        gs.wait_id = op.object;
        gs.wait_side = side_of(op.object, op.kind);
        gs.wait_pos = join_side(g, gs.wait_side);
        return;
    case OpKind::Select: {
        gs.wait_space = WaitSelect;
        gs.wait_id = op.object;
        gs.select_regs.clear();
        // With a default it is always enabled, and it waits for no partner.
        if (m_program.select_has_default(g)) return;
        uint32_t cases = static_cast<uint32_t>(op.arg);
        for (uint32_t i = 0; i < cases; ++i) {
            vm::SelectCase sc = m_program.select_case(g, i);
            if (sc.nil_chan) continue;
            uint32_t side = side_of(sc.chan, sc.kind);
            bool listed = false;
            for (const auto& r : gs.select_regs) listed |= r.first == side;
            if (!listed) gs.select_regs.emplace_back(side, join_side(g, side));
        }
        return;
    }
    default: return;
    }
}

void Execution::unregister_waiter(Gid g) {
    GState& gs = m_gs[g];
    switch (gs.wait_space) {
    case WaitSync: {
        std::vector<Gid>& list = m_sync_waiters[gs.wait_id];
        LOCKSTEP_ASSERT(gs.wait_pos < list.size() && list[gs.wait_pos] == g, "waiter list out of step with the goroutine");
        Gid moved = list.back();
        list[gs.wait_pos] = moved;
        m_gs[moved].wait_pos = gs.wait_pos;
        list.pop_back();
        break;
    }
    case WaitChan: leave_side(g, gs.wait_side, gs.wait_pos); break;
    case WaitSelect:
        // Removing one registration may move another of g's own in the same list: take
        // them from the back, each by its current position.
        while (!gs.select_regs.empty()) {
            auto r = gs.select_regs.back();
            gs.select_regs.pop_back();
            leave_side(g, r.first, r.second);
        }
        break;
    default: break;
    }
    gs.wait_space = WaitNone;
}

void Execution::set_enabled(Gid g, bool on) {
    if ((m_enabled[g] != 0) == on) return;
    m_enabled[g] = on ? 1 : 0;
    auto at = std::lower_bound(m_enabled_list.begin(), m_enabled_list.end(), g);
    if (on) m_enabled_list.insert(at, g);
    else m_enabled_list.erase(at);
}

void Execution::refresh(Gid g) { set_enabled(g, compute_enabled(g)); }

void Execution::update_enabled(Gid g, Gid partner, uint32_t before, uint32_t after, bool resumed, uint32_t access_begin) {
    if (m_enabled.size() < after) m_enabled.resize(after, 0);
    m_touched_sides.clear();
    // A goroutine that moved waits on something else now; joining or leaving a channel side
    // changes what the other side's waiters can pair with (join_side, leave_side).
    auto moved = [&](Gid q) {
        unregister_waiter(q);
        register_waiter(q);
    };
    if (resumed) moved(g);
    if (partner != UINT32_MAX) moved(partner);
    for (Gid c = before; c < after; ++c) {
        m_gs[c].wait_space = WaitNone;
        m_gs[c].select_regs.clear();
        moved(c);
    }
    // A channel's own state (its buffer, closed) changed: both sides look again. For the
    // channel operations that is the channel performed on when it is buffered, or closed;
    // a rendezvous changes only who waits (above). Any other step touching a channel (a
    // timer's) is taken as changing it.
    const OpKind kind = m_steps.back().op.kind;
    const bool chan_op = kind == OpKind::ChanSend || kind == OpKind::ChanRecv || kind == OpKind::Select || kind == OpKind::ChanClose;
    auto both = [&](uint32_t chan) {
        m_touched_sides.push_back(chan_send_side(chan));
        m_touched_sides.push_back(chan_recv_side(chan));
    };
    if (chan_op && m_step_chan != UINT32_MAX && m_step_chan != vm::nil_chan_id && (kind == OpKind::ChanClose || m_program.chan_capacity(m_step_chan) > 0)) both(m_step_chan);
    for (uint32_t i = access_begin; i < m_accesses.size(); ++i) {
        const Access& a = m_accesses[i];
        if (a.space == Space::Sync && a.id < m_sync_waiters.size()) {
            for (Gid q : m_sync_waiters[a.id]) refresh(q);
        } else if (a.space == Space::Chan && !chan_op) {
            both(chan_of_side(a.id));
        }
    }
    if (!m_touched_sides.empty()) {
        std::sort(m_touched_sides.begin(), m_touched_sides.end());
        m_touched_sides.erase(std::unique(m_touched_sides.begin(), m_touched_sides.end()), m_touched_sides.end());
        for (uint32_t side : m_touched_sides)
            if (side < m_side_waiters.size())
                for (Gid q : m_side_waiters[side]) refresh(q);
    }
    for (Gid q : m_woken) refresh(q);
    // A Ticker fires only when its channel has room: whatever touched the channel may have
    // enabled it (timers are few; each is re-examined).
    for (Gid c = before; c < after; ++c)
        if (m_program.is_timer(c)) m_timer_gs.push_back(c);
    for (Gid q : m_timer_gs) refresh(q);
    // A goroutine ended: a holder's second Lock waits only while another one lives.
    if (m_program.state(g) != vm::GoroutineState::Pending || (partner != UINT32_MAX && m_program.state(partner) != vm::GoroutineState::Pending))
        for (const auto& list : m_sync_waiters)
            for (Gid q : list)
                if (m_program.pending(q).kind == OpKind::Lock) refresh(q);
    refresh(g);
    if (partner != UINT32_MAX) refresh(partner);
    for (Gid c = before; c < after; ++c) refresh(c);
}

}  // namespace lockstep::checker
