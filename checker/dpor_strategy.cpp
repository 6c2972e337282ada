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

void DporStrategy::reset_run() {
    for (auto [space, id] : m_used_joins) {
        Joins& j = m_joins[space][id];
        for (int m = 0; m < 3; ++m) {
            if (j.joined[m]) std::fill(j.join[m].begin(), j.join[m].end(), 0u);
            j.joined[m] = false;
        }
        j.used = false;
    }
    m_used_joins.clear();
    m_events.clear();
    m_virtuals.clear();
    m_vaccesses.clear();
    m_vclocks.clear();
    std::fill(m_local.begin(), m_local.end(), 0u);
    std::fill(m_last_event.begin(), m_last_event.end(), 0u);
    std::fill(m_pending_extra.begin(), m_pending_extra.end(), 0u);
    std::fill(m_observed.begin(), m_observed.end(), uint8_t{0});
    std::fill(m_history.begin(), m_history.end(), uint64_t{0});
    m_next_sleep.clear();
    reset_classes();
}

bool DporStrategy::next_execution() {
    if (m_pending_analysis) {
        analyse_execution(*m_pending_analysis);
        m_pending_analysis = nullptr;
    }
    if (!TreeSearch::next_execution()) return false;
    // The goroutine whose subtree was just explored at the deepest live node went to sleep
    // there: remember what its step touched.
    uint32_t d = m_replay - 1;
    if (d < m_sleepers.size() && d < m_taken_g.size()) {
        Gid g = m_taken_g[d];
        bool known = false;
        for (const auto& w : m_sleepers[d].who) known |= w.g == g;
        if (!known && m_nodes[d].sleep.has(g)) {
            Sleepers& st = m_sleepers[d];
            uint32_t b = static_cast<uint32_t>(st.acc.size());
            st.acc.insert(st.acc.end(), m_taken[d].begin(), m_taken[d].end());
            st.who.push_back(Sleepers::Who{g, b, static_cast<uint32_t>(st.acc.size())});
        }
    }
    reset_run();
    return true;
}

void DporStrategy::initial_sleep(SearchNode& node) {
    node.sleep.assign(m_next_sleep);
    size_t i = static_cast<size_t>(&node - m_nodes.data());
    if (m_sleepers.size() <= i) m_sleepers.resize(i + 1);
    m_sleepers[i].acc.assign(m_next_store.acc.begin(), m_next_store.acc.end());
    m_sleepers[i].who.assign(m_next_store.who.begin(), m_next_store.who.end());
}

void DporStrategy::ensure_stride(uint32_t n) {
    if (n <= m_stride) return;
    uint32_t stride = std::max(n, m_stride * 2);
    auto restride = [&](std::vector<uint32_t>& flat, size_t rows) {
        std::vector<uint32_t> out(rows * stride, 0);
        for (size_t r = 0; r < rows; ++r) std::copy(flat.begin() + r * m_stride, flat.begin() + r * m_stride + m_stride, out.begin() + r * stride);
        flat = std::move(out);
    };
    restride(m_clocks, m_events.size());
    restride(m_vclocks, m_virtuals.size());
    m_stride = stride;
    m_local.resize(stride, 0);
    m_observed.resize(stride, 0);
    m_history.resize(stride, 0);
    m_cls.resize(stride, none);
    m_last_event.resize(stride, 0);
    m_pending_extra.resize(stride, 0);
    for (auto& space : m_joins)
        for (auto& j : space)
            for (auto& v : j.join)
                if (!v.empty()) v.resize(stride, 0);
    for (auto& space : m_tables)
        for (auto& t : space)
            for (auto& v : t.last)
                if (!v.empty()) v.resize(stride, 0);
}

DporStrategy::Joins& DporStrategy::joins(const Access& a) {
    // Ids index tables: a sentinel (the nil channel's) must never get here.
    LOCKSTEP_ASSERT(a.id != vm::nil_chan_id, "a dependency table indexed by the nil-channel id");
    auto& v = m_joins[static_cast<int>(a.space)];
    if (a.id >= v.size()) v.resize(a.id + 1);
    Joins& j = v[a.id];
    if (!j.used) {
        j.used = true;
        m_used_joins.emplace_back(static_cast<uint8_t>(a.space), a.id);
        for (auto& x : j.join)
            if (x.size() < m_stride) x.resize(m_stride, 0);
    }
    return j;
}

