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
constexpr uint64_t k_naive_executions = sanitized() ? 5000 : 20000;
constexpr double k_naive_seconds = 3.0;

struct Compared {
    std::string file;  // relative to the source tree
    checker::ScenarioResult naive, dpor;
};

struct Comparison {
    std::vector<Compared> compared;
    std::vector<std::string> skipped;  // with why
};

// Both explorations of every scenario, once per process: two test cases read them.
const Comparison& comparison() {
    static const Comparison result = [] {
        Comparison c;
        for (const std::string& file : scenario_files()) {
            Scenario scenario = load(file);
            cli::Settings naive_settings = settings(cli::StrategyName::Naive);
            naive_settings.all = true;
            naive_settings.executions = k_naive_executions;
            naive_settings.time_budget_seconds = k_naive_seconds;
            checker::ScenarioResult naive = explore(scenario, naive_settings);
            if (!naive.stats.complete) {
                c.skipped.push_back(relative(file) + " (naive: " + std::to_string(naive.stats.executions) +
                                    " executions, stopped by " + naive.stats.bound.value_or("?") + ")");
                continue;
            }
            cli::Settings dpor_settings = settings(cli::StrategyName::Dpor);
            dpor_settings.all = true;
            c.compared.push_back(Compared{relative(file), std::move(naive), explore(scenario, dpor_settings)});
        }
        return c;
    }();
    return result;
}

}  // namespace

TEST_CASE("dpor finds the bug kinds naive finds on every small scenario, with no more executions", "[integration][dpor][naive]") {
    const Comparison& c = comparison();
    for (const Compared& x : c.compared) {
        INFO(x.file << ": naive " << x.naive.stats.executions << " executions, dpor " << x.dpor.stats.executions);
        CHECK(x.dpor.stats.complete);
        CHECK(kind_ids(x.dpor.bugs) == kind_ids(x.naive.bugs));
        CHECK(x.dpor.stats.executions <= x.naive.stats.executions);
    }
    std::string list;
    for (const auto& s : c.skipped) list += "  " + s + "\n";
    WARN("dpor vs naive: " << c.compared.size() << " scenarios compared; naive could not finish " << c.skipped.size() << ":\n"
                           << list);
    CHECK(c.compared.size() >= 20);
}

// Includes the scenarios where a goroutine panics after its deferred wg.Done(): main may
// print and exit before the panic is raised (an outcome without the panic, as real Go
// shows now and then), and dpor must explore that order too.
TEST_CASE("dpor reaches the final outcomes naive reaches on every small scenario", "[integration][dpor][naive]") {
    for (const Compared& x : comparison().compared) {
        INFO(x.file << ": naive " << x.naive.stats.executions << " executions, dpor " << x.dpor.stats.executions);
        // Outcomes are capped (Options::max_outcomes): a full list is a sample, not a set.
        if (x.naive.outcomes.size() >= 64 || x.dpor.outcomes.size() >= 64) continue;
        // dpor keeps one order of the prints it need not order (an `// Output:` block too):
        // each of its outcomes stands for every order of its prints. Every output naive
        // printed is one of those, and every representative dpor printed naive printed too.
        for (const auto& o : x.naive.outcomes) {
            INFO("naive printed " << o);
            CHECK(x.dpor.admits(o));
        }
        std::set<std::string> naive_outcomes(x.naive.outcomes.begin(), x.naive.outcomes.end());
        for (const auto& o : x.dpor.outcomes) CHECK(naive_outcomes.count(o) == 1);
    }
}
