// The text report (SPEC §5): per bug a headline, the goroutines involved, the
// counterexample as swimlanes, the output, the replay command and the help line; then one
// verdict line per scenario and, for several scenarios, a summary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/result.hpp"

namespace lockstep::reports {

struct TextOptions {
    bool color = false;         // ANSI colors (the caller decides: --color, NO_COLOR, isatty)
    bool unicode = false;       // UTF-8 glyphs (▶ ← ─); ASCII otherwise
    size_t width = 100;         // target terminal width
    size_t max_trace_rows = 40; // longer counterexamples are elided in the middle; 0 = never
    bool full_trace = false;    // a lane for every goroutine (default: the involved ones, the rest folded)
};

// One bug of the scenario whose file is `file` and entry `entry`.
std::string render_bug_text(const checker::Bug& bug, std::string_view file, std::string_view entry,
                            const TextOptions& options);
// `FILE: verified (dpor, 90 executions, 0.01s)` and, when the scenario has a
// //lockstep:expect line, a second line saying whether the findings match it.
std::string render_verdict_text(const checker::ScenarioResult& result, const TextOptions& options);
// Every bug of the scenario, then its verdict.
std::string render_scenario_text(const checker::ScenarioResult& result, const TextOptions& options);
// `checked 25 scenarios: 20 verified, 5 bug; expectations: 25 ok`.
std::string render_summary_text(const std::vector<checker::ScenarioResult>& results, const TextOptions& options);
// Every scenario, then the summary when there is more than one.
std::string render_text(const std::vector<checker::ScenarioResult>& results, const TextOptions& options);

// What stopped a bounded run, how far it got, and the flag that goes further (stats.bound set).
std::string bound_explanation(const checker::Stats& stats);

// `lockstep replay FILE --schedule TOKEN` (with `--entry` for a test entry point).
std::string replay_command(std::string_view file, std::string_view entry, std::string_view schedule);
// The distinct bug kinds found, in first-found order ("data-race", "lost-update").
std::vector<std::string> found_kind_ids(const checker::ScenarioResult& result);

}  // namespace lockstep::reports
