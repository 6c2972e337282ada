// The standard library's generic API used without declaring generic code:
// atomic.Pointer[T] (Go 1.19) and sync.OnceFunc, OnceValue, OnceValues (Go 1.21, so
// --lang go1.21). Go 1.19 has no OnceFunc: the expected outputs are those of Go 1.19
// running the same program with Go 1.21's OnceFunc/OnceValue/OnceValues copied in as
// local functions (go run, -race), recorded in the comments.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("atomic.Pointer[T]: Load, Store, Swap and CompareAndSwap as Go 1.19's", "[cli][stdlib][generics]") {
    // go run (Go 1.19): exactly this output; go vet clean.
    std::string file = write_temp("stdlib_generic/pointer.go", R"(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name string
	N    int
}

type holder struct {
	cur atomic.Pointer[Config]
}

func main() {
	var h holder
	fmt.Println(h.cur.Load() == nil)
	c1 := &Config{"one", 1}
	h.cur.Store(c1)
	fmt.Println(h.cur.Load().Name)
	old := h.cur.Swap(&Config{"two", 2})
	fmt.Println(old.Name, h.cur.Load().N)
	fmt.Println(h.cur.CompareAndSwap(c1, nil), h.cur.CompareAndSwap(h.cur.Load(), c1), h.cur.Load().Name)
	p := new(atomic.Pointer[int])
	x := 5
	p.Store(&x)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		y := *p.Load() + 1
		p.Store(&y)
	}()
	wg.Wait()
	fmt.Println(*p.Load())
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "true\none\none 2\nfalse true one\n6\n");
    Ran c = run_lockstep("check --no-progress " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "verified"));
}

TEST_CASE("atomic.Pointer publishes the pointer, not later writes to the pointee", "[cli][stdlib][generics]") {
    // go run -race (Go 1.19): WARNING: DATA RACE (5 of 6 runs) on c.N.
    std::string file = write_temp("stdlib_generic/pointer_race.go", R"(package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ N int }

func main() {
	var p atomic.Pointer[Config]
	done := make(chan bool)
	go func() {
		if c := p.Load(); c != nil {
			fmt.Println(c.N >= 0)
		}
		done <- true
	}()
	c := &Config{}
	p.Store(c)
	c.N = 1
	<-done
}
)");
    Ran c = run_lockstep("check --no-progress --color never " + file);
    CHECK(c.code == 1);
    CHECK(contains(c.out, "data-race on c.N"));
}

TEST_CASE("atomic.Pointer without its type argument, and instantiating a non-generic type, are Go's errors",
          "[cli][stdlib][generics]") {
    std::string file = write_temp("stdlib_generic/pointer_bad.go", R"(package main

import "sync/atomic"

func main() {
	var p atomic.Pointer
	var q atomic.Value[int]
	_, _ = p, q
}
)");
    Ran c = run_lockstep("check --no-progress " + file);
    CHECK(c.code == 2);
    CHECK(contains(c.err, "pointer_bad.go:6:8: cannot use generic type atomic.Pointer[T any] without instantiation"));
    CHECK(contains(c.err, "pointer_bad.go:7:8: atomic.Value is not a generic type"));
}

namespace {
const char* once_program = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++; fmt.Println("init") })
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
	f()
	fmt.Println("calls", calls)

	v := sync.OnceValue(func() int { fmt.Println("compute"); return 42 })
	fmt.Println(v(), v())

	vs := sync.OnceValues(func() (string, error) { return "cfg", nil })
	s, err := vs()
	fmt.Println(s, err)

	p := sync.OnceFunc(func() { panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered", recover()) }()
			p()
		}()
	}
	pv := sync.OnceValue(func() int { panic(fmt.Errorf("bad %d", 7)) })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered", recover()) }()
			fmt.Println(pv())
		}()
	}
}
)";
}  // namespace

TEST_CASE("sync.OnceFunc, OnceValue and OnceValues run f once; a panic in f is raised again by every call",
          "[cli][stdlib][generics]") {
    // Go 1.19 with Go 1.21's functions as local ones: exactly this output, -race clean.
    std::string file = write_temp("stdlib_generic/once.go", once_program);
    const std::string want =
        "init\ncalls 1\ncompute\n42 42\ncfg <nil>\nrecovered boom\nrecovered boom\nrecovered bad 7\nrecovered bad 7\n";
    Ran r = run_lockstep("run --lang go1.21 " + file);
    CHECK(r.code == 0);
    CHECK(r.out == want);
    Ran c = run_lockstep("check --no-progress --color never --lang go1.21 " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "verified"));
    CHECK(!contains(c.out, "once-panic"));  // the re-panics are OnceFunc's design, not a misuse
    // Before Go 1.21 they do not exist (Go 1.19: "undefined: sync.OnceFunc").
    Ran old = run_lockstep("check --no-progress " + file);
    CHECK(old.code == 2);
    CHECK(contains(old.err, "once.go:10:12: undefined: sync.OnceFunc"));
}

TEST_CASE("an unrecovered panic in OnceFunc's f is reported as Go reports the re-panic", "[cli][stdlib][generics]") {
    // Go 1.19 (local OnceFunc): "panic: boom [recovered]\n\tpanic: boom\n", exit status 2.
    std::string file = write_temp("stdlib_generic/once_panic.go", R"(package main

import "sync"

func main() {
	p := sync.OnceFunc(func() { panic("boom") })
	p()
}
)");
    Ran r = run_lockstep("run --lang go1.21 " + file);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "panic: boom [recovered]\n\tpanic: boom\n"));
}

TEST_CASE("sync.OnceValue's callers are ordered after f; misuse is Go's error", "[cli][stdlib][generics]") {
    // Go 1.19 with a local OnceValue, -race: no race (f's write of shared happens before
    // both results, and the goroutine's later write after its own call).
    std::string file = write_temp("stdlib_generic/once_hb.go", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	shared := 0
	get := sync.OnceValue(func() int { shared = 1; return shared })
	done := make(chan bool)
	go func() {
		fmt.Println(get())
		shared = 2
		done <- true
	}()
	fmt.Println(get())
	<-done
}
)");
    Ran c = run_lockstep("check --no-progress --lang go1.21 " + file);
    CHECK(c.code == 0);
    CHECK(contains(c.out, "verified"));
    std::string bad = write_temp("stdlib_generic/once_bad.go", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	f := sync.OnceValue(func(x int) int { return x })
	g := sync.OnceFunc(func() int { return 1 })
	h := sync.OnceValue
	fmt.Println(f, g, h)
}
)");
    Ran b = run_lockstep("check --no-progress --lang go1.21 " + bad);
    CHECK(b.code == 2);
    CHECK(contains(b.err, "once_bad.go:9:22: in call to sync.OnceValue, type func(x int) int of func(x int) int {…} does not match func() T"));
    CHECK(contains(b.err, "once_bad.go:10:21: cannot use func() int {…} (value of type func() int) as func() value in argument to sync.OnceFunc"));
    CHECK(contains(b.err, "once_bad.go:11:12: cannot use generic function sync.OnceValue without instantiation"));
}
