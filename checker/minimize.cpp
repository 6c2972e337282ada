// Iterative context bounding over the explorer, one target bug at a time.
#include "checker/minimize.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace lockstep::checker {

std::string bug_identity(const FoundBug& b) {
    std::array<uint32_t, 8> sites = b.sites;
    std::sort(sites.begin(), sites.begin() + b.count);
    std::string id = fmt::format("{}/{}", static_cast<unsigned>(b.kind), b.variant);
    for (uint8_t i = 0; i < b.count; ++i) id += fmt::format("/{}", sites[i]);
    return id;
}

uint32_t goroutines_stepping(const std::vector<StepRecord>& steps) {
    std::vector<bool> seen;
    uint32_t n = 0;
    for (const auto& s : steps) {
        if (s.choice.g >= seen.size()) seen.resize(s.choice.g + 1, false);
        if (!seen[s.choice.g]) {
            seen[s.choice.g] = true;
            ++n;
        }
    }
    return n;
}

void minimize_counterexamples(vm::Program& program, const Options& options, ScenarioResult& result, const MinimizeLimits& limits) {
    for (Bug& bug : result.bugs) {
        if (bug.identity.empty() || bug.preemptions == 0) continue;
        for (uint32_t bound = 0; bound < bug.preemptions; ++bound) {
            if (options.interrupted && options.interrupted->load()) return;
            Options o = options;
            o.strategy = Strategy::Dpor;
            o.preemption_bound = bound;
            o.target = bug.identity;
            o.all = false;
            o.expected_kinds.clear();
            o.progress = nullptr;
            o.max_executions = std::min<uint64_t>(options.max_executions.value_or(limits.executions_per_bound), limits.executions_per_bound);
            o.max_total_steps = limits.steps_per_bound;
            o.time_budget_seconds = options.time_budget_seconds / 10;
            ScenarioResult again = explore(program, o);
            auto it = std::find_if(again.bugs.begin(), again.bugs.end(), [&](const Bug& b) { return b.identity == bug.identity; });
            if (it != again.bugs.end() && it->preemptions < bug.preemptions) {
                bug = std::move(*it);
                break;
            }
        }
    }
}

}  // namespace lockstep::checker
