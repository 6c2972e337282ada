// DPOR explores exactly one execution per Mazurkiewicz trace on the locked-counter family:
// (N*K)! / (K!^N) lock orders.
#include <catch2/catch.hpp>

#include "checker/explorer.hpp"
#include "programs.hpp"

using namespace lockstep;

namespace {
uint64_t factorial(uint64_t n) { return n <= 1 ? 1 : n * factorial(n - 1); }
uint64_t expected_orders(uint64_t n, uint64_t k) {
    uint64_t d = 1;
    for (uint64_t i = 0; i < n; ++i) d *= factorial(k);
    return factorial(n * k) / d;
}
}  // namespace

TEST_CASE("dpor explores one execution per lock order of the locked counter", "[dpor]") {
    struct Row {
        int n, k;
    };
    for (Row r : {Row{2, 1}, Row{3, 1}, Row{2, 2}, Row{2, 3}, Row{3, 2}, Row{4, 2}}) {
        INFO("N=" << r.n << " K=" << r.k);
        auto program = test::locked_counter(r.n, r.k);
        checker::Options o;
        o.symmetry = false;
        auto res = checker::explore(program, o);
        CHECK(res.verdict == checker::Verdict::Verified);
        CHECK(res.stats.complete);
        CHECK(res.bugs.empty());
        CHECK(res.stats.executions == expected_orders(r.n, r.k));
        // Optimal means no wasted work either: no execution cut as sleep-set blocked (a
        // Done reaching zero once raced with the Dones before it, two cut runs per trace).
        CHECK(res.stats.sleep_blocked == 0);
        REQUIRE(res.outcomes.size() == 1);
        CHECK(res.outcomes[0] == "count " + std::to_string(r.n * r.k) + "\n");
    }
}

TEST_CASE("the acceptance figures: 90 for 3x2 and 2520 for 4x2", "[dpor]") {
    checker::Options off;
    off.symmetry = false;
    auto p32 = test::locked_counter(3, 2);
    CHECK(checker::explore(p32, off).stats.executions == 90);
    auto p42 = test::locked_counter(4, 2);
    auto r42 = checker::explore(p42, off);
    CHECK(r42.stats.executions == 2520);
    CHECK(r42.verdict == checker::Verdict::Verified);
}

TEST_CASE("with symmetry, one execution per lock order up to renaming the workers", "[dpor][symmetry]") {
    // The scripted workers share one script and start equal: (N*K)!/(K!^N)/N! orbits.
    struct Row {
        int n, k;
    };
    for (Row r : {Row{2, 1}, Row{3, 1}, Row{2, 2}, Row{2, 3}, Row{3, 2}, Row{4, 2}}) {
        INFO("N=" << r.n << " K=" << r.k);
        auto program = test::locked_counter(r.n, r.k);
        auto res = checker::explore(program, {});
        CHECK(res.verdict == checker::Verdict::Verified);
        CHECK(res.stats.complete);
        CHECK(res.bugs.empty());
        CHECK(res.stats.executions == expected_orders(r.n, r.k) / factorial(r.n));
        CHECK(res.stats.sleep_blocked == 0);
        REQUIRE(res.outcomes.size() == 1);
        CHECK(res.outcomes[0] == "count " + std::to_string(r.n * r.k) + "\n");
    }
}
