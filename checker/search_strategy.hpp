// SearchStrategy: who runs next. The explorer runs executions one after another and asks the
// strategy at every step; exhaustive strategies (dpor, naive) also say when the whole
// space has been explored.
#pragma once

#include <string_view>

#include "checker/execution.hpp"

namespace lockstep::checker {

class SearchStrategy {
public:
    virtual ~SearchStrategy() = default;
    virtual std::string_view name() const = 0;
    // Prepare the next execution; false when there is none left (the space is explored,
    // for an exhaustive strategy).
    virtual bool next_execution() = 0;
    // Pick one of exec.enabled_list() (never empty here). false: cut this execution
    // (every enabled goroutine is asleep: it would only repeat an explored one).
    virtual bool choose(const Execution& exec, Choice& out) = 0;
    virtual void on_step(const Execution& exec) {}
    virtual void on_end(const Execution& exec) {}
    // next_execution() returning false means every execution (within the bound) was run.
    virtual bool exhaustive() const { return false; }
    // A preemption bound pruned part of the space.
    virtual bool bound_hit() const { return false; }
};

}  // namespace lockstep::checker
