// sync.Once.Do's visible operations: OnceExit says whether f returned or panicked, which
// is what the checker's once-panic report rests on.
#include <catch2/catch.hpp>

#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;

namespace {

std::vector<int64_t> once_exit_args(const RunResult& r) {
    std::vector<int64_t> args;
    for (const Operation& op : r.trace)
        if (op.kind == OpKind::OnceExit) args.push_back(op.arg);
    return args;
}

}  // namespace

TEST_CASE("OnceExit carries arg 1 when f panics and 0 when it returns", "[vm][once]") {
    const char* src = R"(package main

import (
	"fmt"
	"sync"
)

func try(o *sync.Once, f func()) {
	defer func() { recover() }()
	o.Do(f)
}

func main() {
	var a, b sync.Once
	try(&a, func() { panic("no disk") })
	try(&a, func() { fmt.Println("never") })
	try(&b, func() { fmt.Println("ran") })
	fmt.Println("end")
}
)";
    RunResult r = run_go(src);
    CHECK(r.panic == "");
    CHECK(r.output == "ran\nend\n");
    CHECK(once_exit_args(r) == std::vector<int64_t>{1, 0});
}

TEST_CASE("a panic recovered inside f is a normal return of f", "[vm][once]") {
    const char* src = R"(package main

import "sync"

func main() {
	var o sync.Once
	o.Do(func() {
		defer func() { recover() }()
		panic("inner")
	})
}
)";
    RunResult r = run_go(src);
    CHECK(r.panic == "");
    CHECK(once_exit_args(r) == std::vector<int64_t>{0});
}

TEST_CASE("a Do run by a deferred call during an outer panic returns normally", "[vm][once]") {
    // The goroutine is panicking while f runs, yet f itself returns: not a once-panic.
    const char* src = R"(package main

import (
	"fmt"
	"sync"
)

var o sync.Once

func main() {
	defer func() { fmt.Println(recover()) }()
	defer o.Do(func() { fmt.Println("cleanup") })
	panic("outer")
}
)";
    RunResult r = run_go(src);
    CHECK(r.panic == "");
    CHECK(r.output == "cleanup\nouter\n");
    CHECK(once_exit_args(r) == std::vector<int64_t>{0});
}
