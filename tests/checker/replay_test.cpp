// Schedule tokens and replay: a bug's token reproduces its execution exactly, with the
// full trace; malformed or foreign tokens are rejected, never crash.
#include <catch2/catch.hpp>

#include "checker/explorer.hpp"
#include "checker/schedule_token.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;

TEST_CASE("tokens round-trip through base64url varints", "[token]") {
    std::vector<checker::StepRecord> steps(5);
    uint32_t gs[] = {0, 1, 200, 3, 70000};
    for (int i = 0; i < 5; ++i) steps[i].choice.g = gs[i];
    steps[2].alts = 3;
    steps[2].choice.alt = 2;
    std::string token = checker::encode_schedule(steps);
    CHECK(token.rfind("1.", 0) == 0);
    CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 2) == std::string::npos);
    auto values = checker::decode_schedule(token);
    REQUIRE(values);
    CHECK(*values == std::vector<uint64_t>{0, 1, 200, 2, 3, 70000});
    CHECK_FALSE(checker::decode_schedule("2.AAAA"));
    CHECK_FALSE(checker::decode_schedule("1.A*A"));
    CHECK_FALSE(checker::decode_schedule(""));
}

TEST_CASE("replaying a bug's token reproduces it with its trace", "[replay]") {
    auto program = unsafe_counter(2);
    checker::Options o;
    auto res = checker::explore(program, o);
    REQUIRE(res.verdict == checker::Verdict::Bug);
    REQUIRE_FALSE(res.bugs.empty());
    const checker::Bug& bug = res.bugs[0];
    auto again = checker::replay(program, o, bug.schedule);
    REQUIRE(again.token_valid);
    CHECK(again.error.empty());
    CHECK(again.output == bug.output);
    REQUIRE(again.trace.size() == bug.trace.size());
    for (size_t i = 0; i < again.trace.size(); ++i) {
        CHECK(again.trace[i].step == i + 1);
        CHECK(again.trace[i].goroutine == bug.trace[i].goroutine);
        CHECK(again.trace[i].op == bug.trace[i].op);
    }
    bool found = false;
    for (const auto& b : again.bugs) found |= b.kind() == bug.kind() && b.message == bug.message;
    CHECK(found);
    // The trace speaks the user's language: main is goroutine 1, ops as shown in traces.
    CHECK(bug.trace[0].goroutine == 1);
    CHECK(bug.trace[0].op == "Add");
    bool done_named = false;  // Add(-1) is shown as the Done the program called
    for (const auto& t : bug.trace) done_named |= t.op == "Done";
    CHECK(done_named);
    bool read_with_value = false;
    for (const auto& t : bug.trace) read_with_value |= t.op == "read" && t.object == std::string("x") && t.value.has_value();
    CHECK(read_with_value);
}

TEST_CASE("a token that does not fit the program is rejected", "[replay]") {
    auto program = unsafe_counter(2);
    checker::Options o;
    auto bad = checker::replay(program, o, "not a token");
    CHECK_FALSE(bad.token_valid);
    CHECK_FALSE(bad.error.empty());
    std::vector<checker::StepRecord> steps(1);
    steps[0].choice.g = 5;  // goroutine 6 does not exist at step 1
    auto foreign = checker::replay(program, o, checker::encode_schedule(steps));
    CHECK_FALSE(foreign.token_valid);
    CHECK(foreign.error.find("does not fit") != std::string::npos);
}

TEST_CASE("counterexamples are minimized: fewest preemptions first", "[replay]") {
    // The race needs no preemption: main can run to its read after the goroutine ran.
    // Without the driver's minimization (cli's minimize_counterexamples, which searches
    // under preemption bounds, where symmetry is off), the best of the explored executions
    // is kept: symmetry explores fewer, so this looks at the search without it.
    auto program = unsafe_counter(2);
    checker::Options o;
    o.all = true;
    o.symmetry = false;
    auto res = checker::explore(program, o);
    for (const auto& b : res.bugs) {
        INFO(b.message);
        uint32_t switches = 0;
        for (size_t i = 1; i < b.trace.size(); ++i) switches += b.trace[i].goroutine != b.trace[i - 1].goroutine;
        CHECK(switches <= 4);
    }
}

TEST_CASE("random and pct are seeded: same seed, same run", "[random][pct]") {
    for (auto s : {checker::Strategy::Random, checker::Strategy::Pct}) {
        auto p1 = unsafe_counter(3), p2 = unsafe_counter(3);
        checker::Options o;
        o.strategy = s;
        o.max_executions = 50;
        o.all = true;
        o.seed = 42;
        auto a = checker::explore(p1, o);
        auto b = checker::explore(p2, o);
        CHECK(a.verdict == checker::Verdict::Bug);
        CHECK(a.stats.executions == 50);
        CHECK_FALSE(a.stats.complete);
        CHECK(a.stats.bound == std::optional<std::string>("executions"));
        REQUIRE(a.bugs.size() == b.bugs.size());
        for (size_t i = 0; i < a.bugs.size(); ++i) CHECK(a.bugs[i].schedule == b.bugs[i].schedule);
        CHECK(a.outcomes == b.outcomes);
    }
}

TEST_CASE("random finds the lost update and clean programs stay bounded", "[random]") {
    auto bad = unsafe_counter(2);
    checker::Options o;
    o.strategy = checker::Strategy::Random;
    o.max_executions = 200;
    auto r = checker::explore(bad, o);
    CHECK(r.verdict == checker::Verdict::Bug);
    auto good = locked_counter(2, 2);
    auto g = checker::explore(good, o);
    CHECK(g.verdict == checker::Verdict::Bounded);  // a sample never claims verified
    CHECK(g.bugs.empty());
}

TEST_CASE("first runs one non-preemptive schedule", "[first]") {
    auto program = unsafe_counter(2);
    checker::Options o;
    o.strategy = checker::Strategy::First;
    auto r = checker::explore(program, o);
    CHECK(r.stats.executions == 1);
    CHECK(r.stats.strategy == "first");
    // main runs until it blocks in Wait, then the goroutines run one after the other.
    REQUIRE(r.outcomes.size() == 1);
    CHECK(r.outcomes[0] == "count 2\n");
    // No update is lost in this schedule, but the accesses race all the same.
    REQUIRE_FALSE(r.bugs.empty());
    for (const auto& b : r.bugs) CHECK(b.kind() == checker::BugKind::DataRace);
}

TEST_CASE("bounds: executions, preemptions, interruption", "[bounds]") {
    auto p = locked_counter(3, 2);
    checker::Options o;
    o.max_executions = 10;
    auto r = checker::explore(p, o);
    CHECK(r.stats.executions == 10);
    CHECK(r.verdict == checker::Verdict::Bounded);
    CHECK(r.stats.bound == std::optional<std::string>("executions"));

    checker::Options pb;
    pb.preemption_bound = 0;
    auto r0 = checker::explore(p, pb);
    CHECK(r0.verdict == checker::Verdict::Bounded);
    CHECK(r0.stats.bound == std::optional<std::string>("preemptions"));
    CHECK(r0.stats.executions < 90);

    std::atomic<bool> stop{true};
    checker::Options in;
    in.interrupted = &stop;
    auto ri = checker::explore(p, in);
    CHECK(ri.stats.bound == std::optional<std::string>("interrupted"));
    CHECK(ri.verdict == checker::Verdict::Bounded);
}
