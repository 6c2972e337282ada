// Every scenario's //lockstep:expect kinds, one by one: the first bug of each kind comes
// with a counterexample (a trace and a schedule token), and replaying the token reproduces
// a bug of that kind. (Whether the kinds match the expect line, i.e. the exit codes, is
// tests/cli/scenarios_test.cpp's job.)
#include <catch2/catch.hpp>

#include "checker/result.hpp"
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

TEST_CASE("each expected kind's first bug has a trace and a token that replays it", "[integration][scenarios][replay]") {
    size_t replayed = 0;
    for (const std::string& file : scenario_files()) {
        INFO(relative(file));
        Scenario scenario = load(file);
        if (!scenario->directives.expected || scenario->directives.expected->empty()) continue;
        checker::ScenarioResult r = explore(scenario, settings());
        for (checker::BugKind kind : *scenario->directives.expected) {
            INFO("expected kind " << checker::bug_kind_id(kind));
            const checker::Bug* bug = first_of(r.bugs, kind);
            CHECK(bug != nullptr);
            if (!bug) continue;
            if (bug->schedule.empty()) {
                // go vet's copylocks findings are static: a position, no execution.
                CHECK(kind == checker::BugKind::CopiedLock);
                CHECK(bug->location.line > 0);
                CHECK(bug->trace.empty());
                continue;
            }
            CHECK(!bug->trace.empty());
            cli::SingleRun again = replay(scenario, bug->schedule);
            CHECK(again.token_valid);
            const checker::Bug* same = first_of(again.bugs, kind);
            CHECK(same != nullptr);
            if (!same) continue;
            CHECK(same->message == bug->message);
            CHECK(same_trace(same->trace, bug->trace));
            ++replayed;
        }
    }
    CHECK(replayed >= 30);
}
