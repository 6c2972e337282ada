// The HTML report of every scenario: self-contained, and in headless Chromium it loads
// with no console error and no request beyond the page, shows its lanes and decisive
// marks, shows source lines on click, expands folds, switches themes; a PNG of each.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "scenario_runs.hpp"

using namespace lockstep::reports::testing;
using nlohmann::json;

namespace {
// Decisive steps and bugs with a trace, from the JSON report of the same scenario.
struct Expected {
    size_t bugs = 0, decisive = 0, traced = 0;
};
Expected expected_of(const std::string& scenario) {
    Expected e;
    json doc = json::parse(scenario_report("json", scenario));
    for (const auto& b : doc["scenarios"][0]["bugs"]) {
        ++e.bugs;
        if (!b["trace"].empty()) ++e.traced;
        for (const auto& s : b["trace"]) e.decisive += s.value("decisive", false) ? 1 : 0;
    }
    return e;
}
}  // namespace

TEST_CASE("the HTML of every scenario is self-contained and renders in Chromium", "[reports][html][scenarios][tools]") {
    std::vector<std::string> scenarios = all_scenarios();
    std::vector<std::string> paths;
    for (const auto& scenario : scenarios) {
        std::string html = scenario_report("html", scenario);
        INFO(scenario);
        // Nothing from elsewhere: no external script, style sheet, font or image.
        CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(html.find("<script src") == std::string::npos);
        CHECK(html.find("<link rel=\"stylesheet\"") == std::string::npos);
        CHECK(html.find("@import") == std::string::npos);
        CHECK(html.find("url(") == std::string::npos);
        CHECK(html.find("Content-Security-Policy") != std::string::npos);
        paths.push_back(lockstep::test_support::write_temp("html/" + stem_of(scenario) + ".html", html));
    }
    auto browser = chromium();
    if (!browser) {
        WARN("chromium (or node with WebSocket) not found: the browser checks are skipped (.ci/run installs Debian's chromium)");
        return;
    }
    std::string shots = lockstep::test_support::temp_dir() + "/shots";
    std::filesystem::create_directories(shots);
    std::string cmd = "node --experimental-websocket " + lockstep::test_support::shell_quote(std::string(LOCKSTEP_SOURCE_DIR) + "/tests/reports/tools/html_check.mjs") + " " +
                      lockstep::test_support::shell_quote(*browser) + " " + lockstep::test_support::shell_quote(shots);
    for (const auto& p : paths) cmd += " " + lockstep::test_support::shell_quote(p);
    auto ran = lockstep::test_support::run_captured(cmd);
    INFO(ran.err);
    REQUIRE(ran.code == 0);
    std::vector<json> pages;
    size_t start = 0;
    while (start < ran.out.size()) {
        size_t nl = ran.out.find('\n', start);
        if (nl == std::string::npos) nl = ran.out.size();
        if (nl > start) pages.push_back(json::parse(ran.out.substr(start, nl - start)));
        start = nl + 1;
    }
    REQUIRE(pages.size() == scenarios.size());
    for (size_t i = 0; i < pages.size(); ++i) {
        const json& page = pages[i];
        INFO(scenarios[i] << ": " << page.dump());
        Expected want = expected_of(scenarios[i]);
        CHECK(page["console"].empty());
        CHECK(page["requests"].empty());
        const json& dom = page["dom"];
        CHECK(dom["scenarios"] == 1);
        CHECK(dom["externals"] == 0);
        CHECK(dom["bugs"] == want.bugs);
        CHECK(dom["decisive"] == want.decisive);
        CHECK(dom["lanes"].get<size_t>() >= want.traced);
        CHECK(dom["titled"] == dom["ops"]);        // every step has its source line on hover
        CHECK(dom["expandable"] == true);
        CHECK(dom["themeChanges"] == true);
        if (dom["ops"].get<int>() > 0) CHECK(dom["panel"].get<std::string>().find(".go:") != std::string::npos);
        CHECK(std::filesystem::file_size(page["screenshot"].get<std::string>()) > 1000);
    }
}
