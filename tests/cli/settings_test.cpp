// Command-line settings and durations: what is accepted, and the usage errors for absurd values.
#include <catch2/catch.hpp>

#include "cli/driver/duration.hpp"
#include "cli/driver/settings.hpp"

using namespace lockstep::cli;

namespace {
double seconds(std::string_view text) {
    auto d = parse_duration(text);
    REQUIRE(std::holds_alternative<double>(d));
    return std::get<double>(d);
}
std::string duration_error(std::string_view text) {
    auto d = parse_duration(text);
    REQUIRE(std::holds_alternative<std::string>(d));
    return std::get<std::string>(d);
}
std::string settings_error(RawFlags raw) {
    auto s = make_settings(raw);
    REQUIRE(std::holds_alternative<std::string>(s));
    return std::get<std::string>(s);
}
Settings settings_ok(RawFlags raw) {
    auto s = make_settings(raw);
    if (auto* e = std::get_if<std::string>(&s)) FAIL(*e);
    return std::get<Settings>(s);
}
}  // namespace

TEST_CASE("durations are written as Go writes them", "[cli][duration]") {
    CHECK(seconds("30s") == Approx(30));
    CHECK(seconds("2m") == Approx(120));
    CHECK(seconds("500ms") == Approx(0.5));
    CHECK(seconds("1h") == Approx(3600));
    CHECK(seconds("1m30s") == Approx(90));
    CHECK(seconds("1.5s") == Approx(1.5));
    CHECK(seconds("250us") == Approx(0.00025));
}

TEST_CASE("malformed durations are errors that show examples", "[cli][duration]") {
    CHECK(duration_error("30").find("missing unit") != std::string::npos);
    CHECK(duration_error("abc").find("expected a number") != std::string::npos);
    CHECK(duration_error("10x").find("unknown unit \"x\"") != std::string::npos);
    CHECK(duration_error("-5s").find("must be positive") != std::string::npos);
    CHECK(duration_error("0s").find("must be positive") != std::string::npos);
    CHECK(duration_error("").find("empty") != std::string::npos);
    CHECK(duration_error("1..5s").find("malformed") != std::string::npos);
}

TEST_CASE("defaults follow SPEC section 3", "[cli][settings]") {
    Settings s = settings_ok(RawFlags{});
    CHECK(s.strategy == StrategyName::Dpor);
    CHECK_FALSE(s.executions);
    CHECK(s.time_budget_seconds == 60);
    CHECK_FALSE(s.preemptions);
    CHECK(s.max_steps == 100000);
    CHECK(s.seed == 1);
    CHECK(s.pct_depth == 3);
    CHECK(s.jobs == 1);
    CHECK(s.format == ReportFormat::Text);
    CHECK(s.color == ColorMode::Auto);
    CHECK(s.progress);
    CHECK_FALSE(s.quiet);
}

TEST_CASE("every check flag is parsed", "[cli][settings]") {
    RawFlags raw;
    raw.strategy = "pct";
    raw.executions = "500";
    raw.time_budget = "2m";
    raw.preemptions = "0";
    raw.max_steps = "2000";
    raw.seed = "42";
    raw.pct_depth = "2";
    raw.all = true;
    raw.format = "json";
    raw.output = "out.json";
    raw.color = "never";
    raw.quiet = true;
    Settings s = settings_ok(raw);
    CHECK(s.strategy == StrategyName::Pct);
    CHECK(s.executions == 500u);
    CHECK(s.time_budget_seconds == Approx(120));
    CHECK(s.preemptions == 0u);
    CHECK(s.max_steps == 2000);
    CHECK(s.seed == 42);
    CHECK(s.pct_depth == 2);
    CHECK(s.all);
    CHECK(s.format == ReportFormat::Json);
    CHECK(s.output == "out.json");
    CHECK(s.color == ColorMode::Never);
    CHECK(s.quiet);
    CHECK_FALSE(s.progress);  // -q implies no progress
}

TEST_CASE("absurd values are usage errors naming the flag", "[cli][settings]") {
    auto with = [](auto setter) {
        RawFlags raw;
        setter(raw);
        return settings_error(raw);
    };
    CHECK(with([](RawFlags& r) { r.strategy = "bfs"; }) == "unknown strategy \"bfs\" (--strategy dpor|random|pct|naive)");
    CHECK(with([](RawFlags& r) { r.executions = "0"; }) == "--executions must be a positive integer, not \"0\"");
    CHECK(with([](RawFlags& r) { r.executions = "-5"; }) == "--executions must be a positive integer, not \"-5\"");
    CHECK(with([](RawFlags& r) { r.executions = "ten"; }).find("--executions") == 0);
    CHECK(with([](RawFlags& r) { r.executions = "99999999999999999999999"; }).find("--executions") == 0);
    CHECK(with([](RawFlags& r) { r.time_budget = "soon"; }).find("--time-budget: invalid duration \"soon\"") == 0);
    CHECK(with([](RawFlags& r) { r.preemptions = "-1"; }).find("--preemptions") == 0);
    CHECK(with([](RawFlags& r) { r.max_steps = "0"; }).find("--max-steps") == 0);
    CHECK(with([](RawFlags& r) { r.seed = "x"; }).find("--seed") == 0);
    CHECK(with([](RawFlags& r) { r.pct_depth = "0"; }).find("--pct-depth") == 0);
    CHECK(with([](RawFlags& r) { r.pct_depth = "1000"; }).find("too deep") != std::string::npos);
    CHECK(with([](RawFlags& r) { r.jobs = "0"; }).find("--jobs") == 0);
    CHECK(with([](RawFlags& r) { r.shard = "2/2"; }).find("--shard must be i/n") == 0);
    CHECK(with([](RawFlags& r) { r.shard = "1"; }).find("--shard must be i/n") == 0);
    CHECK(with([](RawFlags& r) { r.shard = "-1/2"; }).find("--shard must be i/n") == 0);
    CHECK(with([](RawFlags& r) { r.jobs = "2"; r.strategy = "pct"; }).find("--jobs splits an exhaustive search") == 0);
    {
        RawFlags raw;
        raw.shard = "1/3";
        auto s = std::get<Settings>(make_settings(raw));
        CHECK(s.sharded);
        CHECK(s.split);
        CHECK(s.shard_index == 1);
        CHECK(s.shard_count == 3);
        CHECK(s.jobs == 1);
        CHECK_FALSE(std::get<Settings>(make_settings(RawFlags{})).split);
        RawFlags four;
        four.jobs = "4";
        auto j = std::get<Settings>(make_settings(four));
        CHECK(j.jobs == 4);
        CHECK(j.split);
        CHECK_FALSE(j.sharded);
    }
    CHECK(with([](RawFlags& r) { r.time = "strict"; }).find("--time strict is not supported yet") == 0);
    CHECK(with([](RawFlags& r) { r.time = "fast"; }).find("unknown --time") == 0);
    CHECK(with([](RawFlags& r) { r.format = "xml"; }).find("unknown --format") == 0);
    for (const char* f : {"sarif", "html"}) {
        RawFlags raw;
        raw.format = f;
        CHECK(std::holds_alternative<Settings>(make_settings(raw)));
    }
    CHECK(with([](RawFlags& r) { r.color = "sometimes"; }).find("unknown --color") == 0);
}
