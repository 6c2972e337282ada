// NaiveStrategy: every enabled goroutine at every step, every data alternative — the
// reference every clever strategy is checked against.
#pragma once

#include "checker/tree_search.hpp"

namespace lockstep::checker {

class NaiveStrategy : public TreeSearch {
public:
    using TreeSearch::TreeSearch;
    std::string_view name() const override { return "naive"; }

protected:
    void fill_backtrack(const Execution& exec, SearchNode& node) override {
        for (vm::Gid g : exec.enabled_list()) add_backtrack(node, g);
    }
};

}  // namespace lockstep::checker
