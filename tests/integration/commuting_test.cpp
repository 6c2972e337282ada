// Commuting operations (docs/semantics.md, "Commuting operations"): atomic Adds whose
// result is dropped commute with each other, and RLocks/RUnlocks with each other while no
// writer waits. dpor, with symmetry and without, must find what naive finds on programs
// that mix them with what they do not commute with, and the pure cases are one trace.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/integration/pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

struct Commuting {
    const char* file;
    std::set<std::string> kinds;      // the bug kinds (real Go: -race, or the outputs)
    std::vector<std::string> go_outputs;  // outputs go run printed (each must be an outcome)
    uint64_t dpor_executions;         // 0: not asserted
};

const Commuting programs[] = {
    {"commute_atomic_adds.go", {}, {"36 3\n"}, 1},
    {"commute_atomic_race.go", {"data-race"}, {"2\n"}, 0},
    {"commute_atomic_mixed.go", {}, {"third saw 7\nload false\nn 7\n", "cas\nthird saw 104\nload true\nn 104\n"}, 0},
    {"commute_rw_readers.go", {}, {"1\n", "2\n"}, 0},
    {"commute_rw_readers_race.go", {"data-race", "lost-update"}, {"2\n"}, 0},
    {"commute_rw_trylock.go", {}, {"trylock true\n"}, 0},
};

checker::ScenarioResult run(const Scenario& s, cli::StrategyName strategy, bool symmetry) {
    cli::Settings o = settings(strategy);
    o.all = true;
    o.symmetry = symmetry;
    o.time_budget_seconds = 30;
    o.executions = 500000;
    return explore(s, o);
}

}  // namespace

TEST_CASE("commuting Adds and read locks: dpor finds what naive finds", "[integration][dpor][naive][commute]") {
    for (const Commuting& c : programs) {
        INFO(c.file);
        Scenario s = load(source_path(std::string("tests/integration/programs/") + c.file));
        auto naive = run(s, cli::StrategyName::Naive, false);
        REQUIRE(naive.stats.complete);
        CHECK(kind_ids(naive.bugs) == c.kinds);
        for (bool symmetry : {true, false}) {
            INFO("symmetry " << symmetry);
            auto dpor = run(s, cli::StrategyName::Dpor, symmetry);
            CHECK(dpor.stats.complete);
            CHECK(kind_ids(dpor.bugs) == c.kinds);
            CHECK(dpor.stats.executions <= naive.stats.executions);
            if (c.dpor_executions) CHECK(dpor.stats.executions == c.dpor_executions);
            // Every output naive (every interleaving) and Go printed is one dpor admits.
            for (const auto& o : naive.outcomes) {
                INFO("naive outcome " << o);
                CHECK(dpor.admits(o));
            }
            for (const auto& o : c.go_outputs) {
                INFO("go output " << o);
                CHECK(dpor.admits(o));
            }
            for (const auto& o : dpor.outcomes) {
                INFO("dpor outcome " << o);
                CHECK(naive.admits(o));
            }
        }
    }
}

TEST_CASE("the chapter's 10-goroutine atomic counter and RWMutex cache are one trace each", "[integration][commute]") {
    for (const char* file : {"scenarios/chapter3/atomic_counter_10.go", "scenarios/chapter3/cache_rwmutex_10.go"}) {
        INFO(file);
        Scenario s = load(source_path(file));
        auto r = run(s, cli::StrategyName::Dpor, true);
        CHECK(r.verdict == checker::Verdict::Verified);
        CHECK(r.bugs.empty());
        CHECK(r.stats.executions == 1);
    }
}
