// The JSON report (SPEC §5): one document with the tool and every scenario's verdict,
// statistics and bugs with their traces. Additive fields beyond SPEC: "outcomes" (distinct
// final outputs), "expected" (the //lockstep:expect line and whether it was met) and, for
// verdict "error" only, "error" (the rendered diagnostic).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/result.hpp"

namespace lockstep::reports {

struct JsonOptions {
    // Every step of every goroutine in `trace` (default: the goroutines the text report
    // gives a lane; the others are summarized in `folded`, as the text report folds them).
    bool full_trace = false;
};

// Documents keep SPEC §5's key order (nlohmann::ordered_json).
nlohmann::ordered_json bug_to_json(const checker::Bug& bug, const JsonOptions& options = {});
nlohmann::ordered_json scenario_to_json(const checker::ScenarioResult& result, const JsonOptions& options = {});
// The whole document; `version` defaults to the build's LOCKSTEP_VERSION.
nlohmann::ordered_json report_to_json(const std::vector<checker::ScenarioResult>& results, const JsonOptions& options = {},
                                      std::string_view version = LOCKSTEP_VERSION);
// --save-trace: every bug of every scenario with its whole trace (all goroutines, every
// step, decisive marks), without the statistics.
std::string render_trace_json(const std::vector<checker::ScenarioResult>& results, std::string_view version = LOCKSTEP_VERSION);
// The document serialized with 2-space indentation and a final newline.
std::string render_json(const std::vector<checker::ScenarioResult>& results, const JsonOptions& options = {},
                        std::string_view version = LOCKSTEP_VERSION);

}  // namespace lockstep::reports
