// Golden files of every format on the chapter's scenarios, rendered by the real binary
// (timings normalized), and the properties the text report keeps on every scenario.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <filesystem>

#include "golden.hpp"
#include "reports/style.hpp"
#include "scenario_runs.hpp"

using namespace lockstep::reports;
using namespace lockstep::reports::testing;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}
}  // namespace

TEST_CASE("each format of the chapter scenarios matches its golden file", "[reports][golden][scenarios]") {
    struct Case {
        const char* scenario;
        std::vector<const char*> formats;
    };
    const std::vector<Case> cases = {
        {"scenarios/chapter3/unsafe_counter.go", {"text", "json", "sarif", "html"}},
        {"scenarios/chapter3/unsafe_counter_1000.go", {"text", "json", "sarif", "html"}},
        {"scenarios/chapter3/forgot_unlock.go", {"text", "json", "sarif", "html"}},
        {"scenarios/chapter3/waitgroup_add_inside.go", {"text", "json", "sarif", "html"}},
        {"scenarios/chapter3/safe_counter.go", {"text", "json", "sarif", "html"}},
    };
    for (const auto& c : cases) {
        for (const char* format : c.formats) {
            std::string ext = std::string(format) == "text" ? "txt" : format;
            std::string name = "scenarios/" + stem_of(c.scenario) + "." + ext;
            INFO(name);
            std::string report = scenario_report(format, c.scenario);
            REQUIRE_FALSE(report.empty());
            CHECK(report == golden(name, report));
        }
    }
}

TEST_CASE("the 1000-goroutine counter's text report fits in 60 lines and shows the lost count", "[reports][text][scenarios]") {
    std::string text = scenario_report("text", "scenarios/chapter3/unsafe_counter_1000.go");
    auto lines = lines_of(text);
    CHECK(lines.size() <= 60);
    CHECK(text.find("Final count: 999") != std::string::npos);
    CHECK(text.find("lost-update on c.value") != std::string::npos);
    // Only the goroutines involved get a lane; the 998 others fold into one line.
    CHECK(text.find("998 goroutines ran main.func1 to completion") != std::string::npos);
    CHECK(text.find("G500 ") == std::string::npos);
    for (const auto& l : lines) CHECK(display_width(l) <= 100);
}

TEST_CASE("no text report line is wider than 100 columns when stdout is not a terminal", "[reports][text][scenarios]") {
    for (const auto& scenario : all_scenarios()) {
        INFO(scenario);
        std::string text = scenario_report("text", scenario);
        REQUIRE_FALSE(text.empty());
        for (const auto& l : lines_of(text)) {
            INFO(l);
            CHECK(display_width(l) <= 100);
        }
    }
    // Nor with --full-trace, where a thousand lanes turn into a list with a goroutine column.
    std::string full = scenario_report("text", "scenarios/chapter3/unsafe_counter_1000.go", "--full-trace");
    CHECK(full.find("G500 ") != std::string::npos);
    for (const auto& l : lines_of(full)) CHECK(display_width(l) <= 100);
}

TEST_CASE("a deadlock lists the lock holder and marks where it took the lock", "[reports][text][scenarios]") {
    std::string text = scenario_report("text", "scenarios/chapter3/forgot_unlock.go");
    CHECK(text.find("(held by goroutine 3)") != std::string::npos);
    CHECK(text.find("goroutine 3 (main.func1) created at forgot_unlock.go:44:3") != std::string::npos);
    CHECK(text.find("Lock mu") != std::string::npos);
    CHECK(text.find("takes the lock and still holds it") != std::string::npos);
}

TEST_CASE("on a terminal no text line is wider than the terminal", "[reports][text][scenarios]") {
    // `script` gives lockstep a pseudo-terminal; COLUMNS sets its width.
    bool have_script = lockstep::test_support::run_captured("command -v script").code == 0;
    CHECK(true);
    if (!have_script) {
        WARN("script(1) not found: the terminal-width check is skipped");
        return;
    }
    for (const char* scenario : {"scenarios/chapter3/unsafe_counter_1000.go", "scenarios/chapter3/waitgroup_add_inside.go",
                                 "scenarios/chapter3/bank_deposit_unsafe.go", "scenarios/chapter3/once_panic.go"}) {
        for (int width : {60, 80}) {
            INFO(scenario << " at " << width << " columns");
            std::string inner = lockstep::test_support::shell_quote(LOCKSTEP_BINARY) + " check --no-progress --color never " + scenario;
            auto ran = run_in_source("--version >/dev/null && COLUMNS=" + std::to_string(width) + " script -qec " +
                                     lockstep::test_support::shell_quote(inner) + " /dev/null");
            std::string text;
            for (char c : ran.out)
                if (c != '\r') text += c;
            REQUIRE(text.find("expected") != std::string::npos);
            for (const auto& l : lines_of(text)) {
                INFO(l);
                CHECK(display_width(l) <= static_cast<size_t>(width));
            }
        }
    }
}

TEST_CASE("every finding of every scenario and bug kernel has a source line", "[reports][json][scenarios]") {
    std::vector<std::string> files = all_scenarios();
    namespace fs = std::filesystem;
    for (const auto& e : fs::directory_iterator(fs::path(LOCKSTEP_SOURCE_DIR) / "tests/scenarios/kernels"))
        if (e.path().extension() == ".go") files.push_back(fs::relative(e.path(), LOCKSTEP_SOURCE_DIR).string());
    std::sort(files.begin(), files.end());
    size_t bugs = 0;
    for (const auto& file : files) {
        INFO(file);
        std::string out = scenario_report("json", file);
        REQUIRE_FALSE(out.empty());
        auto doc = nlohmann::json::parse(out);
        for (const auto& s : doc["scenarios"])
            for (const auto& b : s["bugs"]) {
                INFO(b["kind"].get<std::string>() << ": " << b["message"].get<std::string>());
                ++bugs;
                CHECK(b["location"]["line"].get<int>() > 0);
            }
    }
    CHECK(bugs > 40);
}
