// The re-execution cost: one fixed schedule re-run many times on one Machine and one
// Execution, as the explorer re-runs a scenario from its start for every execution. What
// it shows: reset() and a run cost microseconds, against milliseconds to parse, check and
// compile once, so stateless exploration does not pay for the front end again.
#pragma once

#include <cstdint>
#include <string>

namespace lockstep::bench {

struct ReexecutionFigures {
    double front_end_seconds = 0;  // load_scenario (read, parse, check) + compile, once
    uint64_t executions = 0;
    uint64_t steps = 0;            // visible operations over all of them
    double seconds = 0;
};

// Re-runs the first schedule (FirstStrategy's: run the current goroutine while it is
// enabled, else the lowest enabled id) of `path`'s main `executions` times.
ReexecutionFigures measure_reexecution(const std::string& path, uint64_t executions);

}  // namespace lockstep::bench
