// PctStrategy: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi,
// Nagarakatte, ASPLOS 2010). Each execution gives goroutines random distinct priorities
// (above d) and picks d-1 change points among the steps; the highest-priority enabled
// goroutine runs, and at the i-th change point the running goroutine drops to priority i.
// Finds a bug of depth d with probability at least 1/(n·k^(d-1)).
#pragma once

#include <vector>

#include "checker/random_source.hpp"
#include "checker/search_strategy.hpp"

namespace lockstep::checker {

class PctStrategy : public SearchStrategy {
public:
    PctStrategy(uint64_t seed, uint32_t depth) : m_rng(seed), m_depth(depth ? depth : 1) {}
    std::string_view name() const override { return "pct"; }
    bool next_execution() override;
    bool choose(const Execution& exec, Choice& out) override;
    void on_end(const Execution& exec) override;

private:
    uint64_t priority(vm::Gid g);
    RandomSource m_rng;
    uint32_t m_depth;
    uint64_t m_steps_estimate = 16;   // k: the longest execution seen so far
    std::vector<uint64_t> m_priority;  // per goroutine, 0 = not assigned yet
    std::vector<uint64_t> m_change_points;
    uint64_t m_next_low = 0;
};

}  // namespace lockstep::checker
