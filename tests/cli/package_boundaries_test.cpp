// What a package sees of another package of its module: only the exported fields and
// methods (Go 1.19's `go build` messages, run by hand on the same tree), and none of its
// //lockstep: directives, which are that package's own.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("another package's unexported fields and methods are undefined, as go build says", "[cli][packages]") {
    write_temp("pkgedge/hidden/go.mod", "module example.com/hidden\n\ngo 1.19\n");
    write_temp("pkgedge/hidden/lib/lib.go", R"(package lib

type T struct {
	Pub  int
	priv int
}

func (T) Exported() int { return 1 }
func (T) hidden() int   { return 2 }
func (*T) phidden()     {}

type I interface{ m() }

func New() *T { return &T{} }
)");
    std::string main = write_temp("pkgedge/hidden/main.go", R"(package main

import (
	"fmt"
	"example.com/hidden/lib"
)

func main() {
	t := lib.New()
	fmt.Println(t.Pub, t.priv, t.Exported())
	fmt.Println(t.hidden())
	t.phidden()
	var v lib.T
	_ = v.priv
	_ = lib.T.hidden
	var i lib.I
	i.m()
}
)");
    // go build (Go 1.19), for the same lines.
    Ran r = run_lockstep("check --no-progress " + main);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "main.go:10:23: t.priv undefined (type *lib.T has no field or method priv)"));
    CHECK(contains(r.err, "main.go:11:16: t.hidden undefined (type *lib.T has no field or method hidden)"));
    CHECK(contains(r.err, "main.go:12:4: t.phidden undefined (type *lib.T has no field or method phidden)"));
    CHECK(contains(r.err, "main.go:14:8: v.priv undefined (type lib.T has no field or method priv)"));
    CHECK(contains(r.err, "main.go:15:12: lib.T.hidden undefined (type lib.T has no method hidden)"));
    CHECK(contains(r.err, "main.go:17:4: i.m undefined (type lib.I has no field or method m)"));
}

TEST_CASE("an imported package's //lockstep: directives do not apply to the package checked", "[cli][packages]") {
    write_temp("pkgedge/dirs/go.mod", "module example.com/dirs\n\ngo 1.19\n");
    // The dependency's expect and bound are for checking it; a typo in them is its own
    // scenario's error.
    write_temp("pkgedge/dirs/dep/dep.go", R"(// Package dep.
//lockstep:expect data-race
//lockstep:bound executions=1
//lockstep:bogus
package dep

func Twice(x int) int { return 2 * x }
)");
    std::string main = write_temp("pkgedge/dirs/main.go", R"(package main

import (
	"fmt"
	"sync"

	"example.com/dirs/dep"
)

//lockstep:expect none
func main() {
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		total = dep.Twice(total)
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		mu.Lock()
		total++
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println(total)
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + main);
    CHECK(r.code == 0);
    CHECK(contains(r.out, "expected none: ok"));
    CHECK(contains(r.out, "main.go: verified"));
    // dep's executions=1 would have cut the search: both orders of the two goroutines
    // (go run: 1 or 2) are explored
    Ran j = run_lockstep("check --no-progress --format json " + main);
    CHECK(contains(j.out, "\"1\\n\""));
    CHECK(contains(j.out, "\"2\\n\""));
    CHECK(contains(j.out, "\"bound\": null"));
}
