// The JSON report: SPEC §5's shape (keys, types, nulls), golden documents, and that the
// output parses back.
#include <catch2/catch.hpp>

#include "golden.hpp"
#include "reports/json_report.hpp"
#include "sample_results.hpp"

using namespace lockstep;
using namespace lockstep::reports;
using namespace lockstep::reports::testing;
using nlohmann::json;

namespace {
std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    return keys;
}
}  // namespace

TEST_CASE("JSON report matches its golden file", "[reports][json]") {
    std::string doc = render_json({lost_update_result(), deadlock_result(), verified_result(), bounded_result()}, {}, "0.0.0-test");
    CHECK(doc == golden("report.json", doc));
    CHECK_NOTHROW(json::parse(doc));
}

TEST_CASE("JSON report has SPEC section 5's keys in order", "[reports][json]") {
    auto doc = report_to_json({lost_update_result()}, {}, "9.9.9");
    CHECK(keys_of(doc) == std::vector<std::string>{"tool", "scenarios"});
    CHECK(doc["tool"]["name"] == "lockstep");
    CHECK(doc["tool"]["version"] == "9.9.9");
    const auto& s = doc["scenarios"][0];
    CHECK(keys_of(s) == std::vector<std::string>{"file", "entry", "verdict", "stats", "bugs", "outcomes", "expected"});
    CHECK(s["verdict"] == "bug");
    CHECK(keys_of(s["stats"]) == std::vector<std::string>{"strategy", "executions", "steps", "seconds", "complete", "bound"});
    CHECK(s["stats"]["bound"].is_null());
    CHECK(s["stats"]["executions"] == 2);
    const auto& bug = s["bugs"][0];
    CHECK(keys_of(bug) == std::vector<std::string>{"kind", "severity", "message", "location", "goroutines", "schedule", "preemptions", "output", "trace_steps", "trace", "lanes", "folded"});
    CHECK(bug["kind"] == "lost-update");
    CHECK(bug["severity"] == "error");
    CHECK(keys_of(bug["location"]) == std::vector<std::string>{"file", "line", "column"});
    CHECK(bug["location"]["line"] == 23);
    CHECK(bug["goroutines"][0]["created_at"].is_null());
    CHECK(bug["goroutines"][1]["created_at"]["line"] == 36);
    CHECK(keys_of(bug["goroutines"][1]) == std::vector<std::string>{"id", "name", "created_at"});
    const auto& step = bug["trace"][1];
    CHECK(keys_of(step) == std::vector<std::string>{"step", "goroutine", "op", "object", "location", "source", "value"});
    CHECK(step["op"] == "go");
    CHECK(step["object"].is_null());
    CHECK(step["value"].is_null());
    CHECK(bug["trace"][4]["value"] == "0");
    CHECK(s["expected"]["kinds"] == json::array({"data-race", "lost-update"}));
    CHECK(s["expected"]["met"] == true);
    CHECK(s["outcomes"].size() == 2);
}

TEST_CASE("JSON verdicts and bounds", "[reports][json]") {
    auto doc = report_to_json({verified_result(), bounded_result()});
    CHECK(doc["tool"]["version"] == LOCKSTEP_VERSION);
    CHECK(doc["scenarios"][0]["verdict"] == "verified");
    CHECK(doc["scenarios"][0]["stats"]["complete"] == true);
    CHECK(doc["scenarios"][0]["bugs"].empty());
    CHECK(doc["scenarios"][0]["expected"]["kinds"].empty());
    CHECK(doc["scenarios"][1]["verdict"] == "bounded");
    CHECK(doc["scenarios"][1]["stats"]["bound"] == "time-budget");
    CHECK(doc["scenarios"][1]["expected"].is_null());
    CHECK_FALSE(doc["scenarios"][1].contains("error"));
    checker::ScenarioResult err;
    err.file = "bad.go";
    err.verdict = checker::Verdict::Error;
    err.error = "bad.go:1:1: expected 'package'";
    auto e = report_to_json({err});
    CHECK(e["scenarios"][0]["verdict"] == "error");
    CHECK(e["scenarios"][0]["error"] == "bad.go:1:1: expected 'package'");
}
