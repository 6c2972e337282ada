// Traces show what the user wrote, never the VM's internal names or state.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "scenario_runs.hpp"

using namespace lockstep::reports::testing;

TEST_CASE("range loop reads are named as written and sync state is not shown", "[reports][trace]") {
    std::string out = scenario_report("json", "tests/reports/programs/trace_names.go", "--full-trace");
    nlohmann::json report = nlohmann::json::parse(out);
    bool keyed = false, unkeyed = false, wg_read = false;
    for (const auto& scenario : report["scenarios"])
        for (const auto& bug : scenario["bugs"])
            for (const auto& step : bug["trace"]) {
                std::string object = step.value("object", nlohmann::json()).is_string() ? step["object"].get<std::string>() : "";
                std::string value = step.value("value", nlohmann::json()).is_string() ? step["value"].get<std::string>() : "";
                CHECK(object.find("{...}") == std::string::npos);
                CHECK(value.find('{') == std::string::npos);
                keyed |= object == "xs[i]";
                unkeyed |= object == "xs[…]";
                // show(wg) copies the WaitGroup: a `copy` step (docs/semantics.md), no value.
                if (object == "wg" && step["op"] == "copy") {
                    wg_read = true;
                    CHECK(value.empty());
                }
            }
    CHECK(keyed);
    CHECK(unkeyed);
    CHECK(wg_read);
}

TEST_CASE("a range over a literal shows no internal expression", "[reports][trace]") {
    std::string text = scenario_report("text", "scenarios/chapter3/forgot_unlock.go");
    CHECK(text.find("{...}") == std::string::npos);
    CHECK(text.find("[i]") == std::string::npos);
    CHECK(text.find("read = deposit") != std::string::npos);
}
