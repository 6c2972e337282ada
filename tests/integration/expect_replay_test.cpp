// Every scenario's //lockstep:expect kinds, one by one: the first bug of each kind comes
// with a counterexample (a trace and a schedule token), and replaying the token reproduces
// a bug of that kind with the same trace. (Whether the kinds match the expect line, i.e.
// the exit codes, is tests/cli/scenarios_test.cpp's job.)
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

struct Checked {
    Scenario scenario;
    checker::ScenarioResult result;
};

// `lockstep check` of every scenario with an expect line naming bugs, once per process.
// The 1000-goroutine counter has its own test (unsafe_counter_1000_test.cpp), replay
// included; here it would only repeat its longest run.
const std::vector<Checked>& checked() {
    static const std::vector<Checked> all = [] {
        std::vector<Checked> out;
        for (const std::string& file : scenario_files()) {
            if (file.find("unsafe_counter_1000.go") != std::string::npos) continue;
            Scenario scenario = load(file);
            if (!scenario->directives.expected || scenario->directives.expected->empty()) continue;
            checker::ScenarioResult r = explore(scenario, settings());
            out.push_back(Checked{std::move(scenario), std::move(r)});
        }
        return out;
    }();
    return all;
}

}  // namespace

TEST_CASE("each expected kind's first bug has a trace and a token that replays it", "[integration][scenarios][replay]") {
    size_t replayed = 0;
    std::string missing;
    for (const Checked& c : checked()) {
        INFO(relative(c.scenario.path));
        for (checker::BugKind kind : *c.scenario->directives.expected) {
            INFO("expected kind " << checker::bug_kind_id(kind));
            const checker::Bug* bug = first_of(c.result.bugs, kind);
            if (!bug) {
                missing += "  " + relative(c.scenario.path) + ": " + std::string(checker::bug_kind_id(kind)) + "\n";
                continue;
            }
            if (bug->schedule.empty()) {
                // go vet's copylocks findings are static: a position, no execution.
                CHECK(kind == checker::BugKind::CopiedLock);
                CHECK(bug->location.line > 0);
                CHECK(bug->trace.empty());
                continue;
            }
            CHECK(!bug->trace.empty());
            cli::SingleRun again = replay(c.scenario, bug->schedule);
            CHECK(again.token_valid);
            const checker::Bug* same = first_of(again.bugs, kind);
            CHECK(same != nullptr);
            if (!same) continue;
            CHECK(same->message == bug->message);
            CHECK(same_trace(same->trace, bug->trace));
            ++replayed;
        }
    }
    if (!missing.empty()) WARN("expected kinds not found (see the next test):\n" << missing);
    CHECK(replayed >= 30);
}

TEST_CASE("each expected kind is found when the scenario is checked", "[integration][scenarios]") {
    for (const Checked& c : checked()) {
        INFO(relative(c.scenario.path));
        for (checker::BugKind kind : *c.scenario->directives.expected) {
            INFO("expected kind " << checker::bug_kind_id(kind));
            CHECK(first_of(c.result.bugs, kind) != nullptr);
        }
    }
}
