// TestXxx entry points end to end: the testing package's methods as go test runs them
// (Go 1.19's messages and `--- FAIL:` report, each checked with `go test` when written),
// the test lifecycle (FailNow, Skip, Cleanup, subtests, Log after the test completed),
// and the diagnostics for what lockstep does not run (TestMain, benchmarks, fuzz targets).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// go test prints (Go 1.19, checked):
//   failed: true / deferred / cleanup 2 / cleanup 1
//   --- FAIL: TestLifecycle (0.00s)
//       x_test.go:20: check failed: math
//       --- FAIL: TestLifecycle/a_b (0.00s)
//           x_test.go:22: stop TestLifecycle/a_b
const char* lifecycle = R"(package lifecycle

import (
	"fmt"
	"testing"
)

func check(t *testing.T, ok bool, what string) {
	t.Helper()
	if !ok {
		t.Errorf("check failed: %s", what)
	}
}

func TestLifecycle(t *testing.T) {
	t.Cleanup(func() { fmt.Println("cleanup 1") })
	t.Cleanup(func() { fmt.Println("cleanup 2") })
	defer fmt.Println("deferred")
	check(t, 1+1 == 3, "math")
	t.Run("a b", func(t *testing.T) {
		t.Fatalf("stop %s", t.Name())
		fmt.Println("not reached")
	})
	t.Run("a b", func(t *testing.T) {
		t.Skip("skipping")
	})
	t.Run("ok", func(t *testing.T) {
		t.Logf("name=%s short=%v", t.Name(), testing.Short())
	})
	fmt.Println("failed:", t.Failed())
	t.FailNow()
	fmt.Println("not reached 2")
}

func TestPasses(t *testing.T) {
	t.Log("only shown when the test fails")
	if !t.Run("sub", func(t *testing.T) {}) {
		t.Error("a passing subtest reported failure")
	}
}
)";

}  // namespace

TEST_CASE("a failing test is a test-failure with go test's report, each test its own entry", "[cli][testing]") {
    std::string file = write_temp("testing/lifecycle_test.go", lifecycle);
    Ran r = run_lockstep("check --no-progress --color never --format json " + file);
    CHECK(r.code == 1);
    nlohmann::json doc;
    REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
    REQUIRE(doc["scenarios"].size() == 2);
    CHECK(doc["scenarios"][0]["entry"] == "TestLifecycle");
    CHECK(doc["scenarios"][0]["verdict"] == "bug");
    REQUIRE(doc["scenarios"][0]["bugs"].size() == 1);
    const auto& bug = doc["scenarios"][0]["bugs"][0];
    CHECK(bug["kind"] == "test-failure");
    CHECK(bug["message"] == "--- FAIL: TestLifecycle (0.00s)");
    // the first failing call: t.Errorf inside the helper
    CHECK(bug["location"]["line"] == 11);
    // the output shows deferred calls before cleanups, cleanups last first, and nothing
    // after FailNow (the test function and the failed subtest stop there)
    CHECK(bug["output"] == "failed: true\ndeferred\ncleanup 2\ncleanup 1\n");
    CHECK(doc["scenarios"][1]["entry"] == "TestPasses");
    CHECK(doc["scenarios"][1]["verdict"] == "verified");
}

TEST_CASE("the report nests subtests and decorates lines past t.Helper() as go test does", "[cli][testing]") {
    std::string file = write_temp("testing/lifecycle_text_test.go", lifecycle);
    Ran r = run_lockstep("run --entry TestLifecycle " + file);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "--- FAIL: TestLifecycle (0.00s)\n"
                          "    lifecycle_text_test.go:19: check failed: math\n"
                          "    --- FAIL: TestLifecycle/a_b (0.00s)\n"
                          "        lifecycle_text_test.go:21: stop TestLifecycle/a_b\n"
                          "FAIL\n"));
    CHECK(!contains(r.out, "not reached"));
    CHECK(!contains(r.out, "skipping"));  // a skipped or passing subtest's log is not shown
    Ran pass = run_lockstep("run --entry TestPasses " + file);
    CHECK(pass.code == 0);
    CHECK(pass.out == "PASS\n");
}

