// The back-end half of the pipeline: compile an entry of a loaded scenario, run it on a
// vm::Machine under checker::explore or checker::replay, with the CLI's bounds merged with
// the file's //lockstep:bound overrides.
#pragma once

#include <atomic>
#include <iosfwd>
#include <string>
#include <vector>

#include "checker/explorer.hpp"
#include "checker/result.hpp"
#include "vm/machine.hpp"
#include "cli/driver/front_end.hpp"
#include "cli/driver/settings.hpp"

namespace lockstep::cli {

struct ExploreHooks {
    checker::ProgressSink* progress = nullptr;       // a progress line, or null
    const std::atomic<bool>* interrupted = nullptr;  // set by SIGINT: stop and report
};

// The checker options for a scenario: the CLI settings, then the file's //lockstep:bound
// overrides, its expected kinds and its // Output: block.
checker::Options checker_options(const Settings& settings, const LoadedScenario& scenario);

// Explore the interleavings (within bounds). Fills file, entry and the expectation fields
// from the file's //lockstep:expect line. Throws lang::DiagnosticError for Go the compiler
// does not support.
checker::ScenarioResult explore_entry(const LoadedScenario& scenario, const std::string& entry,
                                      const Settings& settings, const ExploreHooks& hooks);

// One execution: the first schedule (Strategy::First), or the schedule of `token`.
struct SingleRun {
    std::vector<checker::Bug> bugs;          // what this execution shows, with traces
    std::vector<checker::TraceStep> trace;   // every visible operation (replay only)
    std::string output;                      // what the program printed
    std::vector<vm::StreamChunk> streams;    // stdout and stderr in order (`run` only)
    int exit_status = 0;                     // os.Exit's status
    bool step_bound = false;                 // `run` only: --max-steps stopped it
    uint64_t steps = 0;                      // `run` only: visible operations performed
    bool token_valid = true;                 // false: the token does not fit this scenario
    std::string token_error;
};
SingleRun run_entry(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                    const std::string* token);

}  // namespace lockstep::cli
