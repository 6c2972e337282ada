// Counterexample minimization (SPEC §5, DESIGN-NOTES "Reports"): once a bug is found,
// search again for the same bug — same kind, variant and sites — under preemption bounds
// 0, 1, 2, … (iterative context bounding), below the preemptions of the schedule found;
// the first bound that shows it wins. Within one search the explorer keeps, per bug, the
// schedule with the fewest preemptions, then the fewest goroutines that take a step, then
// the fewest steps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "checker/execution.hpp"
#include "checker/explorer.hpp"
#include "checker/found_bug.hpp"

namespace lockstep::checker {

// Which bug this is, the same in every search of the same program: kind, variant and the
// decisive sites, sorted (schedules and step numbers do not enter it).
std::string bug_identity(const FoundBug& bug);

// How many distinct goroutines take a step in this record.
uint32_t goroutines_stepping(const std::vector<StepRecord>& steps);

// Each bound's search is limited by counts, never by time alone, so that the report is the
// same on every machine and under the sanitizers; a tenth of the scenario's time budget
// stays as a safety net that only a very slow machine reaches.
struct MinimizeLimits {
    uint64_t executions_per_bound = 5000;
    uint64_t steps_per_bound = 500000;
};

// Replaces each bug of `result` found with preemptions by the same bug under the lowest
// preemption bound that shows it within the limits (unchanged when none does).
void minimize_counterexamples(vm::Program& program, const Options& options, ScenarioResult& result, const MinimizeLimits& limits = {});

}  // namespace lockstep::checker
