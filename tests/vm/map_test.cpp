// Maps: hashed lookups with Go's key equality (ints, strings, structs, arrays, +0/-0,
// interfaces of different dynamic types), deletes and re-inserts, and lockstep's
// deterministic insertion-order iteration. maps.out is what `go run` printed.
#include <catch2/catch.hpp>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

TEST_CASE("map lookups follow Go's key equality", "[vm][maps]") {
    RunResult r = run_go(read_source("tests/vm/programs/maps.go"));
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/maps.out"));
}

TEST_CASE("range over a map is insertion order; a re-inserted key goes last", "[vm][maps]") {
    RunResult r = run_go(R"(package main

import "fmt"

func main() {
	m := map[string]int{}
	for _, k := range []string{"z", "a", "m", "b"} {
		m[k] = 1
	}
	delete(m, "a")
	m["a"] = 2
	m["z"] = 3
	for k, v := range m {
		fmt.Print(k, v, " ")
	}
	fmt.Println()
}
)");
    CHECK(r.output == "z3 m1 b1 a2 \n");
}

TEST_CASE("a large map finds every key and no other", "[vm][maps]") {
    // 150000 lookups in 50000 keys: ~10^9 key comparisons with a linear scan, instant hashed.
    Compiled c = compile_source(R"(package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := 0; i < 50000; i++ {
		m[i] = i
	}
	hits := 0
	for i := 0; i < 100000; i++ {
		if _, ok := m[i]; ok {
			hits++
		}
	}
	fmt.Println(hits)
}
)");
    MachineLimits limits;
    limits.max_instructions_per_resume = 5'000'000;
    Machine m(c.module, limits);
    RunResult r = run_lowest_first(m);
    CHECK(r.output == "50000\n");
}
