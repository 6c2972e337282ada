// Runs the built lockstep binary (LOCKSTEP_BINARY) with arguments and captures its exit
// code, stdout and stderr; writes small scenario files to a temporary directory.
#pragma once

#include <string>

namespace lockstep::cli::testing {

struct Ran {
    int code = -1;
    std::string out;
    std::string err;
};

// `args` is appended to the binary's path as is (shell syntax); `env` is prefixed
// (e.g. "NO_COLOR=1").
Ran run_lockstep(const std::string& args, const std::string& env = "");

// A fresh file NAME with TEXT in a per-process temporary directory; returns its path.
std::string write_temp(const std::string& name, const std::string& text);
std::string temp_dir();

std::string shell_quote(const std::string& s);

}  // namespace lockstep::cli::testing
