// Runs of the lockstep binary on the scenarios, and finding the external tools.
#include "scenario_runs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>

#include <unistd.h>

namespace lockstep::reports::testing {

namespace fs = std::filesystem;
using test_support::shell_quote;

test_support::Captured run_in_source(const std::string& args) {
    return test_support::run_captured("cd " + shell_quote(LOCKSTEP_SOURCE_DIR) + " && " + shell_quote(LOCKSTEP_BINARY) + " " + args);
}

std::string normalize_timings(std::string text) {
    text = std::regex_replace(text, std::regex(R"((\d+)\.(\d\d)s\b)"), "Ts");
    text = std::regex_replace(text, std::regex(R"("seconds": [0-9.e-]+)"), "\"seconds\": 0");
    return text;
}

std::string scenario_report(const std::string& format, const std::string& scenario, const std::string& extra) {
    // Reports are deterministic: each (format, scenario, flags) is made once per test run.
    static std::map<std::string, std::string> made;
    std::string args = "check --no-progress --color never --format " + format + " " + extra + " " + shell_quote(scenario);
    auto it = made.find(args);
    if (it != made.end()) return it->second;
    std::string out = normalize_timings(run_in_source(args).out);
    made.emplace(args, out);
    return out;
}

std::vector<std::string> all_scenarios() {
    std::vector<std::string> out;
    fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / "scenarios";
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".go") out.push_back(fs::relative(e.path(), LOCKSTEP_SOURCE_DIR).string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string stem_of(const std::string& scenario) { return fs::path(scenario).stem().string(); }

namespace {
bool executable(const fs::path& p) { return !p.empty() && ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p); }

std::optional<std::string> on_path(const std::string& name) {
    auto ran = test_support::run_captured("command -v " + name);
    if (ran.code != 0 || ran.out.empty()) return std::nullopt;
    std::string p = ran.out.substr(0, ran.out.find('\n'));
    return p;
}
}  // namespace

std::optional<std::string> sarif_multitool() {
    if (const char* env = std::getenv("LOCKSTEP_SARIF_MULTITOOL"); env && *env) return std::string(env);
    fs::path tools = fs::path(LOCKSTEP_BINARY).parent_path() / "tools" / "node_modules";
    for (fs::path p : {tools / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool", tools / ".bin" / "sarif-multitool"})
        if (executable(p)) return shell_quote(p.string());
    if (auto p = on_path("sarif-multitool")) return shell_quote(*p);
    return std::nullopt;
}

std::optional<std::string> chromium() {
    auto node_ok = test_support::run_captured("node --experimental-websocket -e \"process.exit(typeof WebSocket === 'function' ? 0 : 1)\"");
    if (node_ok.code != 0) return std::nullopt;
    if (const char* env = std::getenv("LOCKSTEP_CHROMIUM"); env && *env) return std::string(env);
    for (const char* name : {"chromium", "chromium-browser"})
        if (auto p = on_path(name)) return *p;
    return std::nullopt;
}

}  // namespace lockstep::reports::testing
