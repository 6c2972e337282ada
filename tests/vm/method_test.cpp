// Methods the compiler reaches through wrappers: promoted methods in interface method
// tables (embedded values and pointers, library types such as sync.Mutex), method
// expressions, method values, RWMutex.RLocker and library functions used as values. The
// .out files are what `go run` (Go 1.19) printed for the same programs.
#include <catch2/catch.hpp>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

TEST_CASE("promoted methods dispatch through sync.Locker, fmt.Stringer and error", "[vm][methods]") {
    RunResult r = run_go(read_source("tests/vm/programs/promoted_methods.go"));
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/promoted_methods.out"));
    // the Locker calls on the embedded Mutex are real Lock/Unlock operations
    int locks = 0, unlocks = 0;
    for (const Operation& op : r.trace) {
        locks += op.kind == OpKind::Lock;
        unlocks += op.kind == OpKind::Unlock;
    }
    CHECK(locks == 3);
    CHECK(unlocks == 3);
}

TEST_CASE("method expressions, method values, RLocker and library function values", "[vm][methods]") {
    RunResult r = run_go(read_source("tests/vm/programs/method_values.go"));
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/method_values.out"));
    // rl.Lock / rl.Unlock are RLock / RUnlock of the RWMutex; TryLock then fails
    bool rlock = false, runlock = false, trylock = false;
    for (const Operation& op : r.trace) {
        rlock |= op.kind == OpKind::RLock;
        runlock |= op.kind == OpKind::RUnlock;
        trylock |= op.kind == OpKind::TryLock;
    }
    CHECK(rlock);
    CHECK(runlock);
    CHECK(trylock);
}

TEST_CASE("a Locker through an interface on a shared mutex excludes another goroutine", "[vm][methods]") {
    // The embedded mutex's Lock through sync.Locker must name the same sync object as a
    // direct g.Lock(), or the two goroutines would not exclude each other.
    Compiled c = compile_source(R"(package main

import "sync"

type Guarded struct {
	sync.Mutex
	n int
}

func main() {
	g := &Guarded{}
	var l sync.Locker = g
	done := make(chan bool)
	go func() {
		g.Lock()
		g.n++
		g.Unlock()
		done <- true
	}()
	l.Lock()
	g.n++
	l.Unlock()
	<-done
}
)");
    Machine m(c.module);
    RunResult r = run_lowest_first(m);
    std::vector<uint32_t> ids;
    for (const Operation& op : r.trace)
        if (op.kind == OpKind::Lock) ids.push_back(op.object);
    REQUIRE(ids.size() == 2);
    CHECK(ids[0] == ids[1]);
}
