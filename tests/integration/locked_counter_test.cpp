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

checker::ScenarioResult check_counter(Size s, cli::StrategyName strategy, bool symmetry = false) {
    std::string name = "locked_counter_" + std::to_string(s.n) + "x" + std::to_string(s.k) + ".go";
    Scenario scenario = load(write_temp(name, locked_counter_source(s.n, s.k)));
    cli::Settings set = settings(strategy);
    set.symmetry = symmetry;
    return explore(scenario, set);
}

uint64_t factorial(uint64_t n) { return n <= 1 ? 1 : n * factorial(n - 1); }

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
            CHECK(r.stats.sleep_blocked == 0);
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

TEST_CASE("with symmetry, dpor runs one execution per lock order up to renaming the workers", "[integration][locked-counter][dpor][symmetry]") {
    // The N workers come from one go statement and start equal, so each orbit of N! lock
    // orders under renaming needs one execution: (N*K)!/(K!^N)/N!, and dpor gets exactly
    // that (105 of the 2520 for 4x2; the bench shows 15,400 for 4x3 and 945 for 5x2).
    struct Row {
        Size s;
        uint64_t exact;  // 0: only the bounds
    };
    std::vector<Row> rows = {{{2, 1}, 1}, {{3, 1}, 1}, {{2, 2}, 3}, {{2, 3}, 10}, {{3, 2}, 15}, {{3, 3}, 280}};
    if (!sanitized()) rows.push_back({{4, 2}, 105});
    for (Row row : rows) {
        Size s = row.s;
        DYNAMIC_SECTION(s.n << "x" << s.k) {
            checker::ScenarioResult r = check_counter(s, cli::StrategyName::Dpor, true);
            checker::ScenarioResult off = check_counter(s, cli::StrategyName::Dpor, false);
            INFO("executions " << r.stats.executions << ", sleep-blocked " << r.stats.sleep_blocked);
            CHECK(r.verdict == checker::Verdict::Verified);
            CHECK(r.stats.complete);
            CHECK(r.bugs.empty());
            CHECK(r.outcomes == off.outcomes);
            uint64_t orbits = lock_orders(s.n, s.k) / factorial(s.n);
            if (row.exact) CHECK(r.stats.executions == row.exact);
            CHECK(r.stats.executions >= orbits);
            CHECK(r.stats.executions <= off.stats.executions);
            CHECK(r.stats.executions < off.stats.executions);
        }
    }
}