DporStrategy::Table& DporStrategy::table(const Access& a) {
    // Ids index tables: a sentinel (the nil channel's) must never get here.
    LOCKSTEP_ASSERT(a.id != vm::nil_chan_id, "a dependency table indexed by the nil-channel id");
    auto& v = m_tables[static_cast<int>(a.space)];
    if (a.id >= v.size()) v.resize(a.id + 1);
    Table& t = v[a.id];
    if (!t.used) {
        t.used = true;
        m_used_tables.emplace_back(static_cast<uint8_t>(a.space), a.id);
        for (auto& x : t.last)
            if (x.size() < m_stride) x.resize(m_stride, 0);
    }
    return t;
}

void DporStrategy::compute_clock(const Event& ev, const Access* begin, const Access* end, uint32_t* c) {
    auto join = [&](const uint32_t* o) {
        for (uint32_t k = 0; k < m_stride; ++k) c[k] = std::max(c[k], o[k]);
    };
    if (ev.prev != none) std::copy(clock(ev.prev), clock(ev.prev) + m_stride, c);
    else std::fill(c, c + m_stride, 0u);
    if (ev.extra != none) join(clock(ev.extra));
    m_step_joins.clear();
    // Size the tables first: a later lookup must not move the ones looked up before.
    for (const Access* a = begin; a != end; ++a) {
        auto& v = m_joins[static_cast<int>(a->space)];
        if (a->id >= v.size() && a->id != vm::nil_chan_id) v.resize(a->id + 1);
    }
    for (const Access* a = begin; a != end; ++a) {
        Joins& j = joins(*a);
        m_step_joins.push_back(&j);
        for (int m = 0; m < 3; ++m)
            if (j.joined[m] && modes_conflict(a->mode, all_modes[m])) join(j.join[m].data());
    }
    c[ev.g] = ev.local;
}

void DporStrategy::on_step(const Execution& exec) {
    const auto& steps = exec.steps();
    const uint32_t i = static_cast<uint32_t>(steps.size() - 1);
    const StepRecord& rec = steps[i];
    const Gid g = rec.choice.g;
    ensure_stride(exec.goroutine_count());
    const Access* a0 = exec.accesses().data() + rec.access_begin;
    const Access* a1 = exec.accesses().data() + rec.access_end;

    // What the step explored at this node touched (every alternative of its goroutine).
    if (i + 1 >= m_replay) {
        if (m_taken.size() <= i) {
            m_taken.resize(i + 1);
            m_taken_g.resize(i + 1);
        }
        if (i + 1 > m_replay || rec.choice.alt == 0) m_taken[i].clear();
        m_taken[i].insert(m_taken[i].end(), a0, a1);
        m_taken_g[i] = g;
    }
    // The sleep set the next fresh node inherits: sleepers independent of this step.
    if (i + 1 >= m_replay && i < m_nodes.size()) {
        const SearchNode& n = m_nodes[i];
        m_next_sleep.clear();
        m_next_store.clear();
        if (m_sleepers.size() <= i) m_sleepers.resize(i + 1);
        const Sleepers& st = m_sleepers[i];
        for (const auto& w : st.who) {
            Gid q = w.g;
            if (!n.sleep.has(q) || q == g || !exec.alive(q)) continue;
            const Access* s0 = st.acc.data() + w.begin;
            const Access* s1 = st.acc.data() + w.end;
            if (!independent(a0, a1, s0, s1)) continue;
            m_next_sleep.set(q);
            uint32_t b = static_cast<uint32_t>(m_next_store.acc.size());
            m_next_store.acc.insert(m_next_store.acc.end(), s0, s1);
            m_next_store.who.push_back(Sleepers::Who{q, b, static_cast<uint32_t>(m_next_store.acc.size())});
        }
    }
    // The last step of a split prefix: the node below it starts with the split's sleep set.
    if (!m_split_sleep.empty() && i + 1 == m_prefix.size() && i + 1 >= m_replay) {
        for (const auto& [q, acc] : m_split_sleep) {
            if (!exec.alive(q) || m_next_sleep.has(q)) continue;
            m_next_sleep.set(q);
            uint32_t b = static_cast<uint32_t>(m_next_store.acc.size());
            m_next_store.acc.insert(m_next_store.acc.end(), acc.begin(), acc.end());
            m_next_store.who.push_back(Sleepers::Who{q, b, static_cast<uint32_t>(m_next_store.acc.size())});
        }
    }

    Event ev;
    ev.g = g;
    ev.local = ++m_local[g];
    ev.prev = m_last_event[g] ? m_last_event[g] - 1 : none;
    ev.extra = m_pending_extra[g] ? m_pending_extra[g] - 1 : none;
    m_events.push_back(ev);
    // Grown, never shrunk: every row is written in full by compute_clock.
    if (m_clocks.size() < m_events.size() * static_cast<size_t>(m_stride)) m_clocks.resize(m_events.size() * static_cast<size_t>(m_stride), 0);
    uint32_t* c = &m_clocks[static_cast<size_t>(i) * m_stride];
    compute_clock(ev, a0, a1, c);
    if (m_symmetry) {
        // g's state changed; whoever g now knows of is observed, for good.
        leave_class(g);
        for (uint32_t k = 0; k < m_stride; ++k)
            if (k != g && c[k] > 0 && !m_observed[k]) {
                m_observed[k] = 1;
                leave_class(k);
            }
        uint64_t h = m_history[g];
        auto mix = [&h](uint64_t v) { h = (h ^ v) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull; };
        mix(static_cast<uint64_t>(rec.op.kind));
        mix(rec.op.object);
        mix(rec.op.site);
        mix(static_cast<uint64_t>(rec.op.arg));
        mix(static_cast<uint64_t>(rec.effect));
        mix(rec.choice.alt);
        m_history[g] = h;
    }
    // compute_clock looked the objects up (m_step_joins, one per access).
    for (const Access* a = a0; a != a1; ++a) {
        Joins& j = *m_step_joins[static_cast<size_t>(a - a0)];
        j.joined[static_cast<int>(a->mode)] = true;
        auto& jm = j.join[static_cast<int>(a->mode)];
        for (uint32_t k = 0; k < m_stride; ++k) jm[k] = std::max(jm[k], c[k]);
    }
    m_last_event[g] = i + 1;
    m_pending_extra[g] = 0;
    if (rec.op.kind == OpKind::Go && exec.goroutine_count() > 0) {
        Gid child = exec.goroutine_count() - 1;
        ensure_stride(child + 1);
        m_last_event[child] = i + 1;  // the go statement → the goroutine's first step
        m_pending_extra[child] = 0;
        m_local[child] = 0;
        m_observed[child] = 0;
        m_history[child] = 0;
        leave_class(child);
    }
    if (rec.partner != UINT32_MAX) {
        m_pending_extra[rec.partner] = i + 1;
        leave_class(rec.partner);  // its state changed without a step of its own
    }
}

