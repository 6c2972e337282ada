// DporStrategy: Source-DPOR with sleep sets over the dependency relation of accesses.
#include "checker/dpor_strategy.hpp"

#include <algorithm>

#include "lang/assert.hpp"

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

namespace {
constexpr AccessMode all_modes[3] = {AccessMode::Read, AccessMode::Write, AccessMode::Commute};

bool independent(const Access* a0, const Access* a1, const Access* b0, const Access* b1) {
    for (const Access* a = a0; a != a1; ++a)
        for (const Access* b = b0; b != b1; ++b)
            if (accesses_conflict(*a, *b)) return false;
    return true;
}
}  // namespace

bool DporStrategy::next_execution() {
    if (!TreeSearch::next_execution()) return false;
    for (auto [space, id] : m_used) {
        Obj* o = &m_objs[space][id];
        for (Gid q : o->touched)
            for (auto& l : o->last) l[q] = 0;
        o->touched.clear();
        o->last_acquire = o->last_write_acquire = o->last_from_zero = o->last_once = 0;
        o->used = false;
    }
    m_used.clear();
    m_events.clear();
    std::fill(m_local.begin(), m_local.end(), 0u);
    for (auto& b : m_base) std::fill(b.begin(), b.end(), 0u);
    m_next_sleep.clear();
    return true;
}

DporStrategy::Obj& DporStrategy::obj(const Access& a) {
    auto& v = m_objs[static_cast<int>(a.space)];
    if (a.id >= v.size()) v.resize(a.id + 1);
    Obj& o = v[a.id];
    if (!o.used) {
        o.used = true;
        m_used.emplace_back(static_cast<uint8_t>(a.space), a.id);
    }
    for (auto& l : o.last)
        if (l.size() < m_stride) l.resize(m_stride, 0);
    return o;
}

void DporStrategy::ensure_stride(uint32_t n) {
    if (n <= m_stride) return;
    uint32_t stride = std::max(n, m_stride * 2);
    std::vector<uint32_t> clocks(static_cast<size_t>(m_events.size()) * stride, 0);
    for (size_t e = 0; e < m_events.size(); ++e)
        std::copy(m_clocks.begin() + e * m_stride, m_clocks.begin() + e * m_stride + m_stride, clocks.begin() + e * stride);
    m_clocks = std::move(clocks);
    m_stride = stride;
    for (auto& b : m_base) b.resize(stride, 0);
    if (m_base.size() < stride) m_base.resize(stride, std::vector<uint32_t>(stride, 0));
    if (m_local.size() < stride) m_local.resize(stride, 0);
    m_scratch.resize(stride, 0);
    for (auto& space : m_objs)
        for (auto& o : space)
            for (auto& l : o.last)
                if (!l.empty() && l.size() < stride) l.resize(stride, 0);
}

void DporStrategy::collect(const Access* begin, const Access* end, Gid g) {
    m_cands.clear();
    for (const Access* a = begin; a != end; ++a) {
        Obj& o = obj(*a);
        for (Gid q : o.touched) {
            if (q == g) continue;
            for (int m = 0; m < 3; ++m) {
                if (!modes_conflict(a->mode, all_modes[m])) continue;
                uint32_t e = o.last[m][q];
                if (e) m_cands.push_back(e - 1);
            }
        }
    }
    std::sort(m_cands.begin(), m_cands.end());
    m_cands.erase(std::unique(m_cands.begin(), m_cands.end()), m_cands.end());
}

DporStrategy::Blocking DporStrategy::blocking_of(const vm::Operation& op, uint8_t reacquire) {
    switch (op.kind) {
    case OpKind::Lock: return Blocking::Lock;
    case OpKind::RLock: return Blocking::RLock;
    case OpKind::WgWait: return Blocking::Wait;
    case OpKind::OnceEnter: return Blocking::Once;
    default: return Blocking::No;
    }
}