TEST_CASE("t.Fatal from another goroutine fails the test; after the test ends it panics", "[cli][testing]") {
    // go test: "--- FAIL: TestWorker" with "worker failed" then "after wait" (the worker's
    // Goexit runs its deferred Done); in TestLate the goroutine outlives the test: Go panics
    // "Log in goroutine after TestLate has completed: late" when it runs before exit.
    std::string file = write_temp("testing/goroutines_test.go", R"(package goroutines

import (
	"sync"
	"testing"
	"time"
)

func TestWorker(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.Fatal("worker failed")
	}()
	wg.Wait()
	t.Log("after wait")
}

func TestLate(t *testing.T) {
	go func() {
		time.Sleep(10 * time.Millisecond)
		t.Log("late")
	}()
}

func TestLeak(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
}
)");
    Ran r = run_lockstep("check --no-progress --color never --format json " + file);
    CHECK(r.code == 1);
    nlohmann::json doc;
    REQUIRE_NOTHROW(doc = nlohmann::json::parse(r.out));
    REQUIRE(doc["scenarios"].size() == 3);
    REQUIRE(doc["scenarios"][0]["bugs"].size() == 1);
    CHECK(doc["scenarios"][0]["bugs"][0]["kind"] == "test-failure");
    REQUIRE(doc["scenarios"][1]["bugs"].size() == 1);
    CHECK(doc["scenarios"][1]["bugs"][0]["kind"] == "panic");
    CHECK(doc["scenarios"][1]["bugs"][0]["message"] == "panic: Log in goroutine after TestLate has completed: late\n");
    REQUIRE(doc["scenarios"][2]["bugs"].size() == 1);
    CHECK(doc["scenarios"][2]["bugs"][0]["kind"] == "goroutine-leak");
    CHECK(contains(doc["scenarios"][2]["bugs"][0]["message"], "after the test TestLeak returned"));
    Ran text = run_lockstep("check --no-progress --color never " + file);
    CHECK(contains(text.out, "    goroutines_test.go:14: worker failed\n"));
    CHECK(contains(text.out, "    goroutines_test.go:17: after wait\n"));
}

TEST_CASE("FailNow on a parent inside a subtest fails the subtest with Go's message", "[cli][testing]") {
    std::string file = write_temp("testing/parent_failnow_test.go", R"(package parent

import "testing"

func TestParentFailNow(t *testing.T) {
	t.Run("child", func(st *testing.T) {
		t.FailNow()
	})
	t.Log("not reached")
}
)");
    Ran r = run_lockstep("run --entry TestParentFailNow " + file);
    CHECK(r.code == 1);
    CHECK(r.out == "--- FAIL: TestParentFailNow (0.00s)\n"
                   "    --- FAIL: TestParentFailNow/child (0.00s)\n"
                   "        testing.go:1343: test executed panic(nil) or runtime.Goexit: subtest may have called FailNow on a parent test\n"
                   "FAIL\n");
}

TEST_CASE("a race between subtests' goroutines and a lost update in a test are found", "[cli][testing]") {
    std::string file = write_temp("testing/race_test.go", R"(package race

import (
	"sync"
	"testing"
)

func TestCounter(t *testing.T) {
	n := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	if n != 2 {
		t.Errorf("n = %d, want 2", n)
	}
}
)");
    Ran r = run_lockstep("check --all --no-progress --color never " + file);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "error: data-race on n"));
    CHECK(contains(r.out, "error[test-failure]: --- FAIL: TestCounter (0.00s)"));
    CHECK(contains(r.out, "race_test.go:20: n = 1, want 2"));
}

