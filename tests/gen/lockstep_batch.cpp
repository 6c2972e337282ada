#include "lockstep_batch.hpp"

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/differential/outcome.hpp"
#include "tests/support/process.hpp"

namespace lockstep::gen_test {

namespace {

constexpr size_t k_kept_outcomes = 64;  // checker::Options::max_outcomes

BatchResult parse_scenario(const nlohmann::json& s) {
    BatchResult b;
    LockstepResult& r = b.result;
    r.verdict = s.at("verdict").get<std::string>();
    const auto& stats = s.at("stats");
    r.complete = stats.at("complete").get<bool>();
    b.executions = stats.at("executions").get<long>();
    if (!stats.at("bound").is_null()) r.bound = stats.at("bound").get<std::string>();
    if (s.contains("bugs"))
        for (const auto& bug : s.at("bugs")) r.kinds.push_back(bug.at("kind").get<std::string>());
    for (const auto& o : s.at("outcomes")) r.outcomes.push_back(differential::normalize_outcome(o.get<std::string>()));
    r.outcomes_capped = r.outcomes.size() >= k_kept_outcomes;
    if (s.contains("error") && s.at("error").is_string()) b.error = s.at("error").get<std::string>();
    return b;
}

}  // namespace

std::string naive_flags() { return "--strategy naive --executions 50000 --time-budget 20s"; }
std::string dpor_flags() { return "--strategy dpor --time-budget 20s"; }

std::string check_command(const std::string& flags, const std::vector<std::string>& files) {
    std::string cmd = test_support::shell_quote(LOCKSTEP_BINARY) + " check --format json --all --no-progress --color never " + flags;
    for (const auto& f : files) cmd += " " + test_support::shell_quote(f);
    return cmd;
}

namespace {

std::map<std::string, BatchResult> parse_batch(const std::vector<std::string>& files, const std::string& flags,
                                               int hard_timeout_seconds, const test_support::Captured& ran);

std::string timed(const std::vector<std::string>& files, const std::string& flags, int hard_timeout_seconds) {
    return "timeout -k 5 " + std::to_string(hard_timeout_seconds) + " " + check_command(flags, files);
}

}  // namespace

std::map<std::string, BatchResult> check_batches(const std::vector<std::vector<std::string>>& chunks,
                                                 const std::string& flags, int hard_timeout_seconds) {
    std::map<std::string, BatchResult> out;
    for (size_t i = 0; i < chunks.size(); i += 2) {
        if (i + 1 == chunks.size()) {
            for (auto& [k, v] : check_batch(chunks[i], flags, hard_timeout_seconds)) out[k] = v;
            break;
        }
        // Two processes at once; each one's output, error and status into its own files.
        std::string base = test_support::next_capture_base();
        std::string script;
        for (int k = 0; k < 2; ++k) {
            std::string b = base + "-" + std::to_string(k);
            script += "( " + timed(chunks[i + k], flags, hard_timeout_seconds) + " </dev/null >" +
                      test_support::shell_quote(b + ".out") + " 2>" + test_support::shell_quote(b + ".err") +
                      "; echo $? >" + test_support::shell_quote(b + ".rc") + " ) & ";
        }
        test_support::run_shell(script + "wait");
        for (int k = 0; k < 2; ++k) {
            std::string b = base + "-" + std::to_string(k);
            test_support::Captured ran;
            ran.out = test_support::read_file(b + ".out");
            ran.err = test_support::read_file(b + ".err");
            ran.code = std::atoi(test_support::read_file(b + ".rc").c_str());
            for (auto& [key, v] : parse_batch(chunks[i + k], flags, hard_timeout_seconds, ran)) out[key] = v;
            for (const char* ext : {".out", ".err", ".rc"}) std::filesystem::remove(b + ext);
        }
    }
    return out;
}

std::map<std::string, BatchResult> check_batch(const std::vector<std::string>& files, const std::string& flags,
                                               int hard_timeout_seconds) {
    return parse_batch(files, flags, hard_timeout_seconds,
                       test_support::run_captured(timed(files, flags, hard_timeout_seconds)));
}

namespace {

std::map<std::string, BatchResult> parse_batch(const std::vector<std::string>& files, const std::string& flags,
                                               int hard_timeout_seconds, const test_support::Captured& ran) {
    std::map<std::string, BatchResult> out;
    bool parsed = false;
    if (ran.code != 3 && ran.code < 124) {
        try {
            auto doc = nlohmann::json::parse(ran.out);
            for (const auto& s : doc.at("scenarios")) {
                BatchResult b = parse_scenario(s);
                b.result.exit_code = ran.code;
                out[s.at("file").get<std::string>()] = b;
            }
            parsed = out.size() == files.size();
        } catch (const std::exception&) {
        }
    }
    if (parsed) return out;
    out.clear();
    if (files.size() == 1) {
        BatchResult b;
        b.result.exit_code = ran.code;
        b.result.stderr_text = ran.err;
        b.result.parse_error = "no JSON report (exit " + std::to_string(ran.code) + ")";
        out[files[0]] = b;
        return out;
    }
    for (const auto& f : files) {
        auto one = check_batch({f}, flags, hard_timeout_seconds);
        out[f] = one[f];
    }
    return out;
}

}  // namespace

}  // namespace lockstep::gen_test