void DporStrategy::on_end(const Execution& exec) {
    m_pending_analysis = nullptr;
    if (exec.end() == EndKind::Running) return;
    m_pending_analysis = &exec;
    if (exec.end() == EndKind::SleepBlocked) return;
    if (exec.end() == EndKind::StepLimit) cut_backtracks(exec);
    // The operations that never ran (blocked, or dropped when the program ended) race
    // with what ran: they are the next events of their goroutines. Capture them now (the
    // program moves on after this).
    ensure_stride(exec.goroutine_count());
    for (Gid q = 0; q < exec.goroutine_count(); ++q) {
        if (!exec.alive(q)) continue;
        if (!exec.steps().empty() && exec.end() != EndKind::Deadlock && exec.steps().back().choice.g == q && exec.steps().back().effect == StepEffect::Ends) continue;
        Virtual v;
        v.ev.g = q;
        v.ev.local = m_local[q] + 1;
        v.ev.prev = m_last_event[q] ? m_last_event[q] - 1 : none;
        v.ev.extra = m_pending_extra[q] ? m_pending_extra[q] - 1 : none;
        v.access_begin = static_cast<uint32_t>(m_vaccesses.size());
        exec.pending_accesses(q, m_vaccesses);
        v.access_end = static_cast<uint32_t>(m_vaccesses.size());
        const vm::Operation& op = exec.pending(q);
        v.blocking = sync::SyncModels::wait_class(op.kind, StepEffect::Plain, false);
        v.sync_obj = op.object;
        m_vclocks.resize((m_virtuals.size() + 1) * static_cast<size_t>(m_stride), 0);
        compute_clock(v.ev, m_vaccesses.data() + v.access_begin, m_vaccesses.data() + v.access_end, &m_vclocks[m_virtuals.size() * static_cast<size_t>(m_stride)]);
        m_virtuals.push_back(v);
    }
}

