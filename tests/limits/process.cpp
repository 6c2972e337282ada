// fork/exec of the lockstep binary with captured output, a timeout and a timed SIGINT (no
// shell: test_support::run_captured cannot signal the child itself).
#include "process.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lockstep::limits {

namespace fs = std::filesystem;

std::string Ended::describe() const {
    char buf[96];
    if (timed_out) std::snprintf(buf, sizeof buf, "still running after %.1f s (killed)", seconds);
    else if (signal) std::snprintf(buf, sizeof buf, "killed by signal %d after %.2f s", signal, seconds);
    else std::snprintf(buf, sizeof buf, "exit %d after %.2f s", code, seconds);
    return std::string(buf) + "; stderr: " + err.substr(0, 400);
}

Ended run_lockstep(const Launch& launch) {
    std::string base = test_support::next_capture_base();
    std::string out_path = base + ".out", err_path = base + ".err";
    std::vector<std::string> argv_s{LOCKSTEP_BINARY};
    argv_s.insert(argv_s.end(), launch.args.begin(), launch.args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        int in = ::open("/dev/null", O_RDONLY);
        int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0) ::_exit(127);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        // A test runner may have ignored SIGINT; lockstep must see it as a user would.
        std::signal(SIGINT, SIG_DFL);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    Ended e;
    if (pid < 0) {
        e.err = "fork failed";
        return e;
    }
    bool interrupted = false;
    int status = 0;
    while (true) {
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (r == pid) break;
        if (!interrupted && launch.sigint_after_seconds >= 0 && elapsed >= launch.sigint_after_seconds) {
            ::kill(pid, SIGINT);
            interrupted = true;
        }
        if (elapsed >= launch.timeout_seconds) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            e.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!e.timed_out) {
        if (WIFEXITED(status)) e.code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) e.signal = WTERMSIG(status);
    }
    e.out = test_support::read_file(out_path);
    e.err = test_support::read_file(err_path);
    fs::remove(out_path);
    fs::remove(err_path);
    return e;
}

nlohmann::json json_scenario(const std::string& out) { return nlohmann::json::parse(out).at("scenarios").at(0); }

}  // namespace lockstep::limits
