// Copies of used sync objects are independent objects (fresh sync ids), as in Go: a
// struct assignment, a value receiver or a range variable copying a Mutex must not lock
// the original.
#include <catch2/catch.hpp>
#include <set>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

TEST_CASE("a copied mutex is independent of the original", "[vm][sync]") {
    RunResult r = run_go(read_source("tests/vm/programs/copied_mutex.go"));
    CHECK_FALSE(r.deadlock);
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/copied_mutex.out"));
}

TEST_CASE("copy of a used mutex gets its own sync id; the original keeps its id", "[vm][sync]") {
    RunResult r = run_go(R"(package main

import "sync"

type S struct{ mu sync.Mutex }

func main() {
	a := &S{}
	a.mu.Lock()
	a.mu.Unlock()
	b := *a
	b.mu.Lock()
	a.mu.Lock()
	b.mu.Unlock()
	a.mu.Unlock()
}
)");
    std::vector<uint32_t> ids;
    for (const Operation& op : r.trace)
        if (op.kind == OpKind::Lock) ids.push_back(op.object);
    REQUIRE(ids.size() == 3);
    CHECK(ids[0] == ids[2]);  // a.mu, before and after the copy
    CHECK(ids[1] != ids[0]);  // b.mu
    CHECK_FALSE(r.deadlock);
}
