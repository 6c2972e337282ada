// Running the lockstep binary under test as a child process: arguments as a vector (no
// shell), stdout and stderr captured, a hard timeout, and optionally a SIGINT after a delay
// (to test Ctrl-C). Also writes the small scenario files the limit tests run.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"

namespace lockstep::limits {

struct Ended {
    int code = -1;           // exit status, when it exited
    int signal = 0;          // the signal that killed it, else 0
    bool timed_out = false;  // killed by us at the timeout
    double seconds = 0;      // wall-clock time until it ended
    std::string out;
    std::string err;

    // "exit 1 after 0.20 s" / "killed by signal 9", and the start of stderr.
    std::string describe() const;
};

struct Launch {
    std::vector<std::string> args;  // after the binary's name
    double timeout_seconds = 60;
    double sigint_after_seconds = -1;  // < 0: never
};

Ended run_lockstep(const Launch& launch);

// A fresh file NAME holding TEXT in this process's temporary directory; its path.
inline std::string write_scenario(const std::string& name, const std::string& text) {
    return test_support::write_temp(name, text);
}

// The first scenario of a `--format json` report (throws if `out` is not one).
nlohmann::json json_scenario(const std::string& out);

}  // namespace lockstep::limits
