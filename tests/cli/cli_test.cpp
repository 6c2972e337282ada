// The lockstep binary end to end: exit codes (SPEC §3), usage errors, diagnostics, the
// check/run/replay/vet commands on small scenarios, and the JSON report.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {

const char* counter_prelude = R"(package main

import (
	"fmt"
	"sync"
)
)";

std::string counter(bool locked, const std::string& directive) {
    std::string lock = locked ? "\t\t\tmu.Lock()\n" : "";
    std::string unlock = locked ? "\t\t\tmu.Unlock()\n" : "";
    return std::string(counter_prelude) + directive + R"(
func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
)" + lock + "\t\t\tn++\n" + unlock + R"(		}()
	}
	wg.Wait()
	_ = &mu
	fmt.Println("n =", n)
}
)";
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("--version prints the version", "[cli]") {
    Ran r = run_lockstep("--version");
    CHECK(r.code == 0);
    CHECK(contains(r.out, std::string("lockstep ") + LOCKSTEP_VERSION));
}

TEST_CASE("usage errors exit 2 with a message", "[cli][usage]") {
    std::string ok = write_temp("usage/ok.go", counter(true, ""));
    struct Case {
        std::string args, message;
    };
    std::vector<Case> cases = {
        {"", "A subcommand is required"},
        {"frobnicate", ""},
        {"check", "PATH is required"},
        {"check --bogus " + ok, "--bogus"},
        {"check --executions 0 " + ok, "--executions must be a positive integer, not \"0\""},
        {"check --executions=-5 " + ok, "--executions must be a positive integer"},
        {"check --strategy bfs " + ok, "unknown strategy \"bfs\""},
        {"check --time-budget soon " + ok, "invalid duration \"soon\""},
        {"check --time-budget 30 " + ok, "missing unit"},
        {"check --format xml " + ok, "unknown --format \"xml\" (--format text|json|sarif|html)"},
        {"check --time strict " + ok, "--time strict is not supported yet"},
        {"check --color maybe " + ok, "unknown --color"},
        {"check --pct-depth 0 " + ok, "--pct-depth"},
        {"replay " + ok, "--schedule is required"},
        {"run", "FILE is required"},
    };
    for (const auto& c : cases) {
        INFO("lockstep " << c.args);
        Ran r = run_lockstep(c.args);
        CHECK(r.code == 2);
        if (!c.message.empty()) CHECK(contains(r.err, c.message));
        CHECK(r.out.empty());
    }
}

TEST_CASE("a missing file is an input error, exit 2", "[cli][input]") {
    Ran r = run_lockstep("check /nonexistent/nothing.go");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "/nonexistent/nothing.go: no such file or directory"));
    Ran run = run_lockstep("run /nonexistent/nothing.go");
    CHECK(run.code == 2);
    CHECK(contains(run.err, "nothing.go"));
}

TEST_CASE("a directory without .go files is an input error, exit 2", "[cli][input]") {
    write_temp("empty_dir/readme.txt", "no scenarios here\n");
    Ran r = run_lockstep("check " + shell_quote(temp_dir() + "/empty_dir"));
    CHECK(r.code == 2);
    CHECK(contains(r.err, "no .go files in directory"));
}

TEST_CASE("an unwritable -o destination is a usage error", "[cli][input]") {
    std::string ok = write_temp("out/ok.go", counter(true, ""));
    Ran r = run_lockstep("check -o /nonexistent/dir/report.txt " + ok);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "cannot write report to /nonexistent/dir/report.txt"));
}

TEST_CASE("a syntax error is a diagnostic with position and caret, exit 2", "[cli][input][pipeline]") {
    std::string bad = write_temp("syntax/bad.go", "package main\n\nfunc main() {\n\tx := \n}\n");
    Ran r = run_lockstep("check --no-progress " + bad);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "bad.go:"));
    CHECK(contains(r.err, "syntax error"));
    CHECK(contains(r.err, "^"));
    CHECK(contains(r.out, "bad.go: error"));
}

