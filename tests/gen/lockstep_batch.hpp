// Checking many generated files with one lockstep process per chunk (a process per file
// would cost more than the checks), falling back to one process per file when a chunk
// does not come back as a report (a crash takes the whole chunk's JSON with it).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/differential/lockstep_runs.hpp"

namespace lockstep::gen_test {

using differential::LockstepResult;

struct BatchResult {
    LockstepResult result;
    std::string error;   // the scenario's "error" (a rejected program), "" otherwise
    long executions = 0;
};

// `flags` go after `check --format json --all --no-progress --color never`.
std::string check_command(const std::string& flags, const std::vector<std::string>& files);

// path -> result, for every file.
std::map<std::string, BatchResult> check_batch(const std::vector<std::string>& files, const std::string& flags,
                                               int hard_timeout_seconds);

// Several batches with the same flags, two lockstep processes at a time (CI has 2 cores).
std::map<std::string, BatchResult> check_batches(const std::vector<std::vector<std::string>>& chunks,
                                                 const std::string& flags, int hard_timeout_seconds);

// The naive reference with its execution cap (programs past it are not compared), and dpor.
std::string naive_flags();
std::string dpor_flags();

}  // namespace lockstep::gen_test
