// std::system with output redirected to files: simple, and the exit status is exact.
#include "process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lockstep::test_support {

namespace fs = std::filesystem;

namespace {

// Removes the per-process directory when the test binary exits.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("lockstep-tests-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string read_source(const std::string& relative_path) {
    return read_file(fs::path(LOCKSTEP_SOURCE_DIR) / relative_path);
}

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

std::string next_capture_base() {
    static int counter = 0;
    fs::path runs = fs::path(temp_dir()) / "runs";
    fs::create_directories(runs);
    return (runs / std::to_string(++counter)).string();
}

int run_shell(const std::string& command) {
    int status = std::system(command.c_str());
    if (status == -1) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

Captured run_captured(const std::string& command) {
    std::string base = next_capture_base();
    std::string out = base + ".out", err = base + ".err";
    Captured c;
    c.code = run_shell(command + " </dev/null >" + shell_quote(out) + " 2>" + shell_quote(err));
    c.out = read_file(out);
    c.err = read_file(err);
    std::error_code ec;
    fs::remove(out, ec);
    fs::remove(err, ec);
    return c;
}

}  // namespace lockstep::test_support
