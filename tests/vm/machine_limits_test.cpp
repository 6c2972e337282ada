// What the VM reports when a program reaches one of lockstep's own bounds (MachineLimits)
// or Go's stack limit: a message that says which, at the source line responsible.
#include <catch2/catch.hpp>

#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;

namespace {

struct Limited {
    Compiled compiled;
    std::unique_ptr<Machine> machine;
    RunResult result;
    // The source line of the last operation performed (the Panic / Exit that ended it).
    uint32_t last_line() const { return machine->site(result.trace.back().site).pos.line; }
};

Limited run_limited(const std::string& src, MachineLimits limits = {}) {
    Limited l;
    l.compiled = compile_source(src);
    l.machine = std::make_unique<Machine>(l.compiled.module, limits);
    l.result = run_lowest_first(*l.machine);
    return l;
}

const char* k_recursion = R"(package main

import "fmt"

func f(n int) int {
	return f(n+1) + 1
}

func main() {
	fmt.Println(f(0))
}
)";

}  // namespace

TEST_CASE("the goroutine bound is lockstep's, named with how to raise it, at the go statement", "[vm][limits]") {
    const char* src = R"(package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go wg.Done()
	}
	wg.Wait()
}
)";
    MachineLimits limits;
    limits.max_goroutines = 4;
    Limited l = run_limited(src, limits);
    REQUIRE(l.result.trace.back().kind == OpKind::Panic);
    CHECK(l.result.fatal);
    CHECK(l.result.panic.rfind("lockstep bound: too many goroutines", 0) == 0);
    CHECK(l.result.panic.find("more than 4") != std::string::npos);
    CHECK(l.result.panic.find("//lockstep:bound goroutines=N") != std::string::npos);
    CHECK(l.last_line() == 9);
}

TEST_CASE("the heap bound is lockstep's, at the allocation", "[vm][limits]") {
    const char* src = R"(package main

import "fmt"

func main() {
	small := make([]int, 10)
	s := make([]int, 100000)
	fmt.Println(len(small), len(s))
}
)";
    MachineLimits limits;
    limits.max_heap_cells = 5000;
    Limited l = run_limited(src, limits);
    REQUIRE(l.result.trace.back().kind == OpKind::Panic);
    CHECK(l.result.fatal);
    CHECK(l.result.panic.rfind("lockstep bound:", 0) == 0);
    CHECK(l.result.panic.find("5000 heap cells (max_heap_cells)") != std::string::npos);
    CHECK(l.last_line() == 7);
}

TEST_CASE("output beyond max_output_bytes is cut with one marker line", "[vm][limits]") {
    const char* src = R"(package main

import "fmt"

func main() {
	for i := 0; i < 5; i++ {
		fmt.Println("0123456789")
	}
	print("still running\n")
}
)";
    MachineLimits limits;
    limits.max_output_bytes = 15;
    Limited l = run_limited(src, limits);
    CHECK(l.result.panic == "");
    CHECK(l.result.output == "0123456789\n0123\n[lockstep: output truncated after 15 bytes]\n");

    limits.max_output_bytes = 22;  // exactly two lines: nothing is cut yet
    Limited exact = run_limited(R"(package main

import "fmt"

func main() {
	fmt.Println("0123456789")
	fmt.Println("0123456789")
}
)", limits);
    CHECK(exact.result.output == "0123456789\n0123456789\n");
}

TEST_CASE("infinite recursion is Go's one-line fatal stack overflow, at the recursive call", "[vm][limits]") {
    Limited l = run_limited(k_recursion);
    REQUIRE(l.result.trace.back().kind == OpKind::Panic);
    CHECK(l.result.panic == "stack overflow");
    CHECK(l.result.fatal);
    CHECK(l.last_line() == 6);
}

TEST_CASE("the call depth bound is exactly max_call_depth frames", "[vm][limits]") {
    const char* src = R"(package main

func down(n int) {
	if n > 0 {
		down(n - 1)
	}
}

func main() {
	down(97)
}
)";
    MachineLimits limits;
    limits.max_call_depth = 100;  // runtime.main, main.main, then 98 frames of down
    CHECK(run_limited(src, limits).result.panic == "");
    limits.max_call_depth = 99;
    CHECK(run_limited(src, limits).result.panic == "stack overflow");
}

TEST_CASE("recursions Go runs, 100000 deep, run to the end", "[vm][limits]") {
    const char* src = R"(package main

import "fmt"

func sum(n int) int {
	if n == 0 {
		return 0
	}
	return n + sum(n-1)
}

func main() {
	fmt.Println(sum(10000), sum(100000))
}
)";
    Limited l = run_limited(src);
    CHECK(l.result.panic == "");
    CHECK(l.result.output == "50005000 5000050000\n");
}

TEST_CASE("String() calling fmt on itself overflows without overflowing lockstep's own stack", "[vm][limits]") {
    const char* src = R"(package main

import "fmt"

type T int

func (t T) String() string { return fmt.Sprint("T", int(t), T(t+1)) }

func main() {
	fmt.Println(T(1))
}
)";
    Limited l = run_limited(src);
    REQUIRE(l.result.trace.back().kind == OpKind::Panic);
    CHECK(l.result.panic == "stack overflow");
    CHECK(l.result.fatal);
    CHECK(l.last_line() == 7);
}

TEST_CASE("a panic in a String or Error method is recovered by fmt, as Go's catchPanic does", "[vm][format]") {
    const char* src = R"(package main

import (
	"errors"
	"fmt"
)

type T int

func (t T) String() string { panic("boom") }

type E struct{ n int }

func (e *E) Error() string {
	if e.n > 1 {
		panic(errors.New("bad error"))
	}
	return "E"
}

func main() {
	fmt.Println(T(1), "after")
	fmt.Println(&E{1}, &E{2}, "x")
	var p *E
	fmt.Println(p)
}
)";
    Limited l = run_limited(src);
    CHECK(l.result.panic == "");
    CHECK(l.result.output ==
          "%!v(PANIC=String method: boom) after\n"
          "E %!v(PANIC=Error method: bad error) x\n"
          "<nil>\n");
}

TEST_CASE("a goroutine stopped at the instruction budget points at its loop", "[vm][limits]") {
    const char* src = R"(package main

func main() {
	x := 0
	for {
		x++
	}
}
)";
    Compiled c = compile_source(src);
    MachineLimits limits;
    limits.max_instructions_per_resume = 10000;
    Machine m(c.module, limits);
    m.reset();
    REQUIRE(m.state(0) == GoroutineState::Pending);
    const Operation& op = m.pending(0);
    REQUIRE(op.kind == OpKind::StepLimit);
    uint32_t line = m.site(op.site).pos.line;
    CHECK(line >= 5);
    CHECK(line <= 6);
    CHECK(m.site(op.site).function == "main.main");
}
