// The locked-counter family through the whole pipeline (Go source → front end → compiler →
// Machine → explorer): dpor verifies N goroutines × K locked increments after exactly one
// execution per lock order, (N·K)!/(K!^N), and naive agrees on the verdict with more.
#include <catch2/catch.hpp>

#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

struct Size {
    int n, k;
};

checker::ScenarioResult check_counter(Size s, cli::StrategyName strategy) {
    std::string name = "locked_counter_" + std::to_string(s.n) + "x" + std::to_string(s.k) + ".go";
    Scenario scenario = load(write_temp(name, locked_counter_source(s.n, s.k)));
    return explore(scenario, settings(strategy));
}

}  // namespace

TEST_CASE("the generated locked counter is the family's program", "[integration][locked-counter]") {
    // The committed 3x2 program is the generator's output (and `go run` prints its Output).
    Scenario committed = load(source_path("tests/integration/programs/locked_counter_3x2.go"));
    CHECK(committed->source->text() == locked_counter_source(3, 2));
    CHECK(lock_orders(2, 1) == 2);
    CHECK(lock_orders(4, 2) == 2520);
    CHECK(lock_orders(3, 3) == 1680);
}

TEST_CASE("dpor verifies the locked counter after exactly (N*K)!/(K!^N) executions", "[integration][locked-counter][dpor]") {
    std::vector<Size> sizes = {{2, 1}, {3, 1}, {2, 2}, {2, 3}, {3, 2}};
    if (!sanitized()) sizes.push_back({4, 2});
    for (Size s : sizes) {
        DYNAMIC_SECTION(s.n << "x" << s.k) {
            checker::ScenarioResult r = check_counter(s, cli::StrategyName::Dpor);
            INFO("executions " << r.stats.executions << ", sleep-blocked " << r.stats.sleep_blocked << ", expected "
                               << lock_orders(s.n, s.k));
            CHECK(r.verdict == checker::Verdict::Verified);
            CHECK(r.stats.complete);
            CHECK(r.bugs.empty());
            CHECK(r.stats.executions == lock_orders(s.n, s.k));
            REQUIRE(r.outcomes.size() == 1);
            CHECK(r.outcomes[0] == "Final count: " + std::to_string(s.n * s.k) + "\n");
        }
    }
}

TEST_CASE("naive reaches dpor's verdict on the small locked counters, with more executions", "[integration][locked-counter][naive]") {
    for (Size s : {Size{2, 1}, Size{3, 1}, Size{2, 2}}) {
        DYNAMIC_SECTION(s.n << "x" << s.k) {
            checker::ScenarioResult naive = check_counter(s, cli::StrategyName::Naive);
            checker::ScenarioResult dpor = check_counter(s, cli::StrategyName::Dpor);
            INFO("naive " << naive.stats.executions << " executions, dpor " << dpor.stats.executions);
            CHECK(naive.verdict == checker::Verdict::Verified);
            CHECK(naive.stats.complete);
            CHECK(naive.verdict == dpor.verdict);
            CHECK(naive.outcomes == dpor.outcomes);
            CHECK(naive.stats.executions > dpor.stats.executions);
        }
    }
}
