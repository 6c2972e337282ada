// RandomStrategy: a seeded uniform random walk — at each step any enabled goroutine (and
// any data alternative) with equal probability. Never exhaustive.
#pragma once

#include "checker/random_source.hpp"
#include "checker/search_strategy.hpp"

namespace lockstep::checker {

class RandomStrategy : public SearchStrategy {
public:
    explicit RandomStrategy(uint64_t seed) : m_rng(seed) {}
    std::string_view name() const override { return "random"; }
    bool next_execution() override { return true; }
    bool choose(const Execution& exec, Choice& out) override {
        const auto& en = exec.enabled_list();
        vm::Gid g = en[m_rng.below(static_cast<uint32_t>(en.size()))];
        out = Choice{g, m_rng.below(exec.alternatives(g))};
        return true;
    }

private:
    RandomSource m_rng;
};

}  // namespace lockstep::checker
