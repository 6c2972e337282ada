// Copies of sync values (vm/sync_copy.cpp): a Load of a Mutex, WaitGroup or Once value's
// cell pauses as a SyncCopy naming the original and a snapshot id; the copy, first used
// at its own cell, gets a new id whose origin is the snapshot. Cond and Pool copies are
// plain loads (they start fresh).
#include <catch2/catch.hpp>

#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;

namespace {
// Resumes goroutine 0 until its pending operation is `kind` (fails after 50 steps).
const Operation& run_to(Machine& m, OpKind kind) {
    for (int i = 0; i < 50 && m.pending(0).kind != kind; ++i) m.resume(0, Outcome{});
    REQUIRE(m.pending(0).kind == kind);
    return m.pending(0);
}
}  // namespace

TEST_CASE("a copy of a locked Mutex is a SyncCopy, and the copy starts from its snapshot", "[vm][sync-copy]") {
    Compiled c = compile_source(R"(package main

import "sync"

type box struct {
	n  int
	mu sync.Mutex
}

func main() {
	var a box
	a.mu.Lock()
	b := a
	b.mu.Unlock()
	a.mu.Unlock()
}
)");
    Machine m(c.module);
    m.reset();
    uint32_t original = run_to(m, OpKind::Lock).object;
    m.resume(0, Outcome{});
    const Operation copy = run_to(m, OpKind::SyncCopy);
    CHECK(copy.object == original);
    uint32_t snapshot = static_cast<uint32_t>(copy.arg);
    CHECK(snapshot != original);
    CHECK(m.sync_origin(original) == UINT32_MAX);
    m.resume(0, Outcome{});
    const Operation unlock_copy = run_to(m, OpKind::Unlock);
    CHECK(unlock_copy.object != original);
    CHECK(unlock_copy.object != snapshot);
    CHECK(m.sync_origin(unlock_copy.object) == snapshot);
    m.resume(0, Outcome{});
    CHECK(run_to(m, OpKind::Unlock).object == original);
}

TEST_CASE("WaitGroup and Once values are copied, Cond values are not", "[vm][sync-copy]") {
    Compiled c = compile_source(R"(package main

import "sync"

type all struct {
	wg   sync.WaitGroup
	once sync.Once
	cond sync.Cond
}

func main() {
	p := new(all)
	b := *p
	_ = b
}
)");
    Machine m(c.module);
    m.reset();
    int copies = 0;
    for (int i = 0; i < 50 && m.state(0) == GoroutineState::Pending && m.pending(0).kind != OpKind::Exit; ++i) {
        if (m.pending(0).kind == OpKind::SyncCopy) ++copies;
        m.resume(0, Outcome{});
    }
    CHECK(copies == 2);  // the WaitGroup's and the Once's handles, not the Cond's
}
