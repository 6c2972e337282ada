// The chapter's unsafe counter with 1000 goroutines: no exhaustive search is possible, and
// none is needed. The race shows from happens-before in the first execution and the lost
// update within the first few; the counterexample marks the write that is lost.
#include <catch2/catch.hpp>

#include <algorithm>

#include "pipeline.hpp"
#include "trace_compare.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

const checker::Bug* first_of(const std::vector<checker::Bug>& bugs, checker::BugKind kind) {
    for (const auto& b : bugs)
        if (b.kind() == kind) return &b;
    return nullptr;
}

}  // namespace

// The scenario file, or under the sanitizers (several times slower per step) the same
// program with 200 goroutines.
Scenario unsafe_counter() {
    std::string path = source_path("scenarios/chapter3/unsafe_counter_1000.go");
    if (!sanitized()) return load(path);
    Scenario original = load(path);
    std::string text = original->source->text();
    size_t at = text.find("i < 1000");
    REQUIRE(at != std::string::npos);
    text.replace(at, 8, "i < 200");
    return load(write_temp("unsafe_counter_200.go", text));
}

TEST_CASE("the 1000-goroutine unsafe counter shows its race and lost update within a few executions", "[integration][unsafe-counter]") {
    Scenario scenario = unsafe_counter();
    checker::ScenarioResult r = explore(scenario, settings());
    INFO("executions " << r.stats.executions << ", steps " << r.stats.steps);
    CHECK(r.verdict == checker::Verdict::Bug);
    CHECK(r.stats.executions <= 5);
    CHECK(r.expectation_met);

    const checker::Bug* race = first_of(r.bugs, checker::BugKind::DataRace);
    REQUIRE(race != nullptr);
    CHECK(race->message.find("c.value") != std::string::npos);

    const checker::Bug* lost = first_of(r.bugs, checker::BugKind::LostUpdate);
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
    // The final count shows the loss: fewer increments survived than goroutines ran.
    std::string all_counted = sanitized() ? "Final count: 200\n" : "Final count: 1000\n";
    CHECK(lost->output.find("Final count: ") != std::string::npos);
    CHECK(lost->output.find(all_counted) == std::string::npos);

    // Its token replays the same lost update, step for step.
    cli::SingleRun again = replay(scenario, lost->schedule);
    REQUIRE(again.token_valid);
    const checker::Bug* same = first_of(again.bugs, checker::BugKind::LostUpdate);
    REQUIRE(same != nullptr);
    CHECK(same->message == lost->message);
    CHECK(same_trace(same->trace, lost->trace));
}
