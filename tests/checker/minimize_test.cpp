// Counterexample minimization: a bug found under a schedule with preemptions is replaced
// by the same bug (same identity) under the lowest preemption bound that shows it.
#include <catch2/catch.hpp>

#include "checker/explorer.hpp"
#include "checker/minimize.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;

TEST_CASE("random's counterexamples are minimized to the fewest preemptions", "[minimize]") {
    auto program = unsafe_counter(3);
    bool improved = false;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
        checker::Options o;
        o.strategy = checker::Strategy::Random;
        o.seed = seed;
        o.all = true;
        o.max_executions = 3;
        auto res = checker::explore(program, o);
        auto before = res.bugs;
        checker::minimize_counterexamples(program, o, res);
        REQUIRE(res.bugs.size() == before.size());
        for (size_t i = 0; i < res.bugs.size(); ++i) {
            INFO(res.bugs[i].message << " seed " << seed);
            CHECK(res.bugs[i].identity == before[i].identity);  // the same bug
            CHECK(res.bugs[i].preemptions <= before[i].preemptions);
            // A race needs no preemption; a lost update needs exactly one.
            if (res.bugs[i].kind() == checker::BugKind::DataRace) CHECK(res.bugs[i].preemptions == 0);
            if (res.bugs[i].kind() == checker::BugKind::LostUpdate) CHECK(res.bugs[i].preemptions == 1);
            improved |= res.bugs[i].preemptions < before[i].preemptions;
            // The new schedule replays the same bug.
            auto again = checker::replay(program, o, res.bugs[i].schedule);
            REQUIRE(again.token_valid);
            bool same = false;
            for (const auto& b : again.bugs) same |= b.kind() == res.bugs[i].kind() && b.message == res.bugs[i].message;
            CHECK(same);
        }
    }
    CHECK(improved);  // some random schedule had more preemptions than needed
}

TEST_CASE("bug identities ignore schedules and step numbers", "[minimize]") {
    checker::FoundBug a, b;
    a.kind = b.kind = checker::BugKind::DataRace;
    a.add(7, 3, 1, 1);
    a.add(9, 5, 2, 0);
    b.add(9, 40, 4, 0);
    b.add(7, 12, 3, 1);
    CHECK(checker::bug_identity(a) == checker::bug_identity(b));
    b.variant = 1;
    CHECK(checker::bug_identity(a) != checker::bug_identity(b));
}
