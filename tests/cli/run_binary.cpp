// std::system with output redirected to files: simple, and the exit status is exact.
#include "run_binary.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lockstep::cli::testing {

namespace fs = std::filesystem;

namespace {
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

namespace {
// Removes the per-process directory when the test binary exits.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("lockstep-cli-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
}  // namespace

std::string temp_dir() {
    static TempDir dir;
    return dir.path.string();
}

std::string write_temp(const std::string& name, const std::string& text) {
    fs::path p = fs::path(temp_dir()) / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p.string();
}

Ran run_lockstep(const std::string& args, const std::string& env) {
    static int counter = 0;
    std::string base = temp_dir() + "/run" + std::to_string(++counter);
    std::string cmd = (env.empty() ? "" : env + " ") + shell_quote(LOCKSTEP_BINARY) + " " + args + " >" + base +
                      ".out 2>" + base + ".err </dev/null";
    int status = std::system(cmd.c_str());
    Ran r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    return r;
}

}  // namespace lockstep::cli::testing
