// test_support::run_captured over `timeout`: the exit status says exactly how the child ended.
#include "guarded_run.hpp"

#include <regex>
#include <utility>

namespace lockstep::hostile {

std::string Ending::describe() const {
    std::string what = timed_out ? "hang (stopped by timeout)"
                       : code >= 128 ? "killed by signal " + std::to_string(code - 128)
                       : code == 3   ? "internal error (exit 3)"
                                     : "exit " + std::to_string(code);
    return what + "; stderr: " + err.substr(0, 400);
}

Ending run_guarded(const std::string& args, int seconds) {
    test_support::Captured ran = test_support::run_captured("timeout -k 5 " + std::to_string(seconds) + " " +
                                                            shell_quote(LOCKSTEP_BINARY) + " " + args);
    Ending e;
    e.code = ran.code;
    // timeout(1) exits 124 when it stopped the command, 137 when it had to KILL it.
    e.timed_out = e.code == 124 || e.code == 137;
    e.out = std::move(ran.out);
    e.err = std::move(ran.err);
    return e;
}

bool has_positioned_diagnostic(const std::string& err) {
    static const std::regex positioned(R"(\.go:[0-9]+:[0-9]+: )");
    return std::regex_search(err, positioned);
}

}  // namespace lockstep::hostile
