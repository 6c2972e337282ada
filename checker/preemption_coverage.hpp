// How far a bounded search got, in preemptions (SPEC §5, "bounded runs say what to do
// next"): when the execution bound or the time budget stopped a search with no bug, the
// exact preemption-bounded search (naive under --preemptions K, which enumerates every
// schedule with at most K preemptions) runs for K = 0, 1, 2, … within a small budget of
// its own, and the deepest K it completes is reported: every schedule with at most K
// preemptions was explored. A bug it meets is kept like any other; a run that completes
// with no preemption dropped explored the whole space, and the verdict says so.
#pragma once

#include <cstdint>

#include "checker/explorer.hpp"
#include "checker/result.hpp"
#include "vm/program.hpp"

namespace lockstep::checker {

struct CoverageLimits {
    double seconds = 2.0;          // in all, and at most a tenth of the scenario's time budget
    uint64_t executions = 200000;  // per bound
};

void measure_preemption_coverage(vm::Program& program, const Options& options, ScenarioResult& result, const CoverageLimits& limits = {});

}  // namespace lockstep::checker
