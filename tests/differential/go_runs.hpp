// Running a scenario under real Go: built once per mode (plain and -race) into a cache keyed
// by the file's contents, then run several times at each GOMAXPROCS under `timeout`.
#pragma once

#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace lockstep::differential {

enum class GoMode { Plain, Race };
const char* mode_name(GoMode mode);  // "plain", "race"

struct GoSettings {
    std::string cache_dir;          // binaries, Go's build cache, scratch files
    int runs_per_procs = 3;         // runs at each GOMAXPROCS value, per mode
    std::vector<int> procs = {1, 2, 4};
    int timeout_seconds = 3;        // one run; a deadlock under -race hangs (golang/go#20588)
};

// One run of a built scenario.
struct GoRun {
    GoMode mode = GoMode::Plain;
    int procs = 1;
    bool timed_out = false;
    int exit_code = 0;
    bool race_reported = false;  // "WARNING: DATA RACE" on stderr
    // The race report names sync.(*WaitGroup) frames: Go's race detector checks "the first
    // Add happens before Wait" as a race on the WaitGroup itself (sync/waitgroup.go), which
    // is the misuse lockstep calls waitgroup-misuse.
    bool race_in_waitgroup = false;
    std::string stdout_text;
    std::string crash;           // go_crash_line of stderr
    std::string outcome;         // go_outcome: normalized stdout + crash line
};

struct GoObservation {
    std::string build_error;     // non-empty: the plain build failed (nothing was run)
    std::string race_build_error;
    std::string binary[2];       // per GoMode, for the reproduce command
    std::vector<GoRun> runs;
};

// `go` is on PATH.
bool go_available();

// Builds (or finds in the cache) and runs `path`. A mode stops after its first timeout: a
// hang repeats, and each costs the whole timeout.
GoObservation observe_under_go(const std::string& path, const GoSettings& settings);

// The shell command that reproduces one run: build, then run at that GOMAXPROCS.
std::string go_reproduce_command(const std::string& path, const GoRun& run);

using test_support::shell_quote;

}  // namespace lockstep::differential
