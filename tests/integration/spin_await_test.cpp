// The spin-loop (await) reduction and the fair livelock decision (docs/semantics.md):
// polling loops are explored finitely and verified, with the outcomes and bugs of the
// search without the reduction (naive, small step bound), and only a fair schedule that
// never ends is a livelock.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/integration/pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

struct Spin {
    const char* file;
    std::set<std::string> kinds;   // bug kinds the reduced search finds (all of them)
    std::string go_output;         // what Go prints ("" when it never ends)
    bool verified;                 // the reduced search is complete
};

const Spin spins[] = {
    {"spin_plain_flag.go", {"data-race"}, "42\n", false},
    {"spin_select_poll.go", {}, "stopped 0\n", true},
    {"spin_trylock_poll.go", {}, "1\n", true},
    {"spin_lock_check_two.go", {}, "ok\n", true},
    {"spin_counter_spin.go", {}, "true\n", false},  // the counter changes: unfair schedules are cut
    {"spin_nobody_sets.go", {"deadlock"}, "", false},
    {"spin_real_livelock.go", {"livelock"}, "", false},
};

checker::ScenarioResult run(const Scenario& s, cli::StrategyName strategy, bool await, uint64_t max_steps) {
    cli::Settings o = settings(strategy);
    o.all = true;
    o.spin_await = await;
    o.max_steps = max_steps;
    o.time_budget_seconds = 20;
    o.executions = 20000;
    return explore(s, o);
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& e : v)
        if (e == x) return true;
    return false;
}

}  // namespace

TEST_CASE("spin loops: the await reduction is finite, complete and agrees with naive", "[integration][spin]") {
    for (const Spin& c : spins) {
        INFO(c.file);
        Scenario s = load(source_path(std::string("tests/integration/programs/") + c.file));
        auto dpor = run(s, cli::StrategyName::Dpor, true, 3000);
        auto naive = run(s, cli::StrategyName::Naive, true, 3000);
        CHECK(kind_ids(dpor.bugs) == c.kinds);
        CHECK(kind_ids(naive.bugs) == c.kinds);
        CHECK((dpor.verdict == checker::Verdict::Verified) == c.verified);
        CHECK((naive.verdict == checker::Verdict::Verified) == c.verified);
        if (!c.go_output.empty()) {
            CHECK(has(dpor.outcomes, c.go_output));
            CHECK(has(naive.outcomes, c.go_output));
        }
        // Without the reduction (naive, small bound): the same bugs apart from the
        // livelock of the schedules that poll to the bound, and every outcome the
        // reduced search gives is one of its outcomes too.
        auto off = run(s, cli::StrategyName::Naive, false, 60);
        std::set<std::string> off_kinds = kind_ids(off.bugs), want = c.kinds;
        off_kinds.erase("livelock");
        want.erase("livelock");
        if (want.count("deadlock")) {
            // Polling forever without the reduction: a cut at the bound, not a deadlock.
            want.erase("deadlock");
        }
        CHECK(off_kinds == want);
        for (const auto& o : naive.outcomes) {
            if (c.kinds.count("deadlock") || c.kinds.count("livelock")) break;
            INFO("outcome " << o);
            CHECK(has(off.outcomes, o));
        }
    }
}

TEST_CASE("a deadlock with a goroutine that spins says Go hangs", "[integration][spin]") {
    Scenario s = load(source_path("tests/integration/programs/spin_nobody_sets.go"));
    auto r = run(s, cli::StrategyName::Dpor, true, 3000);
    REQUIRE(r.bugs.size() == 1);
    CHECK(r.bugs[0].message.find("spins forever") != std::string::npos);
    CHECK(r.bugs[0].details.find("spins forever at") != std::string::npos);
}

TEST_CASE("a schedule cut at the step bound that a fair scheduler ends is not a livelock", "[integration][spin]") {
    Scenario s = load(source_path("tests/integration/programs/spin_counter_spin.go"));
    for (auto strategy : {cli::StrategyName::Dpor, cli::StrategyName::Naive}) {
        auto r = run(s, strategy, true, 200);
        CHECK(r.bugs.empty());
        CHECK(r.verdict == checker::Verdict::Bounded);
    }
    // The reduction switched off: the Gosched loop of the atomic flag regression is cut,
    // never called a livelock, and never verified.
    Scenario flag = load(source_path("tests/integration/regressions/go_atomic_flag_publish.go"));
    auto off = run(flag, cli::StrategyName::Naive, false, 100);
    CHECK(off.bugs.empty());
    CHECK(off.verdict == checker::Verdict::Bounded);
    CHECK(has(off.outcomes, "42\n"));
}