TEST_CASE("an unknown kind in //lockstep:expect is a diagnostic at the directive, exit 2", "[cli][input][pipeline]") {
    std::string bad = write_temp("expect/typo.go", counter(true, "//lockstep:expect data-rcae\n"));
    Ran r = run_lockstep("check " + bad);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "typo.go:7:1: unknown bug kind \"data-rcae\""));
}

TEST_CASE("a clean scenario is verified, exit 0", "[cli][pipeline]") {
    std::string clean = write_temp("pipeline/clean.go", counter(true, ""));
    Ran r = run_lockstep("check --no-progress " + clean);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "clean.go: verified (dpor"));
    CHECK(r.err.empty());
}

TEST_CASE("a buggy scenario is a bug, exit 1, with its report", "[cli][pipeline]") {
    std::string buggy = write_temp("pipeline/buggy.go", counter(false, ""));
    Ran r = run_lockstep("check --no-progress --color never " + buggy);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "error: data-race"));
    CHECK(contains(r.out, "lockstep replay " + buggy + " --schedule "));
    CHECK(contains(r.out, "help: "));
    CHECK(contains(r.out, "buggy.go: bug"));
    CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("--all finds every distinct bug kind", "[cli][pipeline]") {
    std::string buggy = write_temp("pipeline/buggy_all.go", counter(false, ""));
    Ran r = run_lockstep("check --all --no-progress " + buggy);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "data-race"));
    CHECK(contains(r.out, "lost-update"));
}

TEST_CASE("a scenario whose findings match its expect line passes, exit 0", "[cli][pipeline][expect]") {
    std::string expected = write_temp("pipeline/expected.go", counter(false, "//lockstep:expect data-race lost-update\n"));
    Ran r = run_lockstep("check --no-progress " + expected);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "expected data-race lost-update: ok"));
}

TEST_CASE("an expect mismatch fails, exit 1", "[cli][pipeline][expect]") {
    std::string wrong = write_temp("pipeline/wrong.go", counter(false, "//lockstep:expect none\n"));
    Ran r = run_lockstep("check --no-progress " + wrong);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "MISMATCH: expected none, found"));
    std::string missing = write_temp("pipeline/missing.go", counter(true, "//lockstep:expect deadlock\n"));
    Ran m = run_lockstep("check --no-progress " + missing);
    CHECK(m.code == 1);
    CHECK(contains(m.out, "MISMATCH: expected deadlock, found none"));
}

TEST_CASE("a directory is checked file by file in sorted order with a summary", "[cli][pipeline]") {
    write_temp("dir/b/second.go", counter(true, "//lockstep:expect none\n"));
    write_temp("dir/a_first.go", counter(false, "//lockstep:expect data-race lost-update\n"));
    Ran r = run_lockstep("check --no-progress " + shell_quote(temp_dir() + "/dir"));
    CHECK(r.code == 0);
    size_t first = r.out.find("a_first.go: bug"), second = r.out.find("second.go: verified");
    CHECK(first != std::string::npos);
    CHECK(second != std::string::npos);
    CHECK(first < second);
    CHECK(contains(r.out, "checked 2 scenarios"));
}

TEST_CASE("-q reports only failing scenarios", "[cli][pipeline]") {
    std::string clean = write_temp("quiet/clean.go", counter(true, ""));
    Ran r = run_lockstep("check -q " + clean);
    CHECK(r.code == 0);
    CHECK(r.out.empty());
}

