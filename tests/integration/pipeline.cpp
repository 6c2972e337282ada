// The integration tests' helpers: the in-process pipeline, the binary, temporary files,
// the locked-counter generator and report normalization.
#include "pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>

#include "lang/diagnostic.hpp"

namespace lockstep::integration {

namespace fs = std::filesystem;

Scenario load(const std::string& path) {
    Scenario s;
    s.path = path;
    s.loaded = std::make_unique<cli::LoadedScenario>();
    try {
        cli::load_scenario(path, *s.loaded);
    } catch (const lang::DiagnosticError& e) {
        std::string text;
        for (const auto& d : e.diagnostics()) text += d.render() + "\n";
        FAIL("front end rejected " << path << ":\n" << text);
    }
    return s;
}

cli::Settings settings(cli::StrategyName strategy) {
    cli::Settings s;
    s.strategy = strategy;
    s.progress = false;
    s.color = cli::ColorMode::Never;
    return s;
}

checker::ScenarioResult explore(const Scenario& scenario, const cli::Settings& settings) {
    return cli::explore_entry(*scenario, scenario->entries.front(), settings, {});
}

cli::SingleRun replay(const Scenario& scenario, const std::string& token) {
    return cli::run_entry(*scenario, scenario->entries.front(), settings(), &token);
}

std::set<std::string> kind_ids(const std::vector<checker::Bug>& bugs) {
    std::set<std::string> ids;
    for (const auto& b : bugs) ids.insert(std::string(checker::bug_kind_id(b.kind())));
    return ids;
}

std::vector<std::string> scenario_files() {
    std::vector<std::string> files;
    for (const char* dir : {"scenarios", "tests/scenarios"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / dir;
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".go") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string relative(const std::string& path) { return fs::relative(path, LOCKSTEP_SOURCE_DIR).string(); }

std::string source_path(const std::string& relative_path) { return (fs::path(LOCKSTEP_SOURCE_DIR) / relative_path).string(); }

Ran run_lockstep(const std::string& args) {
    return test_support::run_captured("NO_COLOR=1 " + shell_quote(LOCKSTEP_BINARY) + " " + args);
}

std::string without_timings(const std::string& report) {
    static const std::regex json_seconds(R"("seconds": [0-9.eE+-]+)");
    static const std::regex text_seconds(R"(\b[0-9]+\.[0-9]{2}s\b)");
    std::string out = std::regex_replace(report, json_seconds, "\"seconds\": T");
    return std::regex_replace(out, text_seconds, "Ts");
}

}  // namespace lockstep::integration
