// Runs the built lockstep binary (LOCKSTEP_BINARY) with arguments and captures its exit
// code, stdout and stderr; writes small scenario files to a temporary directory.
#pragma once

#include <string>

#include "tests/support/process.hpp"

namespace lockstep::cli::testing {

using Ran = test_support::Captured;

// `args` is appended to the binary's path as is (shell syntax); `env` is prefixed
// (e.g. "NO_COLOR=1").
Ran run_lockstep(const std::string& args, const std::string& env = "");

// Scenario files in the per-process temporary directory, and quoting (tests/support).
using test_support::shell_quote;
using test_support::temp_dir;
using test_support::write_temp;

}  // namespace lockstep::cli::testing
