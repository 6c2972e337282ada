// Differential testing against real Go: every scenario is run under Go 1.19 (plain and
// -race, GOMAXPROCS 1, 2, 4) and under lockstep's exhaustive search, and what Go showed
// must be among what lockstep found — every outcome, every race, every crash's kind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "expected_output.hpp"
#include "go_runs.hpp"
#include "known_issues.hpp"
#include "lockstep_runs.hpp"
#include "outcome.hpp"

using namespace lockstep::differential;
namespace fs = std::filesystem;

namespace {

// Where Go's builds are cached: next to the lockstep binary, in the build tree.
std::string cache_dir() { return (fs::path(LOCKSTEP_BINARY).parent_path() / "differential-cache").string(); }

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

std::string relative(const std::string& path) { return fs::relative(path, LOCKSTEP_SOURCE_DIR).string(); }

const KnownIssue* known_issue(const std::string& path) {
    for (const auto& k : k_known_issues)
        if (relative(path) == k.file) return &k;
    return nullptr;
}

// Every main-package scenario of the suite (test files have no main to run), with or
// without the known issues. LOCKSTEP_DIFF_FILTER=substring narrows the list.
std::vector<std::string> scenario_files(bool known_issues) {
    std::vector<std::string> files;
    const char* filter = std::getenv("LOCKSTEP_DIFF_FILTER");
    for (const char* dir : {"scenarios", "tests/scenarios", "tests/lang/testdata"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / dir;
        if (!fs::exists(root)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            std::string p = e.path().string();
            if (!e.is_regular_file() || e.path().extension() != ".go") continue;
            if (p.size() >= 8 && p.compare(p.size() - 8, 8, "_test.go") == 0) continue;
            if (filter && *filter && p.find(filter) == std::string::npos) continue;
            if ((known_issue(p) != nullptr) != known_issues) continue;
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_source(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    std::string s;
    if (!f) return s;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
    return s;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

std::string describe(const LockstepResult& r) {
    std::vector<std::string> outs;
    for (const auto& o : r.outcomes) outs.push_back(literal(o));
    return "lockstep: verdict " + r.verdict + ", complete " + (r.complete ? "yes" : "no") +
           (r.bound.empty() ? "" : ", stopped by " + r.bound) + ", kinds [" + join(r.kinds, ", ") + "], outcomes [" +
           join(outs, ", ") + "]";
}

bool any_kind(const LockstepResult& r, const std::vector<std::string>& kinds) {
    for (const auto& k : kinds)
        if (r.has_kind(k)) return true;
    return false;
}

struct Tally {
    size_t scenarios = 0, outcomes_checked = 0, not_asserted = 0, unsupported = 0;
};

// Everything the differential test asserts about one scenario.
void check_scenario(const std::string& file, const GoSettings& go, int budget, Tally& tally) {
    const std::string rel = relative(file);
    INFO("scenario: " << rel);
    const std::string lockstep_cmd = lockstep_check_command(file, budget);
    INFO("lockstep: " << lockstep_cmd);
    ++tally.scenarios;

    GoObservation obs = observe_under_go(file, go);
    if (!obs.build_error.empty()) {
        FAIL_CHECK("go build failed (every scenario must be real Go):\n" << obs.build_error);
        return;
    }
    LockstepResult lk = check_with_lockstep(file, budget);
    // Go outside the supported subset is a clear diagnostic (SPEC §2), not a failure.
    if (lk.exit_code == 2 && lk.stderr_text.find("unsupported: ") != std::string::npos) {
        ++tally.unsupported;
        WARN(rel << ": not compared, lockstep does not support it: " << lk.stderr_text.substr(0, lk.stderr_text.find('\n')));
        return;
    }
    if (lk.exit_code != 0 && lk.exit_code != 1) {
        FAIL_CHECK("lockstep check exited " << lk.exit_code << " on a program Go runs:\n" << lk.stderr_text);
        return;
    }
    if (!lk.parse_error.empty()) {
        FAIL_CHECK("lockstep's JSON report could not be read: " << lk.parse_error);
        return;
    }
    INFO(describe(lk));

    auto want = read_expected_output(read_source(file));
    // Against an ordered Output block the order of the lines matters; otherwise only which lines.
    const bool prints_ordered = want && !want->unordered;
    auto key = [&](const std::string& outcome) { return prints_ordered ? outcome : lines_sorted(outcome); };
    std::set<std::string> lockstep_keys;
    for (const auto& o : lk.outcomes) lockstep_keys.insert(key(o));

    // Soundness: each distinct outcome Go showed, with the first run that showed it.
    std::map<std::string, const GoRun*> seen;
    for (const auto& run : obs.runs)
        if (!run.timed_out) seen.emplace(key(run.outcome), &run);
    for (const auto& [outcome, run] : seen) {
        ++tally.outcomes_checked;
        if (lockstep_keys.count(outcome)) continue;
        // The outcomes list holds one order of each execution's prints; another order the
        // execution allows is decided by lockstep itself.
        if (run->crash.empty() && lk.outcomes_exhaustive() && lockstep_admits(file, run->outcome, budget)) continue;
        std::string msg = "real Go produced an outcome lockstep did not: " + literal(run->outcome) + "\n  go (" +
                          mode_name(run->mode) + ", GOMAXPROCS=" + std::to_string(run->procs) +
                          "): " + go_reproduce_command(file, *run) + "\n  lockstep: " + lockstep_cmd;
        std::string excuse;
        if (!lk.outcomes_exhaustive())
            excuse = "lockstep's search was bounded" + (lk.bound.empty() ? "" : " by " + lk.bound) +
                     (lk.outcomes_capped ? ", outcome list full" : "");
        else if (lk.has_kind("concurrent-map-access") && run->crash.empty())
            // Go catches concurrent map writes only when it happens to see them; lockstep
            // ends every execution that has them.
            excuse = "Go did not catch the concurrent map access in this run; lockstep stops every execution at it";
        if (excuse.empty()) {
            FAIL_CHECK(msg);
        } else {
            ++tally.not_asserted;
            WARN(rel << ": " << msg << "\n  (not asserted: " << excuse << ")");
        }
    }

    // No missed alarms: what Go's race detector and runtime caught, lockstep reports.
    for (const auto& run : obs.runs) {
        if (!run.race_reported) continue;
        auto kinds = kinds_for_race(run.race_in_waitgroup ? RaceIn::WaitGroup : RaceIn::Program);
        INFO("Go's race detector reported WARNING: DATA RACE; lockstep must report one of " << join(kinds, ", ")
                                                                                        << "\n  go: "
                                                                                        << go_reproduce_command(file, run));
        CHECK(any_kind(lk, kinds));
        break;
    }
    std::set<std::string> crashes;
    for (const auto& run : obs.runs) {
        if (run.crash.empty() || !crashes.insert(run.crash).second) continue;
        auto kinds = kinds_for_crash(normalize_outcome(run.crash));
        INFO("Go crashed with " << literal(run.crash) << "; lockstep must report one of " << join(kinds, ", ")
                                << "\n  go: " << go_reproduce_command(file, run));
        CHECK(any_kind(lk, kinds));
    }
    if (want) {
        for (const auto& run : obs.runs) {
            if (run.timed_out || !run.crash.empty() || output_matches(*want, run.stdout_text)) continue;
            INFO("Go printed " << literal(run.stdout_text)
                               << ", not the // Output: block; lockstep must report output-mismatch\n  go: "
                               << go_reproduce_command(file, run));
            CHECK(lk.has_kind("output-mismatch"));
            break;
        }
    }
    // A hang Go's runtime did not diagnose (plain build; -race never diagnoses deadlocks).
    for (const auto& run : obs.runs) {
        if (!run.timed_out || run.mode != GoMode::Plain) continue;
        INFO("the program hung under Go (" << go.timeout_seconds
                                           << " s); lockstep must report a deadlock, leak or livelock\n  go: "
                                           << go_reproduce_command(file, run));
        CHECK(any_kind(lk, {"deadlock", "goroutine-leak", "livelock", "recursive-lock"}));
        break;
    }
}

void check_all(const std::vector<std::string>& files) {
    GoSettings go;
    go.cache_dir = cache_dir();
    go.runs_per_procs = env_int("LOCKSTEP_DIFF_RUNS", 3);
    go.timeout_seconds = env_int("LOCKSTEP_DIFF_TIMEOUT", 3);
    const int budget = env_int("LOCKSTEP_DIFF_BUDGET", 20);
    Tally tally;
    for (const auto& file : files) check_scenario(file, go, budget, tally);
    WARN("differential: " << tally.scenarios << " scenarios, " << tally.outcomes_checked
                          << " distinct Go outcomes checked, " << tally.not_asserted << " not asserted (see above), "
                          << tally.unsupported << " scenarios outside lockstep's Go subset");
}

}  // namespace

TEST_CASE("real Go's outcomes, races and crashes are among lockstep's findings on every scenario", "[differential]") {
    REQUIRE(fs::exists(LOCKSTEP_BINARY));
    if (!go_available()) {
        WARN("differential test skipped: no `go` on PATH (install golang-go; .ci/run does)");
        return;
    }
    auto files = scenario_files(false);
    if (!std::getenv("LOCKSTEP_DIFF_FILTER")) REQUIRE(files.size() >= 20);
    check_all(files);
}

// One line per open issue in known_issues.hpp; the test passes once all are fixed, then
// the lines go.
TEST_CASE("scenarios with a known differential issue", "[differential][!mayfail]") {
    REQUIRE(fs::exists(LOCKSTEP_BINARY));
    if (!go_available()) {
        WARN("differential test skipped: no `go` on PATH");
        return;
    }
    if (k_known_issues.empty()) SUCCEED("no known differential issues");
    for (const auto& file : scenario_files(true)) {
        INFO("known issue: " << known_issue(file)->what);
        check_all({file});
    }
}

TEST_CASE("every known differential issue names a scenario of the suite", "[differential]") {
    if (k_known_issues.empty()) SUCCEED("no known differential issues");
    for (const auto& k : k_known_issues) {
        INFO(k.file);
        CHECK(fs::exists(fs::path(LOCKSTEP_SOURCE_DIR) / k.file));
    }
}
