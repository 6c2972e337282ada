// The exit codes of the lockstep command (SPEC §3) and how several scenarios' codes combine.
#pragma once

#include <algorithm>

namespace lockstep::cli {

enum class ExitCode : int {
    Ok = 0,        // no bug, or exactly the //lockstep:expect'ed kinds
    Bug = 1,       // an error-severity bug not excused by expect, or an expect mismatch
    Usage = 2,     // bad flag, unreadable file, syntax/type error, unsupported feature
    Internal = 3,  // lockstep's own broken invariant
    Interrupted = 130,  // Ctrl-C (SIGINT): partial results were reported, like a shell's 128 + 2
};

// The worst of two outcomes: interrupted > internal > usage > bug > ok.
inline ExitCode worst(ExitCode a, ExitCode b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }
inline int to_int(ExitCode c) { return static_cast<int>(c); }

}  // namespace lockstep::cli
