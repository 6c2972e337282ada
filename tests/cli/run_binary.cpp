// The binary through test_support::run_captured, with the caller's environment prefixed.
#include "run_binary.hpp"

namespace lockstep::cli::testing {

Ran run_lockstep(const std::string& args, const std::string& env) {
    return test_support::run_captured((env.empty() ? "" : env + " ") + shell_quote(LOCKSTEP_BINARY) + " " + args);
}

}  // namespace lockstep::cli::testing
