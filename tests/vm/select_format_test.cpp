// select outcomes chosen by the scheduler (each ready case, default), the virtual clock
// (Sleep is a Yield, Since is deterministic) and Printf's flags and verbs against go run.
#include <catch2/catch.hpp>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

namespace {

const char* select_program = R"(package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 2
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-b:
		fmt.Println("b", v)
	default:
		fmt.Println("none")
	}
}
)";

// Runs goroutine 0 alone, answering its Select with `choice`; everything else is enabled.
std::string run_select(int64_t choice, uint32_t* cases = nullptr, bool* has_default = nullptr) {
    Compiled c = compile_source(select_program);
    Machine m(c.module);
    for (int step = 0; step < 100 && m.state(0) == GoroutineState::Pending; step++) {
        const Operation op = m.pending(0);
        if (op.kind == OpKind::Exit) break;
        Outcome out;
        if (op.kind == OpKind::Select) {
            if (cases) *cases = static_cast<uint32_t>(op.arg);
            if (has_default) *has_default = m.select_has_default(0);
            out.value = choice;
        }
        m.resume(0, out);
    }
    return std::string(m.output());
}

}  // namespace

TEST_CASE("select performs the case the scheduler chooses", "[vm][select]") {
    uint32_t cases = 0;
    bool has_default = false;
    CHECK(run_select(0, &cases, &has_default) == "a 1\n");
    CHECK(cases == 2);
    CHECK(has_default);
    CHECK(run_select(1) == "b 2\n");
    CHECK(run_select(-1) == "none\n");
}

TEST_CASE("Printf flags and verbs, nested %v/%+v/%#v, and the virtual clock match go run", "[vm][fmt]") {
    RunResult r = run_go(read_source("tests/vm/programs/printf_time.go"));
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/printf_time.out"));
    bool yield = false;
    for (const Operation& op : r.trace) yield |= op.kind == OpKind::Yield;
    CHECK(yield);  // time.Sleep
}

TEST_CASE("channels of zero-size values count their buffered values", "[vm][chan]") {
    // chan struct{} values occupy no slots; len() and receives must still see them.
    RunResult r = run_go(R"(package main

import "fmt"

func main() {
	done := make(chan struct{}, 2)
	done <- struct{}{}
	done <- struct{}{}
	fmt.Println(len(done), cap(done))
	<-done
	fmt.Println(len(done))
	_, ok := <-done
	fmt.Println(len(done), ok)
}
)");
    CHECK(r.output == "2 2\n1\n0 true\n");
}
