// The spin-loop (await) reduction: see spin_await.hpp.
#include "checker/spin_await.hpp"

#include <algorithm>

#include "lang/assert.hpp"

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

namespace {

// Loop-head records kept per goroutine (nested loops, loops in called functions).
constexpr size_t k_max_heads = 16;

bool same_object(const Access& a, const Access& b) { return a.space == b.space && a.id == b.id; }

bool touches(const std::vector<Access>& reads, const std::vector<Access>& accesses, uint32_t begin, uint32_t end) {
    for (uint32_t i = begin; i < end; ++i) {
        if (accesses[i].space == Space::Global) continue;
        for (const Access& r : reads)
            if (same_object(r, accesses[i])) return true;
    }
    return false;
}

}  // namespace

SpinStepKind spin_step_kind(const vm::Operation& op, int64_t outcome, uint32_t& lock_key, int8_t& lock_delta) {
    lock_key = 0;
    lock_delta = 0;
    auto locking = [&](bool read_hold, int8_t delta) {
        lock_key = 2 * op.object + (read_hold ? 1 : 0);
        lock_delta = delta;
        return SpinStepKind::Locking;
    };
    switch (op.kind) {
    case OpKind::Load:
    case OpKind::MapRead:
    case OpKind::AtomicLoad:
    case OpKind::Yield: return SpinStepKind::Probe;
    case OpKind::Select: return outcome < 0 ? SpinStepKind::Probe : SpinStepKind::Write;
    case OpKind::TryLock: return outcome ? locking(false, 1) : SpinStepKind::Probe;
    case OpKind::TryRLock: return outcome ? locking(true, 1) : SpinStepKind::Probe;
    case OpKind::Lock: return locking(false, 1);
    case OpKind::Unlock: return locking(false, -1);
    case OpKind::RLock: return locking(true, 1);
    case OpKind::RUnlock: return locking(true, -1);
    default: return SpinStepKind::Write;
    }
}

void SpinAwait::reset(bool on) {
    m_on = on;
    for (auto& g : m_gs) {
        g.serial = 0;
        g.heads.clear();
        g.blocked = false;
        g.awaited.clear();
    }
    m_log.clear();
    m_blocked.clear();
}

SpinAwait::GSpin& SpinAwait::gs(Gid g) {
    if (m_gs.size() <= g) m_gs.resize(g + 1);
    return m_gs[g];
}

void SpinAwait::note_heads(const vm::Program& p, Gid g, uint32_t begin) {
    GSpin& s = gs(g);
    uint64_t serial = p.loop_serial(g);
    if (serial == s.serial) return;
    if (s.heads.size() >= k_max_heads) s.heads.erase(s.heads.begin());
    s.heads.push_back(Head{s.serial + 1, serial, begin});
    s.serial = serial;
}

void SpinAwait::before_step(const vm::Program& p, Gid g, uint32_t index) {
    if (m_on) note_heads(p, g, index);
}

bool SpinAwait::repeats(Gid g, uint32_t begin, uint32_t index, const std::vector<Access>& accesses, std::vector<Access>& reads) const {
    reads.clear();
    std::vector<std::pair<uint32_t, int>> held;  // lock key → net holds taken in the iteration
    for (uint32_t i = begin; i <= index; ++i) {
        const Logged& e = m_log[i];
        if (e.g == g) {
            LOCKSTEP_ASSERT(e.kind != SpinStepKind::Write, "a spin iteration spans a step that wrote");
            if (e.kind == SpinStepKind::Locking) {
                auto it = std::find_if(held.begin(), held.end(), [&](const auto& h) { return h.first == e.lock_key; });
                if (it == held.end()) held.emplace_back(e.lock_key, e.lock_delta);
                else it->second += e.lock_delta;
                continue;
            }
            for (uint32_t a = e.begin; a < e.end; ++a) {
                const Access& x = accesses[a];
                if (x.space == Space::Global) continue;
                bool have = false;
                for (const Access& r : reads) have |= same_object(r, x);
                if (!have) reads.push_back(Access{x.space, AccessMode::Read, x.id});
            }
        } else if (e.kind != SpinStepKind::Probe && touches(reads, accesses, e.begin, e.end)) {
            return false;  // written after g read it: the next iteration may read something else
        }
    }
    for (const auto& h : held)
        if (h.second != 0) return false;
    return true;
}

void SpinAwait::after_step(const vm::Program& p, Gid g, Gid partner, uint32_t index, SpinStepKind kind, uint32_t lock_key,
                           int8_t lock_delta, const std::vector<Access>& accesses, uint32_t begin, uint32_t end,
                           std::vector<Gid>& woken) {
    if (!m_on) return;
    if (m_log.size() != index) m_log.resize(index);
    m_log.push_back(Logged{g, kind, lock_delta, lock_key, begin, end});

    // Wake those awaiting something this step wrote.
    if (kind != SpinStepKind::Probe && !m_blocked.empty()) {
        for (size_t i = 0; i < m_blocked.size();) {
            Gid b = m_blocked[i];
            if (b != g && touches(m_gs[b].awaited, accesses, begin, end)) {
                m_gs[b].blocked = false;
                m_gs[b].awaited.clear();
                woken.push_back(b);
                m_blocked[i] = m_blocked.back();
                m_blocked.pop_back();
            } else {
                ++i;
            }
        }
    }

    if (partner != UINT32_MAX) {
        gs(partner).heads.clear();
        note_heads(p, partner, index + 1);
    }
    GSpin& s = gs(g);
    if (kind == SpinStepKind::Write) s.heads.clear();
    uint64_t serial = p.loop_serial(g);
    if (serial == s.serial || p.state(g) != vm::GoroutineState::Pending) {
        note_heads(p, g, index + 1);
        return;
    }
    uint64_t rep = p.loop_repeats(g);
    const Head* from = nullptr;
    for (const Head& h : s.heads)
        if (rep != 0 && h.first <= rep && rep <= h.last) from = &h;
    if (from && from->begin <= index) {
        std::vector<Access> reads;
        if (repeats(g, from->begin, index, accesses, reads)) {
            s.blocked = true;
            s.awaited = std::move(reads);
            m_blocked.push_back(g);
        }
    }
    note_heads(p, g, index + 1);
}

}  // namespace lockstep::checker
