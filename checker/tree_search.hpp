// TreeSearch: the stateless depth-first walk shared by the exhaustive strategies. One
// node per step of the current execution (enabled, backtrack and sleep sets, the choice
// taken); the next execution replays the prefix up to the deepest node with something
// left to try, then explores on. naive fills each backtrack set with every enabled
// goroutine; dpor adds only the reversals of races it finds.
#pragma once

#include <optional>
#include <vector>

#include "checker/goroutine_set.hpp"
#include "checker/search_strategy.hpp"

namespace lockstep::checker {

struct SearchNode {
    GoroutineSet enabled;
    GoroutineSet backtrack;  // to explore from here (includes the one being explored)
    GoroutineSet sleep;      // explored elsewhere: do not start with them here
    GoroutineSet redundant;  // symmetry: covered by an interchangeable goroutine here
    Choice chosen;
    uint32_t alts = 1;
    vm::Gid prev = 0;            // who ran the step before this node
    uint32_t preemptions = 0;    // preemptions before this node
};

class TreeSearch : public SearchStrategy {
public:
    explicit TreeSearch(std::optional<uint32_t> preemption_bound) : m_bound(preemption_bound) {}
    bool next_execution() override;
    bool choose(const Execution& exec, Choice& out) override;
    bool exhaustive() const override { return true; }
    bool bound_hit() const override { return m_bound_hit; }
    // Split search (checker/split_search.hpp): every execution starts with `prefix`, whose
    // nodes are never backtracked (the split explores their other choices as other
    // subtrees); the search covers the subtree below it.
    void set_prefix(std::vector<Choice> prefix) { m_prefix = std::move(prefix); }

protected:
    // A new node was created at depth `depth` with `chosen` as its first choice.
    virtual void fill_backtrack(const Execution& exec, SearchNode& node) = 0;
    // Sleep set for a fresh node (naive: none).
    virtual void initial_sleep(SearchNode& node) { node.sleep.clear(); }
    // A fresh node's enabled and sleep sets are known, nothing is chosen yet: fill
    // node.redundant (naive: none).
    virtual void node_created(const Execution& exec, SearchNode& node) { node.redundant.clear(); }
    // Add g to node's backtrack set if the preemption bound allows it.
    void add_backtrack(SearchNode& node, vm::Gid g);

    std::vector<SearchNode> m_nodes;  // [0, m_depth) are live
    uint32_t m_depth = 0;
    uint32_t m_replay = 0;  // steps [0, m_replay) of the next execution follow the nodes
    bool m_started = false;
    std::optional<uint32_t> m_bound;
    bool m_bound_hit = false;
    std::vector<Choice> m_prefix;
};

}  // namespace lockstep::checker
