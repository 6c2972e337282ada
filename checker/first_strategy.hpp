// FirstStrategy: one deterministic, non-preemptive schedule — keep running the current
// goroutine while it is enabled, else the lowest enabled id. What `lockstep run` uses.
#pragma once

#include <utility>

#include "checker/search_strategy.hpp"

namespace lockstep::checker {

class FirstStrategy : public SearchStrategy {
public:
    std::string_view name() const override { return "first"; }
    bool next_execution() override { return !std::exchange(m_done, true); }
    bool choose(const Execution& exec, Choice& out) override {
        const auto& steps = exec.steps();
        if (!steps.empty() && exec.enabled(steps.back().choice.g)) {
            out = Choice{steps.back().choice.g, 0};
        } else {
            out = Choice{exec.enabled_list().front(), 0};
        }
        return true;
    }

private:
    bool m_done = false;
};

}  // namespace lockstep::checker