void DporStrategy::cut_backtracks(const Execution& exec) {
    // The execution was cut at the step bound: what the other goroutines would have done
    // after it never ran, so no race shows where they could have gone first. Under a fair
    // scheduler each of them runs at some point: try each at the first node, after its
    // last step, where it could run, so the cut hides nothing of the rest of the tree.
    const uint32_t n = static_cast<uint32_t>(std::min<size_t>(exec.steps().size(), m_nodes.size()));
    for (Gid q = 0; q < exec.goroutine_count(); ++q) {
        if (!exec.alive(q) || q == exec.crashed()) continue;
        uint32_t from = q < m_last_event.size() ? m_last_event[q] : 0;
        for (uint32_t j = from; j < n; ++j) {
            SearchNode& node = m_nodes[j];
            if (!node.enabled.has(q)) continue;
            if (!node.sleep.has(q)) add_canonical(j, q);
            break;
        }
    }
}

void DporStrategy::collect(const Access* begin, const Access* end, Gid g) {
    m_cands.clear();
    m_step_tables.clear();
    for (const Access* a = begin; a != end; ++a) {
        Table& t = table(*a);
        m_step_tables.push_back(&t);
        for (int m = 0; m < 3; ++m) {
            if (!modes_conflict(a->mode, all_modes[m])) continue;
            for (Gid q : t.touched[m])
                if (q != g) m_cands.push_back(t.last[m][q] - 1);
        }
    }
}

void DporStrategy::analyse_execution(const Execution& exec) {
    for (auto [space, id] : m_used_tables) {
        Table& t = m_tables[space][id];
        for (int m = 0; m < 3; ++m) {
            for (Gid q : t.touched[m]) t.last[m][q] = 0;
            t.touched[m].clear();
        }
        std::fill(std::begin(t.last_disabler), std::end(t.last_disabler), 0u);
        t.used = false;
    }
    m_used_tables.clear();
    const auto& steps = exec.steps();
    // Size the tables first, so that the ones collect() looked up for a step stay put
    // while analyse() looks up more.
    auto size_for = [this](const Access& a) {
        auto& v = m_tables[static_cast<int>(a.space)];
        if (a.id >= v.size() && a.id != vm::nil_chan_id) v.resize(a.id + 1);
    };
    for (const Access& a : exec.accesses()) size_for(a);
    for (const Access& a : m_vaccesses) size_for(a);
    for (const StepRecord& rec : steps)
        if (vm::op_object_space(rec.op.kind) == vm::ObjectSpace::Sync) size_for(Access{Space::Sync, AccessMode::Write, rec.op.object});
    for (const Virtual& v : m_virtuals)
        if (v.blocking != sync::Wait::None) size_for(Access{Space::Sync, AccessMode::Write, v.sync_obj});
    const Access* accesses = exec.accesses().data();
    const uint32_t n = static_cast<uint32_t>(std::min(steps.size(), m_events.size()));
    for (uint32_t i = 0; i < n; ++i) {
        const StepRecord& rec = steps[i];
        const Event& ev = m_events[i];
        const Access* a0 = accesses + rec.access_begin;
        const Access* a1 = accesses + rec.access_end;
        collect(a0, a1, ev.g);
        sync::Wait blocking = sync::SyncModels::wait_class(rec.op.kind, rec.effect, true);
        analyse(ev, blocking, rec.op.object, i, clock(i), exec);
        for (const Access* a = a0; a != a1; ++a) {
            Table& t = *m_step_tables[static_cast<size_t>(a - a0)];  // collect() looked them up
            int m = static_cast<int>(a->mode);
            if (!t.last[m][ev.g]) t.touched[m].push_back(ev.g);
            t.last[m][ev.g] = i + 1;
        }
        if (vm::op_object_space(rec.op.kind) == vm::ObjectSpace::Sync) {
            Table& t = table(Access{Space::Sync, AccessMode::Write, rec.op.object});
            for (int w = 1; w < sync::k_wait_count; ++w)
                if (sync::SyncModels::disables(static_cast<sync::Wait>(w), rec.op.kind, rec.effect)) t.last_disabler[w] = i + 1;
        }
    }
    for (size_t v = 0; v < m_virtuals.size(); ++v) {
        const Virtual& vt = m_virtuals[v];
        collect(m_vaccesses.data() + vt.access_begin, m_vaccesses.data() + vt.access_end, vt.ev.g);
        analyse(vt.ev, vt.blocking, vt.sync_obj, n, &m_vclocks[v * static_cast<size_t>(m_stride)], exec);
    }
}