void DporStrategy::analyse(const Execution& exec, Gid g, Blocking blocking, uint32_t sync_obj, uint32_t end, const uint32_t* c, bool skip_regular_releases) {
    const uint32_t* base = m_base[g].data();
    const auto& steps = exec.steps();
    for (uint32_t cand : m_cands) {
        if (hb(cand, base)) continue;
        bool immediate = true;
        for (uint32_t other : m_cands)
            if (other != cand && hb(cand, clock(other))) {
                immediate = false;
                break;
            }
        if (!immediate) continue;
        if (blocking != Blocking::No) {
            // A blocking step cannot move before what let it proceed; its race is with what
            // disabled it (below).
            const StepRecord& r = steps[cand];
            if (blocking == Blocking::Wait) continue;
            // RUnlock never enables an RLock (readers do not exclude readers): that race is
            // an ordinary one.
            bool enabling = r.effect == StepEffect::Release && !(blocking == Blocking::RLock && r.op.kind == OpKind::RUnlock);
            if (skip_regular_releases && (enabling || r.effect == StepEffect::CondPark || r.op.kind == OpKind::OnceExit)) continue;
        }
        race(exec, cand, end, g, c);
    }
    if (blocking == Blocking::No) return;
    Access a{Space::Sync, AccessMode::Write, sync_obj};
    Obj& o = obj(a);
    uint32_t dis = 0;
    switch (blocking) {
    case Blocking::Lock: dis = o.last_acquire; break;
    case Blocking::RLock: dis = o.last_write_acquire; break;
    case Blocking::Wait: dis = o.last_from_zero; break;
    case Blocking::Once: dis = o.last_once; break;
    case Blocking::No: break;
    }
    if (!dis) return;
    uint32_t d = dis - 1;
    if (m_events[d].g == g || hb(d, base)) return;
    race(exec, d, end, g, c);
}

void DporStrategy::race(const Execution& exec, uint32_t e, uint32_t end, Gid p, const uint32_t* clock_p) {
    SearchNode& node = m_nodes[e];
    // v = the steps after e that do not depend on it, then p's step. Its initials are the
    // goroutines whose first step in v depends on nothing earlier in v.
    m_seen.clear();
    m_initials.clear();
    auto first_in_v = [&](Gid q, const uint32_t* c) {
        for (const auto& [r, first] : m_seen)
            if (c[r] >= m_events[first].local) return false;
        return true;
    };
    auto seen = [&](Gid q) {
        for (const auto& s : m_seen)
            if (s.first == q) return true;
        return false;
    };
    for (uint32_t j = e + 1; j < end; ++j) {
        const uint32_t* cj = clock(j);
        if (hb(e, cj)) continue;
        Gid q = m_events[j].g;
        if (seen(q)) continue;
        if (first_in_v(q, cj)) m_initials.push_back(q);
        m_seen.emplace_back(q, j);
    }
    if (!seen(p) && first_in_v(p, clock_p)) m_initials.push_back(p);
    for (Gid q : m_initials)
        if (node.backtrack.has(q) || node.sleep.has(q)) return;
    for (Gid q : m_initials)
        if (node.enabled.has(q)) {
            add_backtrack(node, q);
            return;
        }
    // No initial can start there (it is blocked at that point): fall back to every
    // enabled goroutine, as Flanagan–Godefroid do; sound, only less reduced.
    (void)exec;
    for (Gid q = 0; q < node.enabled.limit(); ++q)
        if (node.enabled.has(q) && !node.sleep.has(q)) add_backtrack(node, q);
}

