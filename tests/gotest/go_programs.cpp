// Finding, running and judging Go's own `// run` programs.
#include "go_programs.hpp"

#include <algorithm>
#include <functional>
#include <atomic>
#include <filesystem>
#include <sstream>
#include <thread>

#include "tests/support/process.hpp"

namespace lockstep::gotest {

namespace fs = std::filesystem;
using test_support::read_file;
using test_support::run_captured;
using test_support::shell_quote;
using test_support::Captured;

std::string go_test_dir() {
    test_support::Captured c = run_captured("command -v go >/dev/null && go env GOROOT");
    if (c.code != 0) return {};
    std::string root = c.out;
    while (!root.empty() && (root.back() == '\n' || root.back() == '\r')) root.pop_back();
    fs::path dir = fs::path(root) / "test";
    return fs::is_directory(dir) ? dir.string() : std::string{};
}

namespace {

// Go's driver reads the action from the first line that is not a build constraint.
bool is_plain_run(const std::string& source) {
    std::istringstream in(source);
    std::string line;
    for (int n = 0; n < 5 && std::getline(in, line); ++n) {
        if (line == "// run") return true;
        bool constraint = line.rfind("//go:build", 0) == 0 || line.rfind("// +build", 0) == 0 || line.empty();
        if (!constraint) return false;
    }
    return false;
}

std::string first_lines(const std::string& text, int n) {
    size_t pos = 0;
    for (int i = 0; i < n && pos != std::string::npos; ++i) {
        pos = text.find('\n', pos);
        if (pos != std::string::npos) ++pos;
    }
    return text.substr(0, pos == std::string::npos ? text.size() : pos);
}

// The feature of the first "FILE:LINE:COL: unsupported: FEATURE" line, or "".
std::string unsupported_feature(const std::string& output, const std::string& base) {
    std::istringstream in(output);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(base + ":", 0) != 0) continue;
        size_t at = line.find(": unsupported: ");
        if (at == std::string::npos) continue;
        // FILE:LINE:COL before it: two numbers.
        std::string pos = line.substr(base.size() + 1, at - base.size() - 1);
        size_t colon = pos.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 >= pos.size()) continue;
        if (!std::all_of(pos.begin(), pos.begin() + colon, ::isdigit)) continue;
        if (!std::all_of(pos.begin() + colon + 1, pos.end(), ::isdigit)) continue;
        return line.substr(at + 15);
    }
    return {};
}

}  // namespace

std::vector<std::string> run_programs(const std::string& test_dir) {
    std::vector<std::string> out;
    for (const char* sub : {"", "ken", "chan"}) {
        fs::path dir = fs::path(test_dir) / sub;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (!e.is_regular_file() || e.path().extension() != ".go") continue;
            if (!is_plain_run(first_lines(read_file(e.path()), 5))) continue;
            out.push_back((fs::path(sub) / e.path().filename()).string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string expected_output(const std::string& test_dir, const std::string& program) {
    fs::path out = fs::path(test_dir) / program;
    out.replace_extension(".out");
    return fs::exists(out) ? read_file(out) : std::string{};
}

const char* verdict_name(Verdict v) {
    switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Unsupported: return "unsupported";
    case Verdict::Wrong: return "wrong";
    case Verdict::Crash: return "crash";
    case Verdict::Hang: return "hang";
    }
    return "?";
}

// Go's driver runs each program with GOOS and GOARCH set (env.go checks them).
Judged judge(const std::string& lockstep, const std::string& test_dir, const std::string& program, int timeout_s) {
    fs::path file = fs::path(test_dir) / program;
    std::string base = file.filename().string();
    // A capture file of its own per program: judge() runs on several threads.
    std::string capture = (fs::path(test_support::temp_dir()) / ("gotest-" + std::to_string(std::hash<std::string>{}(program)) + ".out")).string();
    Captured c;
    c.code = test_support::run_shell("cd " + shell_quote(file.parent_path().string()) + " && GOOS=linux GOARCH=amd64 timeout -k 2 " +
                                     std::to_string(timeout_s) + " " + shell_quote(lockstep) + " run " +
                                     shell_quote(base) + " </dev/null >" + shell_quote(capture) + " 2>&1");
    c.out = read_file(capture);
    fs::remove(capture);
    Judged j;
    j.program = program;
    j.detail = "exit " + std::to_string(c.code) + ": " + first_lines(c.out, 3);
    if (c.code == 124 || c.code == 128 + 9) {
        j.verdict = Verdict::Hang;
    } else if (c.code == 0 && c.out == expected_output(test_dir, program)) {
        j.verdict = Verdict::Pass;
    } else if (c.code == 2 && !(j.feature = unsupported_feature(c.out, base)).empty()) {
        j.verdict = Verdict::Unsupported;
    } else if (c.code >= 3 || c.code < 0) {
        j.verdict = Verdict::Crash;
    } else {
        j.verdict = Verdict::Wrong;
    }
    return j;
}

std::vector<Judged> judge_all(const std::string& lockstep, const std::string& test_dir,
                              const std::vector<std::string>& programs, int jobs, int timeout_s) {
    std::vector<Judged> out(programs.size());
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < std::max(1, jobs); ++w)
        workers.emplace_back([&] {
            for (size_t i; (i = next++) < programs.size();) out[i] = judge(lockstep, test_dir, programs[i], timeout_s);
        });
    for (auto& t : workers) t.join();
    return out;
}

std::map<std::string, std::string> parse_rejected(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
}

}  // namespace lockstep::gotest