TEST_CASE("TestMain, benchmarks, fuzz targets and wrong signatures are diagnostics", "[cli][testing][input]") {
    struct Case {
        const char* decl;
        const char* message;
    } cases[] = {
        {"func TestMain(m *testing.M) { m.Run() }", "unsupported: TestMain"},
        {"func BenchmarkX(b *testing.B) {}", "unsupported: benchmark BenchmarkX"},
        {"func FuzzX(f *testing.F) {}", "unsupported: fuzz target FuzzX"},
        {"func TestWrong(t *testing.T, n int) {}", "wrong signature for TestWrong, must be: func TestWrong(t *testing.T)"},
    };
    int i = 0;
    for (const auto& c : cases) {
        std::string file = write_temp("testing/diag" + std::to_string(i++) + "_test.go",
                                      std::string("package diag\n\nimport \"testing\"\n\nfunc TestOK(t *testing.T) {}\n\n") + c.decl + "\n");
        Ran r = run_lockstep("check --no-progress " + file);
        INFO(c.decl << "\n" << r.err);
        CHECK(r.code == 2);
        CHECK(contains(r.err, c.message));
        CHECK(contains(r.err, "_test.go:7:"));
    }
}

TEST_CASE("packages with real I/O stay unsupported, naming the package", "[cli][input]") {
    int i = 0;
    for (const char* pkg : {"net", "net/http", "os/exec"}) {
        std::string file = write_temp("io/uses" + std::to_string(i++) + ".go",
                                      std::string("package main\n\nimport _ \"") + pkg + "\"\n\nfunc main() {}\n");
        Ran r = run_lockstep("check --no-progress " + file);
        CHECK(r.code == 2);
        CHECK(contains(r.err, std::string("unsupported: package \"") + pkg + "\""));
    }
}

TEST_CASE("edge cases of *testing.T behave as in go test", "[cli][testing]") {
    // go test -run (Go 1.19) on each: TestZeroT passes (a T made by the program logs into
    // its own, unreported buffer); TestMethodValue fails with "edge_test.go:12: hi 1";
    // TestNilT and TestNilRun panic with a nil dereference; TestCleanupFatal reports the
    // second cleanup's log first; TestDeepSub nests three levels.
    std::string file = write_temp("testing/edge_test.go", R"(package edge

import "testing"

func TestZeroT(t *testing.T) {
	var z testing.T
	z.Log("x")
}

func TestMethodValue(t *testing.T) {
	f := t.Logf
	f("hi %d", 1)
	t.Fail()
}

func TestNilT(t *testing.T) {
	var p *testing.T
	p.Log("x")
}

func TestNilRun(t *testing.T) {
	t.Run("nil", nil)
}

func TestCleanupFatal(t *testing.T) {
	t.Cleanup(func() { t.Fatal("in cleanup") })
	t.Cleanup(func() { t.Log("second cleanup runs first") })
}

func TestDeepSub(t *testing.T) {
	t.Run("a", func(t *testing.T) {
		t.Run("b", func(t *testing.T) {
			t.Error("deep")
		})
	})
}
)");
    CHECK(run_lockstep("run --entry TestZeroT " + file).out == "PASS\n");
    CHECK(run_lockstep("run --entry TestMethodValue " + file).out ==
          "--- FAIL: TestMethodValue (0.00s)\n    edge_test.go:12: hi 1\nFAIL\n");
    for (const char* e : {"TestNilT", "TestNilRun"}) {
        Ran r = run_lockstep(std::string("run --entry ") + e + " " + file);
        CHECK(r.code == 2);
        CHECK(contains(r.err, "panic: runtime error: invalid memory address or nil pointer dereference"));
    }
    CHECK(run_lockstep("run --entry TestCleanupFatal " + file).out ==
          "--- FAIL: TestCleanupFatal (0.00s)\n    edge_test.go:27: second cleanup runs first\n    edge_test.go:26: in cleanup\nFAIL\n");
    CHECK(run_lockstep("run --entry TestDeepSub " + file).out ==
          "--- FAIL: TestDeepSub (0.00s)\n    --- FAIL: TestDeepSub/a (0.00s)\n        --- FAIL: TestDeepSub/a/b (0.00s)\n"
          "            edge_test.go:33: deep\nFAIL\n");
}
