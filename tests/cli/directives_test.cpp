// //lockstep:expect and //lockstep:bound: validation at the directive's position, and the
// exact-set matching of expected against found kinds.
#include <catch2/catch.hpp>

#include "cli/driver/directives.hpp"
#include "lang/diagnostic.hpp"

using namespace lockstep;
using namespace lockstep::cli;
using checker::BugKind;

namespace {
struct FileWith {
    lang::SourceFile source{"x.go", "package main\n//lockstep:expect data-race\n"};
    lang::File file;
    explicit FileWith(std::vector<lang::Directive> ds) {
        file.source = &source;
        file.directives = std::move(ds);
    }
};
lang::Directive directive(std::string name, std::vector<std::string> args) {
    return lang::Directive{std::move(name), std::move(args), lang::Pos{2, 1}};
}
std::string error_of(std::vector<lang::Directive> ds) {
    FileWith f(std::move(ds));
    try {
        read_directives(f.file);
    } catch (const lang::DiagnosticError& e) {
        return e.diagnostics().front().headline();
    }
    FAIL("no diagnostic");
    return "";
}
checker::Bug bug(BugKind k) {
    checker::Bug b;
    b.kind_index = static_cast<uint32_t>(k);
    return b;
}
}  // namespace

TEST_CASE("expect lists bug kinds, deduplicated", "[cli][directives]") {
    FileWith f({directive("expect", {"data-race", "lost-update", "data-race"})});
    auto d = read_directives(f.file);
    REQUIRE(d.expected);
    CHECK(*d.expected == std::vector<BugKind>{BugKind::DataRace, BugKind::LostUpdate});
}

TEST_CASE("expect none is the empty set; no expect line is no expectation", "[cli][directives]") {
    FileWith none({directive("expect", {"none"})});
    auto d = read_directives(none.file);
    REQUIRE(d.expected);
    CHECK(d.expected->empty());
    FileWith nothing({});
    CHECK_FALSE(read_directives(nothing.file).expected);
}

TEST_CASE("bad directives are diagnostics at their position", "[cli][directives]") {
    CHECK(error_of({directive("expect", {"data-rcae"})}).find("x.go:2:1: unknown bug kind \"data-rcae\" in //lockstep:expect") == 0);
    CHECK(error_of({directive("expect", {})}) == "x.go:2:1: //lockstep:expect needs bug kinds or `none`");
    CHECK(error_of({directive("expect", {"none", "deadlock"})}).find("cannot be combined") != std::string::npos);
    CHECK(error_of({directive("expect", {"deadlock"}), directive("expect", {"panic"})}).find("duplicate") != std::string::npos);
    CHECK(error_of({directive("expct", {"deadlock"})}) == "x.go:2:1: unknown directive //lockstep:expct (known: expect, bound)");
    CHECK(error_of({directive("bound", {"executions=0"})}) == "x.go:2:1: bound executions must be a positive integer, not \"0\"");
    CHECK(error_of({directive("bound", {"executions"})}).find("malformed bound") != std::string::npos);
    CHECK(error_of({directive("bound", {"speed=3"})}).find("unknown bound \"speed\"") != std::string::npos);
    CHECK(error_of({directive("bound", {"time-budget=3"})}).find("missing unit") != std::string::npos);
}

TEST_CASE("bound overrides are read", "[cli][directives]") {
    FileWith f({directive("bound", {"executions=1000", "max-steps=500", "preemptions=0", "goroutines=8", "time-budget=5s"})});
    auto d = read_directives(f.file);
    CHECK(d.executions == 1000u);
    CHECK(d.max_steps == 500u);
    CHECK(d.preemptions == 0u);
    CHECK(d.goroutines == 8u);
    CHECK(d.time_budget_seconds == Approx(5));
}

TEST_CASE("expectations match the distinct found kinds exactly", "[cli][directives]") {
    std::vector<BugKind> race_and_lost{BugKind::DataRace, BugKind::LostUpdate};
    CHECK(expectation_met(race_and_lost, {bug(BugKind::LostUpdate), bug(BugKind::DataRace), bug(BugKind::DataRace)}));
    CHECK_FALSE(expectation_met(race_and_lost, {bug(BugKind::DataRace)}));
    CHECK_FALSE(expectation_met(race_and_lost, {bug(BugKind::DataRace), bug(BugKind::LostUpdate), bug(BugKind::Deadlock)}));
    CHECK(expectation_met({}, {}));
    CHECK_FALSE(expectation_met({}, {bug(BugKind::LockHeldBlocking)}));  // notes count too
    CHECK(kind_ids(race_and_lost) == std::vector<std::string>{"data-race", "lost-update"});
}
