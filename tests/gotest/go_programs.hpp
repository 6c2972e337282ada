// Go 1.19's own conformance programs ($GOROOT/test): which of them are `// run` programs,
// what each must print, and how a `lockstep run` of one compares with that.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace lockstep::gotest {

// $(go env GOROOT)/test, or "" when no Go toolchain is installed.
std::string go_test_dir();

// Every `// run` program (no arguments) of test/, test/ken/ and test/chan/, as paths
// relative to `test_dir` ("ken/chan.go"), sorted. A build constraint may precede the line.
std::vector<std::string> run_programs(const std::string& test_dir);

// What Go's test driver demands: the neighbouring .out file, or nothing.
std::string expected_output(const std::string& test_dir, const std::string& program);

enum class Verdict { Pass, Unsupported, Wrong, Crash, Hang };
const char* verdict_name(Verdict v);

struct Judged {
    std::string program;
    Verdict verdict = Verdict::Wrong;
    std::string feature;  // for Unsupported: the text after "unsupported: "
    std::string detail;   // the exit code and the first lines of output otherwise
};

// Runs `lockstep run` on the program (in its directory, stdout and stderr combined, under
// a timeout) and judges it as Go's driver would.
Judged judge(const std::string& lockstep, const std::string& test_dir, const std::string& program, int timeout_s);

// Judges every program, at most `jobs` at a time.
std::vector<Judged> judge_all(const std::string& lockstep, const std::string& test_dir,
                              const std::vector<std::string>& programs, int jobs, int timeout_s);

// The programs lockstep still rejects, and the feature that rejects each: the lines
// "PROGRAM<TAB>FEATURE" of a data file ('#' comments and blank lines skipped).
std::map<std::string, std::string> parse_rejected(const std::string& text);

}  // namespace lockstep::gotest
