// Running `lockstep check --format json --all --strategy dpor` on a scenario and reading
// back what the differential test compares: outcomes, bug kinds, completeness.
#pragma once

#include <string>
#include <vector>

namespace lockstep::differential {

struct LockstepResult {
    int exit_code = -1;
    std::string stderr_text;
    std::string parse_error;           // non-empty: stdout was not the expected JSON
    std::string verdict;               // "verified", "bounded", "bug", "error"
    bool complete = false;             // stats.complete: every interleaving was explored
    std::string bound;                 // stats.bound, "" when null
    std::vector<std::string> kinds;    // bugs[].kind
    std::vector<std::string> outcomes; // normalized
    bool outcomes_capped = false;      // the report holds as many outcomes as it keeps (64)

    bool has_kind(const std::string& kind) const;
    // Every outcome lockstep can produce is in `outcomes`: the search was exhaustive and
    // the list was not cut.
    bool outcomes_exhaustive() const { return complete && !outcomes_capped; }
};

// The command line that checks `path` (also printed to reproduce a failure).
std::string lockstep_check_command(const std::string& path, int time_budget_seconds);

LockstepResult check_with_lockstep(const std::string& path, int time_budget_seconds);

// `lockstep check --outcome`: whether `output` (a run's stdout, no crash) is one of the
// orders of the prints of the executions lockstep explores — prints of different
// goroutines commute in the search, so the JSON lists one representative per execution.
bool lockstep_admits(const std::string& path, const std::string& output, int time_budget_seconds);

}  // namespace lockstep::differential
