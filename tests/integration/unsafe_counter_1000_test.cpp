// The chapter's unsafe counter with 1000 goroutines: no exhaustive search is possible, and
// none is needed. The race shows from happens-before in the first execution and the lost
// update within the first few; the counterexample marks the write that is lost.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

const checker::Bug* first_of(const checker::ScenarioResult& r, checker::BugKind kind) {
    for (const auto& b : r.bugs)
        if (b.kind() == kind) return &b;
    return nullptr;
}

}  // namespace

TEST_CASE("the 1000-goroutine unsafe counter shows its race and lost update within a few executions", "[integration][unsafe-counter]") {
    Scenario scenario = load(source_path("scenarios/chapter3/unsafe_counter_1000.go"));
    checker::ScenarioResult r = explore(scenario, settings());
    INFO("executions " << r.stats.executions << ", steps " << r.stats.steps);
    CHECK(r.verdict == checker::Verdict::Bug);
    CHECK(r.stats.executions <= 5);
    CHECK(r.expectation_met);

    const checker::Bug* race = first_of(r, checker::BugKind::DataRace);
    REQUIRE(race != nullptr);
    CHECK(race->message.find("c.value") != std::string::npos);

    const checker::Bug* lost = first_of(r, checker::BugKind::LostUpdate);
    REQUIRE(lost != nullptr);
    REQUIRE(!lost->trace.empty());
    // The lost write: a decisive write, and the decisive write that overwrites it from a
    // stale read, both on the counter.
    auto is_lost_write = [](const checker::TraceStep& s) {
        return s.decisive && s.op == "write" && s.note.find("lost") != std::string::npos;
    };
    auto lost_write = std::find_if(lost->trace.begin(), lost->trace.end(), is_lost_write);
    REQUIRE(lost_write != lost->trace.end());
    CHECK(lost_write->object.value_or("").find("value") != std::string::npos);
    size_t decisive_writes = std::count_if(lost->trace.begin(), lost->trace.end(),
                                           [](const checker::TraceStep& s) { return s.decisive && s.op == "write"; });
    CHECK(decisive_writes == 2);
    // The final count shows the loss: fewer than 1000 increments survived.
    CHECK(lost->output.find("Final count: 1000") == std::string::npos);
}
