// The SARIF 2.1.0 report (SPEC §5, --format sarif): one run; a rule per bug kind (id,
// name, short and full description, help with the fix, default level); a result per bug
// with its location, a stable partial fingerprint, and the counterexample as one codeFlow
// with a threadFlow per goroutine shown (executionOrder = the step number). Accepted by
// GitHub code scanning; validated by Microsoft's SARIF Multitool in tests/reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/result.hpp"

namespace lockstep::reports {

struct SarifOptions {
    bool full_trace = false;  // a threadFlow for every goroutine (default: the ones involved)
};

nlohmann::ordered_json report_to_sarif(const std::vector<checker::ScenarioResult>& results, const SarifOptions& options = {},
                                       std::string_view version = LOCKSTEP_VERSION);
std::string render_sarif(const std::vector<checker::ScenarioResult>& results, const SarifOptions& options = {},
                         std::string_view version = LOCKSTEP_VERSION);

// The fingerprint of a bug that stays the same across runs and schedules: its kind and
// message and the source positions of its decisive steps, hashed (16 hex digits).
std::string bug_fingerprint(const checker::Bug& bug);

}  // namespace lockstep::reports