void DporStrategy::analyse(const Event& ev, sync::Wait blocking, uint32_t sync_obj, uint32_t end, const uint32_t* c, const Execution& exec) {
    const auto& steps = exec.steps();
    // The candidates a race could reverse, before the costlier question of which are
    // immediate: the Dones before a Wait, or the last steps before main's exit, are a
    // thousand candidates none of which can race.
    m_eligible.clear();
    for (uint32_t cand : m_cands) {
        if (covered(cand, ev)) continue;
        // A blocking step cannot move before what let it proceed; its race is with what
        // disabled it (below). The operation's model says which steps those are.
        if (blocking != sync::Wait::None && sync::SyncModels::enables(blocking, steps[cand].op.kind, steps[cand].effect)) continue;
        m_eligible.push_back(cand);
    }
    if (!m_eligible.empty()) {
        std::sort(m_eligible.begin(), m_eligible.end());
        // The immediate candidates: those that happen before no other candidate, kept as
        // an antichain. One that precedes a dropped candidate precedes a kept one
        // (transitivity), so comparing with the kept ones is enough: a chain of a thousand
        // conflicting accesses costs linear time, not quadratic, and needs no sorting (a
        // duplicate precedes itself and is dropped).
        m_immediate.clear();
        for (uint32_t cand : m_cands) {
            bool immediate = true;
            for (uint32_t kept : m_immediate)
                if (hb(cand, clock(kept))) {
                    immediate = false;
                    break;
                }
            if (!immediate) continue;
            size_t w = 0;
            for (uint32_t kept : m_immediate)
                if (!hb(kept, clock(cand))) m_immediate[w++] = kept;
            m_immediate.resize(w);
            m_immediate.push_back(cand);
        }
        std::sort(m_immediate.begin(), m_immediate.end());
        for (uint32_t cand : m_immediate)
            if (std::binary_search(m_eligible.begin(), m_eligible.end(), cand)) race(cand, end, ev.g, c);
    }
    if (blocking == sync::Wait::None) return;
    uint32_t dis = table(Access{Space::Sync, AccessMode::Write, sync_obj}).last_disabler[static_cast<int>(blocking)];
    if (!dis) return;
    uint32_t d = dis - 1;
    if (m_events[d].g == ev.g || covered(d, ev)) return;
    race(d, end, ev.g, c);
}

void DporStrategy::race(uint32_t e, uint32_t end, Gid p, const uint32_t* clock_p) {
    SearchNode& node = m_nodes[e];
    // v = the steps after e that do not depend on it, then p's step. Its initials are the
    // goroutines whose first step in v depends on nothing earlier in v.
    m_seen.clear();
    m_initials.clear();
    if (m_seen_stamp.size() < m_stride) m_seen_stamp.resize(m_stride, 0);
    if (++m_stamp == 0) {
        std::fill(m_seen_stamp.begin(), m_seen_stamp.end(), 0u);
        m_stamp = 1;
    }
    auto first_in_v = [&](const uint32_t* c) {
        for (const auto& [r, first] : m_seen)
            if (c[r] >= m_events[first].local) return false;
        return true;
    };
    auto seen = [&](Gid q) { return m_seen_stamp[q] == m_stamp; };
    for (uint32_t j = e + 1; j < end; ++j) {
        Gid q = m_events[j].g;
        if (seen(q)) continue;
        const uint32_t* cj = clock(j);
        if (hb(e, cj)) continue;
        if (first_in_v(cj)) {
            // An initial already explored or scheduled from here (or one interchangeable
            // with it): nothing to add.
            Gid r = canonical(e, q);
            if (r == none || node.backtrack.has(r) || node.sleep.has(r)) return;
            m_initials.push_back(q);
        }
        m_seen_stamp[q] = m_stamp;
        m_seen.emplace_back(q, j);
    }
    if (!seen(p) && first_in_v(clock_p)) m_initials.push_back(p);
    for (Gid q : m_initials) {
        Gid r = canonical(e, q);
        if (r == none || node.backtrack.has(r) || node.sleep.has(r)) return;
    }
    for (Gid q : m_initials)
        if (node.enabled.has(q)) {
            add_canonical(e, q);
            return;
        }
    // No initial can start there (it is blocked at that point): fall back to every
    // enabled goroutine, as Flanagan–Godefroid do; sound, only less reduced.
    for (Gid q = 0; q < node.enabled.limit(); ++q)
        if (node.enabled.has(q) && !node.sleep.has(q)) add_canonical(e, q);
}

}  // namespace lockstep::checker
