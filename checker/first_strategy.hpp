// FirstStrategy: one deterministic, non-preemptive schedule — keep running the current
// goroutine while it is enabled, else the lowest enabled id; a timer's firing comes last.
// What `lockstep run` uses.
#pragma once

#include <utility>

#include "checker/execution.hpp"
#include "checker/search_strategy.hpp"

namespace lockstep::checker {

class FirstStrategy : public SearchStrategy {
public:
    std::string_view name() const override { return "first"; }
    bool next_execution() override { return !std::exchange(m_done, true); }
    bool choose(const Execution& exec, Choice& out) override {
        // A timer fires only when nothing else can run (time passes while everyone waits),
        // so a loop that polls and sleeps on a Ticker lets the other goroutines in.
        auto timer = [&](vm::Gid g) { return exec.pending(g).kind == vm::OpKind::TimerFire; };
        const auto& steps = exec.steps();
        if (!steps.empty() && exec.enabled(steps.back().choice.g) && !timer(steps.back().choice.g)) {
            out = Choice{steps.back().choice.g, 0};
            return true;
        }
        out = Choice{exec.enabled_list().front(), 0};
        for (vm::Gid g : exec.enabled_list())
            if (!timer(g)) {
                out = Choice{g, 0};
                break;
            }
        return true;
    }

private:
    bool m_done = false;
};

}  // namespace lockstep::checker
