// The integration tests' way into lockstep: scenario files through the real pipeline in
// process (load_scenario → explore_entry / run_entry), the built binary where the command
// line is the point, generated Go programs in a per-process temporary directory, and the
// size of the cases (smaller under the sanitizers, which run the suite several times slower).
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bench/locked_counter.hpp"
#include "checker/result.hpp"
#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "cli/driver/settings.hpp"
#include "tests/support/process.hpp"

namespace lockstep::integration {

// True when built with ASan (make test-asan): tests pick their smaller cases.
constexpr bool sanitized() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

// A loaded scenario kept alive with its path (results and diagnostics point into it).
struct Scenario {
    std::string path;
    std::unique_ptr<cli::LoadedScenario> loaded;
    const cli::LoadedScenario& operator*() const { return *loaded; }
    const cli::LoadedScenario* operator->() const { return loaded.get(); }
};

// Loads `path`; a lang::DiagnosticError fails the calling test with its rendered text.
Scenario load(const std::string& path);

// Settings as `lockstep check --no-progress` would have them, for in-process runs.
cli::Settings settings(cli::StrategyName strategy = cli::StrategyName::Dpor);

// Explores the scenario's first entry (main, or a test file's first test).
checker::ScenarioResult explore(const Scenario& scenario, const cli::Settings& settings);

// Replays one token on the scenario's first entry, with traces.
cli::SingleRun replay(const Scenario& scenario, const std::string& token);

// The distinct kind ids of the bugs found: {"data-race", "lost-update"}.
std::set<std::string> kind_ids(const std::vector<checker::Bug>& bugs);

// Every .go file under scenarios/ and tests/scenarios/, sorted; absolute paths.
std::vector<std::string> scenario_files();
// The path relative to the source tree, for test names and messages.
std::string relative(const std::string& path);
// A file of the source tree: source_path("tests/integration/programs/x.go").
std::string source_path(const std::string& relative_path);

// The locked-counter family (bench/locked_counter.hpp, shared with the benchmark).
using bench::lock_orders;
using bench::locked_counter_source;

// Writes `text` as NAME in this process's temporary directory (removed at exit).
using test_support::write_temp;

// The built lockstep binary (LOCKSTEP_BINARY) run with `args` (shell syntax).
using Ran = test_support::Captured;
Ran run_lockstep(const std::string& args);
using test_support::shell_quote;

// A report with its wall-clock figures blanked ("seconds": 0.0123 in JSON, "0.01s" in
// text): the only part of a report that may differ between two runs of the same inputs.
std::string without_timings(const std::string& report);

}  // namespace lockstep::integration
