// DporStrategy's symmetry reduction (docs/semantics.md, "Symmetry reduction"): the classes
// of interchangeable goroutines, kept incrementally while an execution runs, and the
// pairwise rebuild they are audited against.
//
// A goroutine joins a class the first time it is enabled at a fresh node after it was
// created or took a step: its key (parent, function, how many steps, the hash of its
// steps) picks the candidate classes, and an exact comparison with each one's pivot
// (stable_match) decides. It leaves its class when it steps, when another goroutine's
// event depends on one of its events (observed, for good), or when it is the partner of
// a rendezvous (its state changed without a step of its own). What can change without
// any of these (the checker's model state, the number of alternatives, being enabled) is
// checked at every node against the class's first enabled member.
//
// Pairs of one class are interchangeable without comparing them directly: equality is
// transitive, and for goroutines that have not stepped yet the remaining condition (the
// earlier-created one knows no more) holds by construction — each one's clock is that of
// the go statement that made it, and one parent's clocks only grow. Classes whose members
// have stepped get the full pairwise check at every node instead (they are rare: a
// goroutine that steps is usually observed soon after).
#include <algorithm>
#include <functional>
#include <string>

#include "checker/dpor_strategy.hpp"
#include "checker/explorer.hpp"

namespace lockstep::checker {

using vm::Gid;

bool DporStrategy::stable_match(const Execution& exec, Gid a, Gid b) const {
    Gid r = std::min(a, b), g = std::max(a, b);
    if (m_observed[r] || m_observed[g] || m_history[r] != m_history[g] || m_local[r] != m_local[g]) return false;
    if (!m_last_event[r] || !m_last_event[g]) return false;
    if (!exec.program().same_local_state(r, g)) return false;
    // r knows no more than g: every race g's steps could show, r's show too.
    const uint32_t* cr = clock(m_last_event[r] - 1);
    const uint32_t* cg = clock(m_last_event[g] - 1);
    for (uint32_t k = 0; k < m_stride; ++k)
        if (k != r && k != g && cr[k] > cg[k]) return false;
    return true;
}

bool DporStrategy::interchangeable(const Execution& exec, Gid r, Gid g) const {
    if (!exec.same_model_state(r, g) || exec.alternatives(r) != exec.alternatives(g)) return false;
    return stable_match(exec, r, g);
}

void DporStrategy::reset_classes() {
    std::fill(m_cls.begin(), m_cls.end(), none);
    m_classes.clear();
    m_buckets.clear();
}

void DporStrategy::leave_class(Gid g) {
    if (g >= m_cls.size() || m_cls[g] == none) return;
    SymClass& k = m_classes[m_cls[g]];
    m_cls[g] = none;
    k.members.reset(g);
    --k.size;
    if (k.pivot == g) k.pivot = k.size ? k.members.find_next(0) : none;
}

void DporStrategy::classify(const Execution& exec, Gid g) {
    vm::GoroutineInfo info = exec.program().goroutine_info(g);
    uint64_t key = 0xcbf29ce484222325ull;
    auto mix = [&key](uint64_t v) { key = (key ^ v) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull; };
    // Only what same_local_state() implies equal: the parent and the function (the go
    // site is left to the exact comparison, a test program has one per go statement).
    mix(info.parent);
    mix(std::hash<std::string>{}(info.name));
    mix(m_local[g]);
    mix(m_history[g]);
    auto& bucket = m_buckets[key];
    for (uint32_t c : bucket) {
        SymClass& k = m_classes[c];
        if (k.size == 0 || k.key != key || !stable_match(exec, k.pivot, g)) continue;
        k.members.set(g);
        ++k.size;
        m_cls[g] = c;
        return;
    }
    uint32_t c = static_cast<uint32_t>(m_classes.size());
    m_classes.emplace_back();
    SymClass& k = m_classes.back();
    k.key = key;
    k.pivot = g;
    k.size = 1;
    k.stepped = m_local[g] != 0;
    k.members.set(g);
    m_cls[g] = c;
    bucket.push_back(c);
}

void DporStrategy::node_created(const Execution& exec, SearchNode& node) {
    node.redundant.clear();
    const uint32_t i = static_cast<uint32_t>(&node - m_nodes.data());
    if (m_reps.size() <= i) m_reps.resize(i + 1);
    auto& reps = m_reps[i];
    reps.clear();
    if (!m_symmetry) return;
    ensure_stride(exec.goroutine_count());
    if (++m_node_stamp == 0) {
        for (SymClass& k : m_classes) k.stamp = 0;
        m_node_stamp = 1;
    }
    // enabled_list() is sorted by gid, which is creation order: a class's representative
    // is its earliest-created enabled member, which knows least.
    for (Gid g : exec.enabled_list()) {
        if (g == 0 || m_observed[g] || !m_last_event[g]) continue;
        if (m_cls[g] == none) classify(exec, g);
        SymClass& k = m_classes[m_cls[g]];
        if (k.stamp != m_node_stamp) {
            k.stamp = m_node_stamp;
            k.rep = g;
            continue;
        }
        Gid r = k.rep;
        bool same = k.stepped ? interchangeable(exec, r, g) : exec.same_model_state(r, g) && exec.alternatives(r) == exec.alternatives(g);
        if (!same) continue;
        reps.emplace_back(g, r);
        node.redundant.set(g);
    }
    if (m_audit) audit_node(exec, reps);
    // Sleep sets modulo symmetry: a class with a sleeping member is covered here.
    for (auto [q, r] : reps)
        if (node.sleep.has(q) || node.sleep.has(r)) node.redundant.set(r);
}

void DporStrategy::rebuild_classes(const Execution& exec, std::vector<std::pair<Gid, Gid>>& reps) {
    reps.clear();
    m_class_reps.clear();
    for (Gid g : exec.enabled_list()) {
        if (g == 0 || m_observed[g]) continue;
        Gid found = none;
        for (Gid r : m_class_reps)
            if (interchangeable(exec, r, g)) {
                found = r;
                break;
            }
        if (found == none) {
            m_class_reps.push_back(g);
            continue;
        }
        reps.emplace_back(g, found);
    }
}

void DporStrategy::audit_node(const Execution& exec, const std::vector<std::pair<Gid, Gid>>& reps) {
    ++m_audit->nodes;
    rebuild_classes(exec, m_audit_reps);
    if (m_audit_reps != reps) ++m_audit->differing;
    for (auto [q, r] : reps)
        if (!(r < q && interchangeable(exec, r, q))) ++m_audit->unsound;
}

Gid DporStrategy::canonical(uint32_t i, Gid q) const {
    if (i >= m_reps.size()) return q;
    const SearchNode& node = m_nodes[i];
    Gid r = q;
    // The pairs are sorted by goroutine (enabled_list() order).
    const auto& reps = m_reps[i];
    auto it = std::lower_bound(reps.begin(), reps.end(), std::make_pair(q, Gid{0}));
    if (it != reps.end() && it->first == q) r = it->second;
    if (node.redundant.has(r)) return none;  // a member of its class sleeps here
    return r;
}

void DporStrategy::add_canonical(uint32_t i, Gid q) {
    Gid r = canonical(i, q);
    if (r == none || m_nodes[i].sleep.has(r)) return;
    add_backtrack(m_nodes[i], r);
}

}  // namespace lockstep::checker
