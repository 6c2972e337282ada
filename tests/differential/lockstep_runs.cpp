// Runs the lockstep binary under test as a user would and parses its JSON report.
#include "lockstep_runs.hpp"

#include <fstream>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "go_runs.hpp"
#include "outcome.hpp"

namespace lockstep::differential {

namespace {

// The explorer keeps at most this many distinct outcomes (checker::Options::max_outcomes).
constexpr size_t k_kept_outcomes = 64;

}  // namespace

bool LockstepResult::has_kind(const std::string& kind) const {
    for (const auto& k : kinds)
        if (k == kind) return true;
    return false;
}

std::string lockstep_check_command(const std::string& path, int time_budget_seconds) {
    return shell_quote(LOCKSTEP_BINARY) + " check --format json --all --strategy dpor --no-progress --color never" +
           " --time-budget " + std::to_string(time_budget_seconds) + "s " + shell_quote(path);
}

LockstepResult check_with_lockstep(const std::string& path, int time_budget_seconds) {
    // A hard stop well past the budget: a lockstep that ignores its own budget is a failure,
    // not a hung test suite.
    test_support::Captured ran = test_support::run_captured("timeout -k 5 " + std::to_string(time_budget_seconds + 15) +
                                                            " " + lockstep_check_command(path, time_budget_seconds));
    LockstepResult r;
    r.exit_code = ran.code;
    r.stderr_text = ran.err;
    try {
        auto doc = nlohmann::json::parse(ran.out);
        const auto& s = doc.at("scenarios").at(0);
        r.verdict = s.at("verdict").get<std::string>();
        const auto& stats = s.at("stats");
        r.complete = stats.at("complete").get<bool>();
        if (!stats.at("bound").is_null()) r.bound = stats.at("bound").get<std::string>();
        for (const auto& b : s.at("bugs")) r.kinds.push_back(b.at("kind").get<std::string>());
        for (const auto& o : s.at("outcomes")) r.outcomes.push_back(normalize_outcome(o.get<std::string>()));
        r.outcomes_capped = r.outcomes.size() >= k_kept_outcomes;
    } catch (const std::exception& e) {
        r.parse_error = e.what();
    }
    return r;
}

bool lockstep_admits(const std::string& path, const std::string& output, int time_budget_seconds) {
    auto file = std::filesystem::temp_directory_path() / ("lockstep_outcome_" + std::to_string(std::hash<std::string>{}(path + output)) + ".txt");
    {
        std::ofstream out(file, std::ios::binary);
        out << output;
    }
    test_support::Captured ran = test_support::run_captured(
        "timeout -k 5 " + std::to_string(time_budget_seconds + 15) + " " + shell_quote(LOCKSTEP_BINARY) +
        " check --all --strategy dpor --no-progress --color never --time-budget " + std::to_string(time_budget_seconds) + "s --outcome " +
        shell_quote(file.string()) + " " + shell_quote(path));
    std::filesystem::remove(file);
    return ran.err.find(": possible for ") != std::string::npos;
}

}  // namespace lockstep::differential
