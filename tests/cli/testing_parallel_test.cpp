// Parallel subtests (t.Parallel() inside t.Run), compared with go test (Go 1.19) on the
// same test files, run by hand: `go test -count=20` passes TestOrder, TestTogether and
// TestNested; `go test -race` reports the race of TestSharedCounter (with GOMAXPROCS=2;
// with GOMAXPROCS=1 go test's -parallel limit of 1 runs the two subtests one after the
// other, and the race detector sees them ordered); the failure and panic texts are go
// test's.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("parallel subtests start in order, run after the parent's function, before its cleanups", "[cli][testing]") {
    std::string file = write_temp("parallel/order_test.go", R"(package par

import (
	"strings"
	"sync"
	"testing"
)

// Parallel subtests start in order, pause at t.Parallel(), and run after the parent's
// function returned, before its cleanups.
func TestOrder(t *testing.T) {
	var mu sync.Mutex
	var order []string
	record := func(s string) {
		mu.Lock()
		order = append(order, s)
		mu.Unlock()
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		got := strings.Join(order, ",")
		if !strings.HasPrefix(got, "start a,start b,body done,") || len(order) != 5 {
			t.Errorf("order %s", got)
		}
	})
	for _, name := range []string{"a", "b"} {
		name := name
		ok := t.Run(name, func(t *testing.T) {
			record("start " + name)
			t.Parallel()
			record("run " + name)
		})
		if !ok {
			t.Errorf("Run(%s) = false", name)
		}
	}
	record("body done")
}

// The two parallel subtests run at the same time: each waits for the other.
func TestTogether(t *testing.T) {
	aReady := make(chan bool)
	bReady := make(chan bool)
	t.Run("a", func(t *testing.T) {
		t.Parallel()
		close(aReady)
		<-bReady
	})
	t.Run("b", func(t *testing.T) {
		t.Parallel()
		close(bReady)
		<-aReady
	})
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + file);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "(TestOrder): verified"));
    // the subtests wait for each other: run one after the other, they would deadlock
    CHECK(contains(r.out, "(TestTogether): verified"));
    std::string nested = write_temp("parallel/nested_test.go", R"(package par

import (
	"sync"
	"testing"
)

// A parallel subtest with parallel subtests of its own: the inner ones run after the
// outer one's function returned, before the outer one is done.
func TestNested(t *testing.T) {
	var mu sync.Mutex
	var log []string
	add := func(s string) {
		mu.Lock()
		log = append(log, s)
		mu.Unlock()
	}
	t.Run("outer", func(t *testing.T) {
		t.Parallel()
		for _, n := range []string{"i1", "i2"} {
			n := n
			t.Run(n, func(t *testing.T) {
				t.Parallel()
				add(n)
			})
		}
		add("outer body")
		t.Cleanup(func() {
			mu.Lock()
			defer mu.Unlock()
			if len(log) != 3 || log[0] != "outer body" {
				t.Errorf("log %v", log)
			}
		})
	})
}
)");
    Ran n = run_lockstep("check --no-progress --color never " + nested);
    CHECK(n.code == 0);
    CHECK(contains(n.out, "(TestNested): verified"));
}

TEST_CASE("two parallel subtests updating one variable race", "[cli][testing]") {
    std::string file = write_temp("parallel/race_test.go", R"(package par

import (
	"testing"
	"time"
)

// Two parallel subtests update one counter without a lock.
func TestSharedCounter(t *testing.T) {
	hits := 0
	for _, name := range []string{"x", "y"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			time.Sleep(10 * time.Millisecond)
			hits++
		})
	}
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + file);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "error: data-race on hits"));
    CHECK(contains(r.out, "(testing.tRunner) created at race_test.go:13:4"));
}

TEST_CASE("a parallel subtest's failure is reported under its parent; t.Parallel twice panics", "[cli][testing]") {
    std::string file = write_temp("parallel/fail_test.go", R"(package par

import "testing"

// A parallel subtest's failure is reported under its parent, after the parent's body.
func TestFailing(t *testing.T) {
	t.Run("bad", func(t *testing.T) {
		t.Parallel()
		t.Error("bad subtest")
	})
	t.Log("parent body")
}

func TestTwice(t *testing.T) {
	t.Run("twice", func(t *testing.T) {
		t.Parallel()
		t.Parallel()
	})
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + file);
    CHECK(r.code == 1);
    // go test: the parent's log line first (its function ran before the subtest did)
    CHECK(contains(r.out, "error[test-failure]: --- FAIL: TestFailing (0.00s)\n"));
    CHECK(contains(r.out, "    fail_test.go:11: parent body\n        --- FAIL: TestFailing/bad (0.00s)\n"
                          "            fail_test.go:9: bad subtest\n"));
    CHECK(contains(r.out, "error: panic: testing: t.Parallel called multiple times"));
}
