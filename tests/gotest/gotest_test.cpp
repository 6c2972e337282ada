// Go's own conformance programs as the judge: every `// run` program of Go 1.19's test
// directory either passes under `lockstep run` (exit 0, exactly the .out file's text on
// stdout+stderr) or is rejected with an `unsupported:` diagnostic naming a feature that
// docs/go-subset.md lists; none is wrong, crashes or hangs. The programs are read from
// $(go env GOROOT)/test at test time; without Go the test says so and passes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "go_programs.hpp"
#include "tests/support/process.hpp"

using namespace lockstep::gotest;

namespace {

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// The "Not supported" part of docs/go-subset.md, where every rejecting feature is named.
std::string unsupported_section() {
    std::string doc = lockstep::test_support::read_source("docs/go-subset.md");
    size_t at = doc.find("## Not supported");
    return at == std::string::npos ? std::string{} : doc.substr(at);
}

// A rejected.txt entry for a program lockstep still gets wrong, with what is wrong.
constexpr const char* k_open = "!open: ";
// An open entry for a program that is right but slower than the test's timeout.
constexpr const char* k_too_slow = "!open: too slow";

}  // namespace

TEST_CASE("Go's own run programs pass under lockstep run or are rejected as unsupported", "[gotest]") {
    std::string dir = go_test_dir();
    if (dir.empty()) {
        WARN("gotest: skipped: no Go toolchain with its test directory (install golang-go)");
        SUCCEED();
        return;
    }
    std::vector<std::string> programs = run_programs(dir);
    REQUIRE(programs.size() >= 150);  // Go 1.19 has 190: a wrong path must not pass vacuously
    std::map<std::string, std::string> rejected =
        parse_rejected(lockstep::test_support::read_source("tests/gotest/rejected.txt"));
    std::string doc = unsupported_section();
    REQUIRE_FALSE(doc.empty());

    std::vector<Judged> judged = judge_all(LOCKSTEP_BINARY, dir, programs, env_int("LOCKSTEP_GOTEST_JOBS", 2),
                                           env_int("LOCKSTEP_GOTEST_TIMEOUT", 20));
    std::map<Verdict, int> counts;
    for (const auto& j : judged) ++counts[j.verdict];
    WARN("gotest: " << programs.size() << " programs: " << counts[Verdict::Pass] << " pass, "
                    << counts[Verdict::Unsupported] << " unsupported, " << counts[Verdict::Wrong] << " wrong, "
                    << counts[Verdict::Crash] << " crash, " << counts[Verdict::Hang] << " hang");

    bool report = std::getenv("LOCKSTEP_GOTEST_REPORT") != nullptr;
    std::string open_defects;
    for (const auto& j : judged) {
        if (report) std::printf("%s\t%s\t%s\n", verdict_name(j.verdict), j.program.c_str(),
                                j.verdict == Verdict::Unsupported ? j.feature.c_str() : j.detail.c_str());
        INFO(j.program << ": " << verdict_name(j.verdict) << "\n" << j.detail);
        auto listed = rejected.find(j.program);
        if (listed != rejected.end() && listed->second.rfind(k_open, 0) == 0) {
            // A known open defect: still counted and shown, until it is fixed and unlisted.
            open_defects += "  " + j.program + " (" + verdict_name(j.verdict) + "): " + listed->second + "\n";
            // A program only too slow for the timeout may finish on a quiet machine; it must
            // never be wrong or crash. Any other open defect that passes leaves the list.
            if (listed->second.rfind(k_too_slow, 0) == 0)
                CHECK((j.verdict == Verdict::Pass || j.verdict == Verdict::Hang));
            else
                CHECK(j.verdict != Verdict::Pass);
            continue;
        }
        if (j.verdict == Verdict::Unsupported) {
            INFO("feature: " << j.feature);
            CHECK(listed != rejected.end());  // a new rejection must be listed in rejected.txt
            if (listed == rejected.end()) continue;
            CHECK(j.feature.rfind(listed->second, 0) == 0);
            CHECK(doc.find(listed->second) != std::string::npos);
        } else {
            CHECK(j.verdict == Verdict::Pass);
            CHECK(listed == rejected.end());  // a program that passes leaves rejected.txt
        }
    }
    if (!open_defects.empty()) WARN("gotest: known open defects:\n" << open_defects);
    // Every listed program is one of Go's run programs.
    for (const auto& [program, feature] : rejected)
        CHECK(std::find(programs.begin(), programs.end(), program) != programs.end());
}
