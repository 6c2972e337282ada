// The SARIF report of every scenario: the shape GitHub code scanning reads (rules per bug
// kind, results with locations, codeFlows with a threadFlow per goroutine, fingerprints
// stable across runs), and Microsoft's SARIF Multitool's verdict with GitHub's rules on.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "checker/result.hpp"
#include "scenario_runs.hpp"

using namespace lockstep;
using namespace lockstep::reports::testing;
using nlohmann::json;

TEST_CASE("the SARIF of every scenario has rules, results, code flows and fingerprints", "[reports][sarif][scenarios]") {
    for (const auto& scenario : all_scenarios()) {
        INFO(scenario);
        json doc = json::parse(scenario_report("sarif", scenario));
        CHECK(doc["version"] == "2.1.0");
        REQUIRE(doc["runs"].size() == 1);
        const json& run = doc["runs"][0];
        const json& rules = run["tool"]["driver"]["rules"];
        REQUIRE(rules.size() == static_cast<size_t>(checker::bug_kind_count));
        for (const auto& r : rules) {
            CHECK_FALSE(r["shortDescription"]["text"].get<std::string>().empty());
            CHECK_FALSE(r["fullDescription"]["text"].get<std::string>().empty());
            CHECK(r["help"]["text"].get<std::string>().rfind("Fix: ", 0) == 0);
            CHECK(checker::bug_kind_from_id(r["id"].get<std::string>()).has_value());
        }
        for (const auto& res : run["results"]) {
            size_t rule = res["ruleIndex"];
            REQUIRE(rule < rules.size());
            CHECK(rules[rule]["id"] == res["ruleId"]);
            CHECK(res["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
            CHECK(res["partialFingerprints"]["lockstepBug/v1"].get<std::string>().size() == 16);
            if (!res.contains("codeFlows")) continue;  // a static finding (copied-lock)
            std::set<std::string> ids;
            std::set<int> orders;
            for (const auto& tf : res["codeFlows"][0]["threadFlows"]) {
                CHECK(ids.insert(tf["id"].get<std::string>()).second);  // one threadFlow per goroutine
                int last = 0;
                for (const auto& loc : tf["locations"]) {
                    int order = loc["executionOrder"];
                    CHECK(order > last);  // in step order within the goroutine
                    CHECK(orders.insert(order).second);  // each step in one goroutine only
                    last = order;
                }
            }
            CHECK_FALSE(ids.empty());
        }
    }
}

TEST_CASE("SARIF fingerprints are stable across runs", "[reports][sarif]") {
    auto prints = [] {
        // Two real runs (scenario_report would reuse the first).
        json doc = json::parse(run_in_source("check --no-progress --all --format sarif scenarios/chapter3/unsafe_counter.go").out);
        std::vector<std::string> out;
        for (const auto& r : doc["runs"][0]["results"]) out.push_back(r["partialFingerprints"]["lockstepBug/v1"]);
        return out;
    };
    auto first = prints();
    CHECK(first.size() >= 2);
    CHECK(first == prints());
    CHECK(std::set<std::string>(first.begin(), first.end()).size() == first.size());  // distinct bugs, distinct prints
}

TEST_CASE("the SARIF Multitool validates every scenario's SARIF with GitHub's rules", "[reports][sarif][scenarios][tools]") {
    std::string dir = lockstep::test_support::temp_dir() + "/sarif";
    std::string files;
    for (const auto& scenario : all_scenarios()) {
        std::string path = lockstep::test_support::write_temp("sarif/" + stem_of(scenario) + ".sarif", scenario_report("sarif", scenario));
        files += " " + lockstep::test_support::shell_quote(path);
    }
    REQUIRE_FALSE(files.empty());
    auto tool = sarif_multitool();
    if (!tool) {
        WARN("SARIF Multitool not found: validation skipped (.ci/run installs it: npm install @microsoft/sarif-multitool into BUILD/tools)");
        return;
    }
    std::string log = dir + "/validation.sarif";
    auto ran = lockstep::test_support::run_captured("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 " + *tool + " validate --rule-kind \"Sarif;Gh\" --level \"Error;Warning\" --output " + lockstep::test_support::shell_quote(log) + files);
    INFO(ran.out << ran.err);
    REQUIRE(ran.code == 0);
    json out = json::parse(lockstep::test_support::read_file(log));
    std::vector<std::string> problems;
    for (const auto& run : out["runs"])
        for (const auto& r : run["results"]) {
            std::string rule = r.value("ruleId", "");
            // SARIF2005 asks for the tool's informationUri: lockstep has no web page to name.
            if (rule == "SARIF2005") continue;
            problems.push_back(rule + ": " + r["message"].dump());
        }
    for (const auto& p : problems) INFO(p);
    CHECK(problems.empty());
}
