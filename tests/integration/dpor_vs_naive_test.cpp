// dpor against the naive reference on the real scenario files: wherever naive can finish,
// both (exploring past bugs, --all) find the same bug kinds and the same final outcomes.
// dpor must be sound: whatever an exhaustive enumeration finds, it finds.
#include <catch2/catch.hpp>

#include <set>

#include "checker/execution.hpp"
#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

// Naive's cap: the scenarios it cannot finish within it are listed and skipped.
constexpr uint64_t k_naive_executions = 20000;
constexpr double k_naive_seconds = sanitized() ? 2.0 : 3.0;

// Without an ordered // Output: block dpor treats prints as commuting and keeps one order
// of each set of prints, so outcomes are compared as multisets of lines; with one, the
// order is observed and they are compared as printed.
std::set<std::string> outcome_set(const std::vector<std::string>& outcomes, bool ordered) {
    std::set<std::string> out;
    for (const auto& o : outcomes) out.insert(ordered ? o : checker::normalize_output(o, true));
    return out;
}

}  // namespace

TEST_CASE("dpor finds the bug kinds and outcomes naive finds on every small scenario", "[integration][dpor][naive]") {
    std::vector<std::string> skipped;
    size_t compared = 0;
    for (const std::string& file : scenario_files()) {
        Scenario scenario = load(file);
        cli::Settings naive_settings = settings(cli::StrategyName::Naive);
        naive_settings.all = true;
        naive_settings.executions = k_naive_executions;
        naive_settings.time_budget_seconds = k_naive_seconds;
        checker::ScenarioResult naive = explore(scenario, naive_settings);
        if (!naive.stats.complete) {
            skipped.push_back(relative(file) + " (naive: " + std::to_string(naive.stats.executions) + " executions, stopped by " +
                              naive.stats.bound.value_or("?") + ")");
            continue;
        }
        cli::Settings dpor_settings = settings(cli::StrategyName::Dpor);
        dpor_settings.all = true;
        checker::ScenarioResult dpor = explore(scenario, dpor_settings);
        ++compared;
        INFO(relative(file) << ": naive " << naive.stats.executions << " executions, dpor " << dpor.stats.executions);
        CHECK(dpor.stats.complete);
        CHECK(kind_ids(dpor.bugs) == kind_ids(naive.bugs));
        const auto& expected_output = scenario->file->expected_output;
        bool ordered = expected_output && !expected_output->unordered;
        // Outcomes are capped (Options::max_outcomes): a full list is a sample, not a set.
        if (naive.outcomes.size() < 64 && dpor.outcomes.size() < 64)
            CHECK(outcome_set(dpor.outcomes, ordered) == outcome_set(naive.outcomes, ordered));
        CHECK(dpor.stats.executions <= naive.stats.executions);
    }
    std::string list;
    for (const auto& s : skipped) list += "  " + s + "\n";
    WARN("dpor vs naive: " << compared << " scenarios compared; naive could not finish " << skipped.size() << ":\n" << list);
    CHECK(compared >= 20);
}
