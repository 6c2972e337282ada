// Builds scenarios with the real Go toolchain (cached by content hash) and collects what
// each run printed and how it ended.
#include "go_runs.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "outcome.hpp"

namespace lockstep::differential {

namespace fs = std::filesystem;

namespace {

uint64_t fnv1a(std::string_view bytes) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// The environment every go command runs in: GOPATH mode, so a lone file builds without a
// go.mod; a build cache inside ours when the user has none (CI may have no HOME).
std::string go_env(const GoSettings& settings) {
    std::string env = "GO111MODULE=off GOFLAGS= ";
    if (!std::getenv("GOCACHE")) env += "GOCACHE=" + shell_quote(settings.cache_dir + "/gocache") + " ";
    if (!std::getenv("GOPATH")) env += "GOPATH=" + shell_quote(settings.cache_dir + "/gopath") + " ";
    return env;
}

// The cached binary of `path` in `mode`, built if missing; the build's stderr on failure.
std::string build(const std::string& path, const std::string& source, GoMode mode, const GoSettings& settings,
                  std::string& error) {
    char key[32];
    std::snprintf(key, sizeof key, "%016llx", static_cast<unsigned long long>(fnv1a(source)));
    std::string binary = settings.cache_dir + "/" + key + "-" + mode_name(mode);
    if (fs::exists(binary)) return binary;
    // Built under a private name, then renamed: concurrent test processes never run a
    // half-written binary.
    std::string tmp = binary + ".tmp" + std::to_string(::getpid());
    std::string log = tmp + ".log";
    int rc = test_support::run_shell(go_env(settings) + "go build " + (mode == GoMode::Race ? "-race " : "") + "-o " +
                                     shell_quote(tmp) + " " + shell_quote(path) + " >" + shell_quote(log) + " 2>&1");
    if (rc != 0) {
        error = test_support::read_file(log);
        if (error.empty()) error = "go build exited with status " + std::to_string(rc);
        fs::remove(log);
        fs::remove(tmp);
        return {};
    }
    fs::remove(log);
    fs::rename(tmp, binary);
    return binary;
}

GoRun run_once(const std::string& binary, GoMode mode, int procs, const GoSettings& settings) {
    // halt_on_error=0: keep running after the first race, so a later panic still shows.
    test_support::Captured ran =
        test_support::run_captured("GOMAXPROCS=" + std::to_string(procs) + " GORACE=halt_on_error=0 timeout -k 2 " +
                                   std::to_string(settings.timeout_seconds) + " " + shell_quote(binary));
    GoRun run;
    run.mode = mode;
    run.procs = procs;
    run.exit_code = ran.code;
    run.timed_out = run.exit_code == 124 || run.exit_code == 128 + 9;
    run.stdout_text = ran.out;
    const std::string& err_text = ran.err;
    run.race_reported = err_text.find("WARNING: DATA RACE") != std::string::npos;
    run.race_in_waitgroup = run.race_reported && err_text.find("sync.(*WaitGroup).") != std::string::npos;
    run.crash = go_crash_line(err_text);
    run.outcome = go_outcome(run.stdout_text, err_text);
    return run;
}

}  // namespace

const char* mode_name(GoMode mode) { return mode == GoMode::Race ? "race" : "plain"; }

bool go_available() { return test_support::run_shell("command -v go >/dev/null 2>&1") == 0; }

GoObservation observe_under_go(const std::string& path, const GoSettings& settings) {
    fs::create_directories(settings.cache_dir);
    GoObservation obs;
    std::string source = test_support::read_file(path);
    obs.binary[0] = build(path, source, GoMode::Plain, settings, obs.build_error);
    if (obs.binary[0].empty()) return obs;
    obs.binary[1] = build(path, source, GoMode::Race, settings, obs.race_build_error);
    for (GoMode mode : {GoMode::Plain, GoMode::Race}) {
        const std::string& binary = obs.binary[mode == GoMode::Race];
        if (binary.empty()) continue;
        bool hung = false;
        for (int procs : settings.procs) {
            for (int i = 0; i < settings.runs_per_procs && !hung; ++i) {
                obs.runs.push_back(run_once(binary, mode, procs, settings));
                hung = obs.runs.back().timed_out;
            }
        }
    }
    return obs;
}

std::string go_reproduce_command(const std::string& path, const GoRun& run) {
    return std::string("go build ") + (run.mode == GoMode::Race ? "-race " : "") + "-o /tmp/scenario " +
           shell_quote(path) + " && GOMAXPROCS=" + std::to_string(run.procs) +
           (run.mode == GoMode::Race ? " GORACE=halt_on_error=0" : "") + " /tmp/scenario";
}

}  // namespace lockstep::differential
