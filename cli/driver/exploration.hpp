// The back-end half of the pipeline: compile an entry of a loaded scenario, run it on a
// vm::Machine under checker::explore or checker::replay, with the CLI's bounds merged with
// the file's //lockstep:bound overrides.
#pragma once

#include <atomic>
#include <string>

#include "checker/result.hpp"
#include "cli/driver/front_end.hpp"
#include "cli/driver/settings.hpp"

namespace lockstep::cli {

struct ExploreHooks {
    bool progress = false;                           // draw a progress line on stderr
    const std::atomic<bool>* interrupted = nullptr;  // set by SIGINT: stop and report
};

// Explore every interleaving (within bounds). The result's expectation fields are filled
// from the file's //lockstep:expect line. Throws lang::DiagnosticError for Go the compiler
// does not support.
checker::ScenarioResult explore_entry(const LoadedScenario& scenario, const std::string& entry,
                                      const Settings& settings, const ExploreHooks& hooks);

// One execution: the first schedule (Strategy::First), or the schedule of `token`.
struct SingleRun {
    checker::ScenarioResult result;  // verdict Bug with the bug (and its full trace) if one happened
    std::string output;              // what the program printed
    bool token_valid = true;         // false: the token does not fit this scenario
    std::string token_error;
};
SingleRun run_entry(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                    const std::string* token);

}  // namespace lockstep::cli
