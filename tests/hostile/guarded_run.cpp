// std::system over `timeout`: the exit status says exactly how the child ended, and output goes
// to files so that a flood of stderr can never block the child.
#include "guarded_run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace lockstep::hostile {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path run_dir() {
    static fs::path dir = [] {
        fs::path p = fs::temp_directory_path() / ("lockstep-hostile-runs-" + std::to_string(::getpid()));
        fs::create_directories(p);
        return p;
    }();
    return dir;
}

}  // namespace

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string Ending::describe() const {
    std::string what = timed_out ? "hang (stopped by timeout)"
                       : code >= 128 ? "killed by signal " + std::to_string(code - 128)
                       : code == 3   ? "internal error (exit 3)"
                                     : "exit " + std::to_string(code);
    return what + "; stderr: " + err.substr(0, 400);
}

Ending run_guarded(const std::string& args, int seconds) {
    static int counter = 0;
    fs::path base = run_dir() / std::to_string(++counter);
    std::string cmd = "timeout -k 5 " + std::to_string(seconds) + " " + shell_quote(LOCKSTEP_BINARY) + " " + args +
                      " >" + base.string() + ".out 2>" + base.string() + ".err </dev/null";
    int status = std::system(cmd.c_str());
    Ending e;
    if (WIFEXITED(status)) e.code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) e.code = 128 + WTERMSIG(status);
    // timeout(1) exits 124 when it stopped the command, 137 when it had to KILL it.
    e.timed_out = e.code == 124 || e.code == 137;
    e.out = slurp(base.string() + ".out");
    e.err = slurp(base.string() + ".err");
    fs::remove(base.string() + ".out");
    fs::remove(base.string() + ".err");
    return e;
}

bool has_positioned_diagnostic(const std::string& err) {
    static const std::regex positioned(R"(\.go:[0-9]+:[0-9]+: )");
    return std::regex_search(err, positioned);
}

}  // namespace lockstep::hostile
