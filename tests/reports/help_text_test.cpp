// The help line fits the cause the bug's own trace shows, and only then.
#include <catch2/catch.hpp>

#include "scenario_runs.hpp"

using namespace lockstep::reports::testing;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("a lazy initialization checked and set unguarded gets the sync.Once help", "[reports][help]") {
    std::string text = scenario_report("text", "tests/reports/programs/lazy_init.go");
    CHECK(has(text, "data-race on cfg"));
    CHECK(has(text, "sync.Once"));
    CHECK_FALSE(has(text, "or use\n        sync/atomic"));
}

TEST_CASE("a counter increment is no lazy initialization", "[reports][help]") {
    std::string text = scenario_report("text", "scenarios/chapter3/unsafe_counter.go");
    CHECK(has(text, "lost-update"));
    CHECK_FALSE(has(text, "sync.Once"));
}

TEST_CASE("a WaitGroup passed by value gets the *sync.WaitGroup help", "[reports][help]") {
    std::string text = scenario_report("text", "tests/reports/programs/waitgroup_by_value.go");
    CHECK(has(text, "warning[copied-lock]"));
    CHECK(has(text, "pass the WaitGroup by pointer (*sync.WaitGroup)"));
    // The copy's Done goes below zero: no Add ever reached that WaitGroup.
    CHECK(has(text, "no Add ever reached this WaitGroup"));
    CHECK(has(text, "help: no Add reached the WaitGroup this Done calls: if it was passed by value"));
    // One Done too many on the WaitGroup the Adds went to keeps the general help.
    std::string twice = scenario_report("text", "tests/scenarios/wg_double_done.go");
    CHECK(has(twice, "negative-waitgroup"));
    CHECK_FALSE(has(twice, "no Add ever reached"));
    CHECK(has(twice, "call Done exactly once per Add"));
    // A mutex copied by value keeps the general help.
    std::string mutex = scenario_report("text", "scenarios/chapter3/copy_mutex.go");
    CHECK(has(mutex, "pass values containing locks by pointer"));
    CHECK_FALSE(has(mutex, "*sync.WaitGroup"));
}

TEST_CASE("a Pool whose New runs again after a Put: the Get is marked, the help says a Pool is a cache", "[reports][help]") {
    std::string text = scenario_report("text", "scenarios/chapter3/pool_example.go");
    CHECK(has(text, "New runs again"));
    CHECK(has(text, "a sync.Pool is a cache, not a guarantee"));
    std::string html = scenario_report("html", "scenarios/chapter3/pool_example.go");
    CHECK(has(html, "a sync.Pool is a cache, not a guarantee"));
}

TEST_CASE("a WaitGroup Add after Wait returned does not quote a panic Go does not print", "[reports][headline]") {
    std::string text = scenario_report("text", "scenarios/chapter3/waitgroup_add_inside.go");
    CHECK(has(text, "waitgroup-misuse on wg: Add from zero after Wait returned"));
    CHECK_FALSE(has(text, "panic:"));
}
