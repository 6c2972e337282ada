// dpor's incrementally kept symmetry classes (checker/dpor_symmetry.cpp) against the
// pairwise rebuild at every node (checker::SymmetryAudit), on real programs through the
// whole pipeline: the chapter's programs with several workers of one go statement, and
// the locked-counter family. The audit must find no pair merged that is not
// interchangeable, and the same classes as the rebuild at every node.
#include <catch2/catch.hpp>

#include "checker/explorer.hpp"
#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

TEST_CASE("the incremental symmetry classes equal the rebuilt ones on the chapter's programs", "[integration][symmetry]") {
    const char* files[] = {"safe_counter.go",    "safe_counter_10.go",  "once_example.go",  "once_example_10.go",
                           "waitgroup_workers.go", "atomic_counter.go", "cache_rwmutex.go", "rate_limiter.go",
                           "cond_ready.go",      "unsafe_counter.go",   "bank_deposit_mutex.go"};
    for (const char* f : files) {
        DYNAMIC_SECTION(f) {
            Scenario scenario = load(source_path(std::string("scenarios/chapter3/") + f));
            checker::SymmetryAudit audit;
            cli::Settings set = settings();
            set.symmetry_audit = &audit;
            set.all = true;
            checker::ScenarioResult r = explore(scenario, set);
            INFO("nodes " << audit.nodes << ", differing " << audit.differing << ", unsound " << audit.unsound);
            CHECK(audit.nodes > 0);
            CHECK(audit.unsound == 0);
            CHECK(audit.differing == 0);
            // Without symmetry the ten-worker programs do not finish: compare the others.
            if (std::string(f).find("_10") == std::string::npos) {
                cli::Settings off = settings();
                off.symmetry = false;
                off.all = true;
                checker::ScenarioResult o = explore(scenario, off);
                CHECK(o.stats.complete);
                CHECK(r.stats.executions <= o.stats.executions);
                CHECK(kind_ids(r.bugs) == kind_ids(o.bugs));
                CHECK(r.outcomes == o.outcomes);
            }
        }
    }
}

TEST_CASE("the incremental symmetry classes equal the rebuilt ones on the locked counter", "[integration][symmetry][locked-counter]") {
    for (auto [n, k] : {std::pair{3, 2}, std::pair{4, 2}, std::pair{2, 3}}) {
        DYNAMIC_SECTION(n << "x" << k) {
            std::string name = "audit_counter_" + std::to_string(n) + "x" + std::to_string(k) + ".go";
            Scenario scenario = load(write_temp(name, locked_counter_source(n, k)));
            checker::SymmetryAudit audit;
            cli::Settings set = settings();
            set.symmetry_audit = &audit;
            checker::ScenarioResult r = explore(scenario, set);
            CHECK(r.verdict == checker::Verdict::Verified);
            CHECK(audit.nodes > 0);
            CHECK(audit.unsound == 0);
            CHECK(audit.differing == 0);
        }
    }
}

TEST_CASE("the chapter's SafeCounter with 1000 goroutines verifies in one execution", "[integration][symmetry]") {
    // The incremental classes have no goroutine limit: the 1000 workers of one go
    // statement are one class until each one steps, so one lock order stands for all.
    Scenario scenario = load(source_path("scenarios/chapter3/safe_counter_1000.go"));
    checker::ScenarioResult r = explore(scenario, settings());
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(r.stats.complete);
    CHECK(r.stats.executions == 1);
    REQUIRE(r.outcomes.size() == 1);
    CHECK(r.outcomes[0] == "Final count: 1000\n");
}
