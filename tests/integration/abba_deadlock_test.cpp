// The AB-BA deadlock that needs one narrow interleaving: dpor finds it on every run and
// seed (it does not depend on luck), and its schedule token replays the deadlock exactly,
// in process and through `lockstep replay`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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

const char* const k_programs[] = {"tests/scenarios/abba_deadlock.go", "tests/integration/programs/abba_narrow.go"};

}  // namespace

TEST_CASE("dpor finds the narrow AB-BA deadlock on every run and seed", "[integration][deadlock][dpor]") {
    for (const char* program : k_programs) {
        DYNAMIC_SECTION(program) {
            Scenario scenario = load(source_path(program));
            std::string first_token;
            for (uint64_t seed : {1, 2, 7, 42, 1000}) {
                for (bool all : {false, true}) {
                    INFO("seed " << seed << (all ? " --all" : ""));
                    cli::Settings s = settings();
                    s.seed = seed;
                    s.all = all;
                    checker::ScenarioResult r = explore(scenario, s);
                    CHECK(r.verdict == checker::Verdict::Bug);
                    const checker::Bug* deadlock = first_of(r.bugs, checker::BugKind::Deadlock);
                    REQUIRE(deadlock != nullptr);
                    CHECK(!deadlock->schedule.empty());
                    // dpor ignores the seed: the same search, the same counterexample.
                    if (first_token.empty()) first_token = deadlock->schedule;
                    else CHECK(deadlock->schedule == first_token);
                }
            }
        }
    }
}

// The cycle a->b->a is reported on its own, from the executions where both transfers
// finish, so both programs meet their expect lines.
TEST_CASE("the AB-BA programs also report their lock-order inversion", "[integration][deadlock]") {
    for (const char* program : k_programs) {
        INFO(program);
        Scenario scenario = load(source_path(program));
        checker::ScenarioResult r = explore(scenario, settings());
        CHECK(first_of(r.bugs, checker::BugKind::LockOrderInversion) != nullptr);
        CHECK(r.expectation_met);
    }
}

TEST_CASE("a random walk with a given seed finds the same AB-BA bugs with the same schedules each time", "[integration][deadlock][random]") {
    Scenario scenario = load(source_path("tests/scenarios/abba_deadlock.go"));
    for (uint64_t seed : {3, 11}) {
        cli::Settings s = settings(cli::StrategyName::Random);
        s.seed = seed;
        s.executions = 50;
        checker::ScenarioResult a = explore(scenario, s);
        checker::ScenarioResult b = explore(scenario, s);
        INFO("seed " << seed);
        CHECK(a.stats.executions == b.stats.executions);
        CHECK(kind_ids(a.bugs) == kind_ids(b.bugs));
        REQUIRE(a.bugs.size() == b.bugs.size());
        for (size_t i = 0; i < a.bugs.size(); ++i) CHECK(a.bugs[i].schedule == b.bugs[i].schedule);
    }
}

TEST_CASE("the deadlock's token replays the same deadlock with the same trace", "[integration][deadlock][replay]") {
    for (const char* program : k_programs) {
        DYNAMIC_SECTION(program) {
            Scenario scenario = load(source_path(program));
            checker::ScenarioResult r = explore(scenario, settings());
            const checker::Bug* deadlock = first_of(r.bugs, checker::BugKind::Deadlock);
            REQUIRE(deadlock != nullptr);
            REQUIRE(!deadlock->trace.empty());

            // In process, twice: the same bug, the same steps, every time.
            for (int round = 0; round < 2; ++round) {
                cli::SingleRun replayed = replay(scenario, deadlock->schedule);
                REQUIRE(replayed.token_valid);
                const checker::Bug* again = first_of(replayed.bugs, checker::BugKind::Deadlock);
                REQUIRE(again != nullptr);
                CHECK(again->message == deadlock->message);
                CHECK(again->schedule == deadlock->schedule);
                CHECK(same_trace(again->trace, deadlock->trace));
                CHECK(again->output == deadlock->output);
            }

            // Through the binary, as a user pastes the replay command from the report.
            Ran ran = run_lockstep("replay --format json --full-trace " + shell_quote(source_path(program)) + " --schedule " +
                                   shell_quote(deadlock->schedule));
            INFO(ran.err);
            CHECK(ran.code == 1);
            auto doc = nlohmann::json::parse(ran.out);
            const auto& bugs = doc["scenarios"][0]["bugs"];
            const nlohmann::json* found = nullptr;
            for (const auto& b : bugs)
                if (b["kind"] == "deadlock") found = &b;
            REQUIRE(found != nullptr);
            CHECK((*found)["schedule"] == deadlock->schedule);
            REQUIRE((*found)["trace"].size() == deadlock->trace.size());
            for (size_t i = 0; i < deadlock->trace.size(); ++i) {
                const auto& row = (*found)["trace"][i];
                INFO("step " << i + 1);
                CHECK(row["goroutine"] == deadlock->trace[i].goroutine);
                CHECK(row["op"] == deadlock->trace[i].op);
                CHECK(row["location"]["line"] == deadlock->trace[i].location.line);
            }
        }
    }
}
