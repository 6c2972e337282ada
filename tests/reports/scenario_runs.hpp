// Reports of the real scenarios, made by the lockstep binary from the source tree (so
// paths read "scenarios/chapter3/…"), and the external tools that judge them: Microsoft's
// SARIF Multitool and headless Chromium (both installed by .ci/run; the tests that need
// them warn and skip their part when they are missing).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace lockstep::reports::testing {

// `lockstep ARGS` run in the source directory.
test_support::Captured run_in_source(const std::string& args);
// The report of one scenario in one format (stdout), timings replaced by "T".
std::string scenario_report(const std::string& format, const std::string& scenario, const std::string& extra = "");
// "0.30s" → "Ts" in text, "seconds": 0.0123 → "seconds": 0 in JSON.
std::string normalize_timings(std::string text);
// Every scenarios/**/*.go file, relative to the source directory, sorted.
std::vector<std::string> all_scenarios();
// "scenarios/chapter3/unsafe_counter.go" → "unsafe_counter".
std::string stem_of(const std::string& scenario);

// The SARIF Multitool's command (LOCKSTEP_SARIF_MULTITOOL, BUILD/tools/node_modules, PATH).
std::optional<std::string> sarif_multitool();
// Chromium (LOCKSTEP_CHROMIUM, chromium, chromium-browser) with a node that has WebSocket.
std::optional<std::string> chromium();

}  // namespace lockstep::reports::testing