TEST_CASE("JSON output is one parseable document with SPEC keys", "[cli][pipeline][json]") {
    std::string buggy = write_temp("json/buggy.go", counter(false, "//lockstep:expect data-race lost-update\n"));
    std::string clean = write_temp("json/clean.go", counter(true, ""));
    Ran r = run_lockstep("check --format json --all --no-progress " + buggy + " " + clean);
    CHECK(r.code == 0);
    nlohmann::json doc;
    REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
    CHECK(doc["tool"]["name"] == "lockstep");
    REQUIRE(doc["scenarios"].size() == 2);
    CHECK(doc["scenarios"][0]["file"] == buggy);
    CHECK(doc["scenarios"][0]["verdict"] == "bug");
    CHECK(doc["scenarios"][0]["expected"]["met"] == true);
    CHECK(!doc["scenarios"][0]["bugs"].empty());
    CHECK(doc["scenarios"][0]["bugs"][0]["schedule"].is_string());
    CHECK(doc["scenarios"][1]["verdict"] == "verified");
    CHECK(doc["scenarios"][1]["stats"]["strategy"] == "dpor");
}

TEST_CASE("-o writes the report to a file", "[cli][pipeline][json]") {
    std::string clean = write_temp("out2/clean.go", counter(true, ""));
    std::string dest = temp_dir() + "/out2/report.json";
    Ran r = run_lockstep("check --format json -o " + dest + " " + clean);
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    std::ifstream in(dest);
    nlohmann::json doc;
    REQUIRE_NOTHROW(doc = nlohmann::json::parse(in));
    CHECK(doc["scenarios"][0]["verdict"] == "verified");
}

TEST_CASE("replay of a reported schedule reproduces the bug with its full trace", "[cli][pipeline][replay]") {
    std::string buggy = write_temp("replay/buggy.go", counter(false, ""));
    Ran r = run_lockstep("check --format json --no-progress " + buggy);
    REQUIRE(r.code == 1);
    auto doc = nlohmann::json::parse(r.out);
    REQUIRE(!doc["scenarios"][0]["bugs"].empty());
    const auto& bug = doc["scenarios"][0]["bugs"][0];
    std::string token = bug["schedule"];
    std::string kind = bug["kind"];
    Ran replay = run_lockstep("replay --color never " + buggy + " --schedule " + shell_quote(token));
    CHECK(replay.code == 1);
    CHECK(contains(replay.out, "error: " + kind));
    CHECK(contains(replay.out, "step"));
    CHECK(contains(replay.out, "G1 main"));
    Ran garbage = run_lockstep("replay " + buggy + " --schedule '!!not-a-token!!'");
    CHECK(garbage.code == 2);
    CHECK(contains(garbage.err, "schedule"));
}

TEST_CASE("run prints the program's output like go run", "[cli][pipeline][run]") {
    std::string clean = write_temp("run/clean.go", counter(true, ""));
    Ran r = run_lockstep("run " + clean);
    CHECK(r.code == 0);
    CHECK(r.out == "n = 2\n");
}

TEST_CASE("run reports an unrecovered panic like Go, exit 2", "[cli][pipeline][run]") {
    std::string p = write_temp("run/panic.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n"
                                               "\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n");
    Ran r = run_lockstep("run " + p);
    CHECK(r.code == 2);
    CHECK(r.out == "before\n");
    CHECK(r.err.rfind("panic: assignment to entry in nil map", 0) == 0);
    CHECK(contains(r.err, "\n\ngoroutine 1 [running]:\n"));
}

TEST_CASE("run reports a deadlock like Go, exit 2", "[cli][pipeline][run]") {
    std::string d = write_temp("run/deadlock.go", "package main\n\nimport \"sync\"\n\nfunc main() {\n\tvar mu sync.Mutex\n"
                                                  "\tmu.Lock()\n\tmu.Lock()\n}\n");
    Ran r = run_lockstep("run " + d);
    CHECK(r.code == 2);
    CHECK(r.err.rfind("fatal error: all goroutines are asleep - deadlock!", 0) == 0);
}

TEST_CASE("vet front-end checks each file", "[cli][vet]") {
    Ran missing = run_lockstep("vet /nonexistent/x.go");
    CHECK(missing.code == 2);
}