void DporStrategy::on_step(const Execution& exec) {
    const auto& steps = exec.steps();
    const uint32_t i = static_cast<uint32_t>(steps.size() - 1);
    const StepRecord& rec = steps[i];
    const Gid g = rec.choice.g;
    ensure_stride(exec.goroutine_count());
    const Access* a0 = exec.accesses().data() + rec.access_begin;
    const Access* a1 = exec.accesses().data() + rec.access_end;

    // The sleep set the next fresh node inherits: sleepers independent of this step.
    if (i + 1 >= m_replay && i < m_nodes.size()) {
        const SearchNode& n = m_nodes[i];
        m_next_sleep.clear();
        for (Gid q = 0; q < n.sleep.limit(); ++q) {
            if (!n.sleep.has(q) || q == g || !exec.alive(q)) continue;
            m_pacc.clear();
            exec.pending_accesses(q, m_pacc);
            if (independent(a0, a1, m_pacc.data(), m_pacc.data() + m_pacc.size())) m_next_sleep.set(q);
        }
    }

    // This step's clock: its goroutine's, joined with its conflicting predecessors.
    collect(a0, a1, g);
    uint32_t local = ++m_local[g];
    m_events.push_back(Event{g, local});
    m_clocks.resize(m_events.size() * static_cast<size_t>(m_stride), 0);
    uint32_t* c = &m_clocks[static_cast<size_t>(i) * m_stride];
    std::copy(m_base[g].begin(), m_base[g].end(), c);
    c[g] = local;
    for (uint32_t cand : m_cands) {
        const uint32_t* cc = clock(cand);
        for (uint32_t k = 0; k < m_stride; ++k) c[k] = std::max(c[k], cc[k]);
    }

    Blocking blocking = Blocking::No;
    uint32_t sync_obj = rec.op.object;
    if (rec.op.kind == OpKind::CondWait) {
        if (rec.effect == StepEffect::Acquire) {
            blocking = Blocking::Lock;
            sync_obj = static_cast<uint32_t>(rec.op.arg);
        }
    } else if (rec.op.kind != OpKind::Lock || rec.effect == StepEffect::Acquire || rec.effect == StepEffect::Announce) {
        blocking = blocking_of(rec.op, 0);
    }
    analyse(exec, g, blocking, sync_obj, i, c, true);

    // Record it on its objects.
    for (const Access* a = a0; a != a1; ++a) {
        Obj& o = obj(*a);
        auto& slot = o.last[static_cast<int>(a->mode)][g];
        bool first = true;
        for (auto& l : o.last)
            if (l[g]) first = false;
        if (first) o.touched.push_back(g);
        slot = i + 1;
    }
    if (vm::op_object_space(rec.op.kind) == vm::ObjectSpace::Sync || rec.op.kind == OpKind::CondWait) {
        Obj& o = obj(Access{Space::Sync, AccessMode::Write, sync_obj});
        if (rec.effect == StepEffect::Acquire || rec.effect == StepEffect::Announce) {
            o.last_acquire = i + 1;
            if (rec.op.kind != OpKind::RLock && rec.op.kind != OpKind::TryRLock) o.last_write_acquire = i + 1;
        }
        if (rec.effect == StepEffect::FromZeroAdd) o.last_from_zero = i + 1;
        if (rec.op.kind == OpKind::OnceEnter) o.last_once = i + 1;
    }
    std::copy(c, c + m_stride, m_base[g].begin());
    if (rec.op.kind == OpKind::Go && exec.goroutine_count() > 0) {
        Gid child = exec.goroutine_count() - 1;
        ensure_stride(child + 1);
        c = &m_clocks[static_cast<size_t>(i) * m_stride];
        std::copy(c, c + m_stride, m_base[child].begin());
        m_local[child] = 0;
    }
    if (rec.partner != UINT32_MAX) {
        auto& pb = m_base[rec.partner];
        for (uint32_t k = 0; k < m_stride; ++k) pb[k] = std::max(pb[k], c[k]);
    }
}

void DporStrategy::on_end(const Execution& exec) {
    if (exec.end() == EndKind::SleepBlocked || exec.end() == EndKind::Running) return;
    // The operations that never ran (blocked, or dropped when the program ended) race
    // with what ran: they are the next events of their goroutines.
    const uint32_t end = static_cast<uint32_t>(exec.steps().size());
    ensure_stride(exec.goroutine_count());
    for (Gid q = 0; q < exec.goroutine_count(); ++q) {
        if (!exec.alive(q)) continue;
        if (!exec.steps().empty() && exec.end() != EndKind::Deadlock && exec.steps().back().choice.g == q && exec.steps().back().effect == StepEffect::Ends) continue;
        m_pacc.clear();
        exec.pending_accesses(q, m_pacc);
        collect(m_pacc.data(), m_pacc.data() + m_pacc.size(), q);
        std::copy(m_base[q].begin(), m_base[q].end(), m_scratch.begin());
        m_scratch[q] = m_local[q] + 1;
        for (uint32_t cand : m_cands) {
            const uint32_t* cc = clock(cand);
            for (uint32_t k = 0; k < m_stride; ++k) m_scratch[k] = std::max(m_scratch[k], cc[k]);
        }
        const vm::Operation& op = exec.pending(q);
        Blocking blocking = blocking_of(op, 1);
        uint32_t sync_obj = op.kind == OpKind::CondWait ? static_cast<uint32_t>(op.arg) : op.object;
        analyse(exec, q, blocking, sync_obj, end, m_scratch.data(), true);
    }
}

}  // namespace lockstep::checker
