// TreeSearch: depth-first over the nodes of the current execution (see tree_search.hpp).
#include "checker/tree_search.hpp"

#include "lang/assert.hpp"

namespace lockstep::checker {

void TreeSearch::add_backtrack(SearchNode& node, vm::Gid g) {
    if (node.backtrack.has(g)) return;
    if (m_bound) {
        bool preempts = node.prev != g && node.enabled.has(node.prev) && &node != &m_nodes[0];
        if (preempts && node.preemptions + 1 > *m_bound) {
            m_bound_hit = true;
            return;
        }
    }
    node.backtrack.set(g);
}

bool TreeSearch::next_execution() {
    if (!m_started) {
        m_started = true;
        m_replay = 0;
        m_depth = 0;
        return true;
    }
    while (m_depth > m_prefix.size()) {
        SearchNode& n = m_nodes[m_depth - 1];
        if (n.chosen.alt + 1 < n.alts) {
            ++n.chosen.alt;
            m_replay = m_depth;
            return true;
        }
        n.sleep.set(n.chosen.g);
        vm::Gid q = n.backtrack.first_without(n.sleep, n.redundant);
        if (q != UINT32_MAX) {
            n.chosen = Choice{q, 0};
            n.alts = 1;  // learned again when the step runs
            m_replay = m_depth;
            return true;
        }
        --m_depth;
    }
    return false;
}

bool TreeSearch::choose(const Execution& exec, Choice& out) {
    uint32_t i = static_cast<uint32_t>(exec.steps().size());
    if (i < m_replay) {
        SearchNode& n = m_nodes[i];
        LOCKSTEP_ASSERT(exec.enabled(n.chosen.g), "replayed prefix diverged: the program is not deterministic");
        if (i + 1 == m_replay) n.alts = exec.alternatives(n.chosen.g);
        out = n.chosen;
        return true;
    }
    // A fresh node.
    if (m_nodes.size() <= i) m_nodes.resize(i + 1);
    SearchNode& n = m_nodes[i];
    m_depth = i + 1;
    n.enabled.clear();
    for (vm::Gid g : exec.enabled_list()) n.enabled.set(g);
    n.backtrack.clear();
    initial_sleep(n);
    node_created(exec, n);
    if (i == 0) {
        n.prev = 0;
        n.preemptions = 0;
    } else {
        const SearchNode& p = m_nodes[i - 1];
        n.prev = p.chosen.g;
        n.preemptions = p.preemptions + ((p.chosen.g != p.prev && p.enabled.has(p.prev) && i - 1 > 0) ? 1 : 0);
    }
    if (i < m_prefix.size()) {
        LOCKSTEP_ASSERT(exec.enabled(m_prefix[i].g), "a split prefix diverged: the program is not deterministic");
        n.chosen = m_prefix[i];
        n.alts = 1;
        n.backtrack.set(n.chosen.g);
        out = n.chosen;
        return true;
    }
    // Keep running the same goroutine when we can: fewer preemptions, shorter traces.
    vm::Gid pick = UINT32_MAX;
    if (i > 0 && n.enabled.has(n.prev) && !n.sleep.has(n.prev) && !n.redundant.has(n.prev)) pick = n.prev;
    if (pick == UINT32_MAX)
        for (vm::Gid g : exec.enabled_list())
            if (!n.sleep.has(g) && !n.redundant.has(g)) {
                pick = g;
                break;
            }
    if (pick == UINT32_MAX) {
        m_depth = i;  // nothing to explore from here
        return false;
    }
    n.chosen = Choice{pick, 0};
    n.alts = exec.alternatives(pick);
    n.backtrack.set(pick);
    fill_backtrack(exec, n);
    out = n.chosen;
    return true;
}

}  // namespace lockstep::checker
