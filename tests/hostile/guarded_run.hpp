// Runs the built lockstep binary (LOCKSTEP_BINARY) on hostile input under `timeout`, and says
// how it ended: a verdict (exit 0, 1 or 2), an internal error (3), a signal, or a hang.
#pragma once

#include <string>

#include "tests/support/process.hpp"

namespace lockstep::hostile {

struct Ending {
    int code = -1;           // the exit code; 128+N for signal N, as the shell reports it
    bool timed_out = false;  // `timeout` had to stop it: a hang
    std::string out;
    std::string err;

    // 0, 1 or 2: lockstep finished and judged the input (ok, bug, input error).
    bool is_verdict() const { return !timed_out && code >= 0 && code <= 2; }
    // One line for a failing assertion: the code, and the start of stderr.
    std::string describe() const;
};

// `LOCKSTEP_BINARY args` (args in shell syntax) with stdin from /dev/null, stopped after
// `seconds` (then killed 5 s later if it ignores SIGTERM).
Ending run_guarded(const std::string& args, int seconds = 20);

using test_support::shell_quote;

// stderr holds a Go-style positioned diagnostic, `FILE.go:LINE:COL: message`.
bool has_positioned_diagnostic(const std::string& err);

}  // namespace lockstep::hostile
