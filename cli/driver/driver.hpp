// The lockstep commands behind the CLI: check, run, replay, vet. Each returns the exit code
// (SPEC §3) and writes reports to the console's out stream, diagnostics to its err stream.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/driver/exit_code.hpp"
#include "cli/driver/settings.hpp"
#include "checker/result.hpp"

namespace lockstep::cli {

struct Console {
    std::ostream& out;
    std::ostream& err;
    bool out_is_terminal = false;
    bool err_is_terminal = false;
    size_t width = 100;  // of the terminal out writes to
    // std::cout / std::cerr and what the process's stdout/stderr are.
    static Console standard();
};

// `lockstep check PATH...`: every scenario's report, then a summary for several.
// Ctrl-C from now on stops `check` with its partial results (exit 130) instead of killing it.
void install_interrupt_handler();

ExitCode check_command(const std::vector<std::string>& paths, const Settings& settings, Console& console);
// `lockstep run FILE`: one execution; the program's output on stdout, a panic or deadlock
// on stderr in Go's words (exit 2, as `go run` exits on a panic).
ExitCode run_command(const std::string& path, const std::string& entry, const Settings& settings, Console& console);
// `lockstep replay FILE --schedule TOKEN`: the execution of that schedule with its full trace.
ExitCode replay_command(const std::string& path, const std::string& entry, const std::string& token,
                        const Settings& settings, Console& console);
// `lockstep vet PATH...`: front-end checks only, for now.
ExitCode vet_command(const std::vector<std::string>& paths, Console& console);

// The exit code one scenario's result deserves: 2 for an error verdict; with an expect
// line, 0 iff it was met; otherwise 1 iff an error-severity bug was found.
ExitCode scenario_exit_code(const checker::ScenarioResult& result);

}  // namespace lockstep::cli
