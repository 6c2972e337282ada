// One execution as `go run` runs it (`lockstep run`): Go's scheduler rather than a search —
// the running goroutine keeps the processor until it blocks, yields (runtime.Gosched,
// time.Sleep, a preemption) or has had its time slice, then the next one in turn gets it —
// with bounded memory, no step bound unless one is asked for, and nothing run after main
// returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/explorer.hpp"
#include "checker/result.hpp"
#include "vm/program.hpp"

namespace lockstep::checker {

struct SingleRunResult {
    std::vector<Bug> bugs;      // what the run showed (no traces: a run keeps none)
    std::string output;         // what the program printed up to its end
    uint64_t steps = 0;         // visible operations performed
    bool step_bound = false;    // options.max_steps stopped it before it ended
};

// Consecutive visible steps a goroutine runs before the others get their turn (Go
// preempts a goroutine that has run for about 10 ms).
inline constexpr uint32_t k_run_time_slice = 4096;

// Runs the program once (options: max_steps, 0 = unbounded; expected_output).
SingleRunResult run_single(vm::Program& program, const Options& options);

}  // namespace lockstep::checker
