// The deepest preemption bound a bounded search covers, by the exact bounded search.
#include "checker/preemption_coverage.hpp"

#include <algorithm>
#include <chrono>

namespace lockstep::checker {

namespace {

bool cut_by_budget(const Stats& stats) {
    return stats.bound && (*stats.bound == "executions" || *stats.bound == "time-budget");
}

void adopt_bugs(ScenarioResult& result, ScenarioResult& again) {
    for (Bug& b : again.bugs) {
        bool known = std::any_of(result.bugs.begin(), result.bugs.end(), [&](const Bug& k) { return !k.identity.empty() && k.identity == b.identity; });
        if (!known) result.bugs.push_back(std::move(b));
    }
    bool error_bug = std::any_of(result.bugs.begin(), result.bugs.end(), [](const Bug& b) { return b.severity == Severity::Error; });
    if (error_bug) result.verdict = Verdict::Bug;
}

}  // namespace

void measure_preemption_coverage(vm::Program& program, const Options& options, ScenarioResult& result, const CoverageLimits& limits) {
    if (result.verdict != Verdict::Bounded || !result.bugs.empty() || !cut_by_budget(result.stats)) return;
    if (options.preemption_bound || options.strategy == Strategy::Random || options.strategy == Strategy::Pct) return;
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const double budget = std::min(limits.seconds, options.time_budget_seconds / 10);
    for (uint32_t k = 0;; ++k) {
        if (options.interrupted && options.interrupted->load()) return;
        double left = budget - std::chrono::duration<double>(Clock::now() - start).count();
        if (left <= 0) return;
        Options o = options;
        o.strategy = Strategy::Naive;
        o.preemption_bound = k;
        o.progress = nullptr;
        o.target.clear();
        o.max_executions = limits.executions;
        o.time_budget_seconds = left;
        ScenarioResult again = explore(program, o);
        if (!again.bugs.empty()) {
            adopt_bugs(result, again);
            return;
        }
        if (again.stats.complete) {
            // No schedule needed more than k preemptions: the whole space is explored.
            std::string strategy = again.stats.strategy;
            result.stats = again.stats;
            result.stats.strategy = strategy;
            result.outcomes = std::move(again.outcomes);
            result.outcome_orders = std::move(again.outcome_orders);
            result.verdict = again.verdict;
            return;
        }
        if (!again.stats.bound || *again.stats.bound != "preemptions") return;  // cut by its own budget or a step bound
        result.stats.covered_preemptions = k;
    }
}

}  // namespace lockstep::checker
