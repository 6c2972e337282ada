// The language version (--lang, go.mod's `go` line): Go 1.22's per-iteration loop
// variables and range over integers against Go 1.19 running the equivalent program with
// an explicit per-iteration copy (`i := i`). The expected outputs are what Go 1.19 prints
// for the copy programs; when `go` is on PATH the test also runs them and compares.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;
using lockstep::test_support::run_captured;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// `body` is the loop; `copy` is what the Go 1.19 twin inserts at the top of each body.
std::string loops(bool with_copy) {
    std::string c = with_copy ? "\t\ti := i\n" : "";
    std::string k = with_copy ? "\t\tk := k\n" : "";
    std::string v = with_copy ? "\t\tv := v\n" : "";
    return R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var fns []func() int
	for i := 0; i < 3; i++ {
)" + c + R"(		fns = append(fns, func() int { return i })
	}
	for _, f := range fns {
		fmt.Print(f(), " ")
	}
	var ptrs []*int
	for k, v := range []int{10, 20} {
)" + k + v + R"(		ptrs = append(ptrs, &v)
		_ = k
	}
	fmt.Println(*ptrs[0], *ptrs[1])
	var wg sync.WaitGroup
	sum := make(chan int, 2)
	for i := 0; i < 2; i++ {
)" + c + R"(		wg.Add(1)
		go func() {
			defer wg.Done()
			sum <- i
		}()
	}
	wg.Wait()
	fmt.Println(<-sum + <-sum)
}
)";
}

const char* go119_copy_output = "0 1 2 10 20\n1\n";

std::string go_run(const std::string& file) {
    if (run_captured("command -v go").code != 0) return {};
    auto r = run_captured("GO111MODULE=off GOFLAGS= go run " + shell_quote(file));
    return r.code == 0 ? r.out : "go run failed: " + r.err;
}

}  // namespace

TEST_CASE("--lang go1.22 gives each iteration its own loop variables, as Go 1.19 with a copy", "[cli][lang]") {
    std::string shared = write_temp("lang/loops.go", loops(false));
    std::string copied = write_temp("lang/loops_copy.go", loops(true));
    if (std::string go = go_run(copied); !go.empty()) CHECK(go == go119_copy_output);
    Ran with22 = run_lockstep("run --lang go1.22 " + shared);
    CHECK(with22.code == 0);
    CHECK(with22.out == go119_copy_output);
    Ran copy19 = run_lockstep("run " + copied);
    CHECK(copy19.out == go119_copy_output);
    // Go 1.19 (the default): one variable per loop; the goroutines race on i.
    Ran with19 = run_lockstep("run " + shared);
    CHECK(with19.out == "3 3 3 20 20\n4\n");
    Ran check19 = run_lockstep("check --no-progress --color never " + shared);
    CHECK(check19.code == 1);
    CHECK(contains(check19.out, "data-race on i"));
    Ran check22 = run_lockstep("check --lang go1.22 --no-progress --color never " + shared);
    CHECK(check22.code == 0);
    CHECK(contains(check22.out, "verified"));
}

TEST_CASE("go.mod's go line sets the version; --lang overrides it", "[cli][lang]") {
    write_temp("lang/mod22/go.mod", "module example.com/mod22\n\ngo 1.22\n");
    std::string file = write_temp("lang/mod22/sub/loops.go", loops(false));
    Ran r = run_lockstep("run " + file);
    CHECK(r.out == go119_copy_output);
    Ran forced = run_lockstep("run --lang go1.19 " + file);
    CHECK(forced.out == "3 3 3 20 20\n4\n");
    write_temp("lang/mod19/go.mod", "module example.com/mod19\n\ngo 1.19\n");
    std::string file19 = write_temp("lang/mod19/loops.go", loops(false));
    CHECK(run_lockstep("run " + file19).out == "3 3 3 20 20\n4\n");
}

TEST_CASE("range over an integer needs go1.22", "[cli][lang]") {
    std::string file = write_temp("lang/range_int.go", R"(package main

import "fmt"

type count uint8

func main() {
	total := 0
	for i := range 4 {
		total += i
	}
	var n count = 3
	for j := range n {
		fmt.Print(j, " ")
	}
	for range 2 {
		total++
	}
	fmt.Println(total)
}
)");
    // Go 1.19 running the equivalent `for i := 0; i < 4; i++` loops prints "0 1 2 8".
    Ran r = run_lockstep("run --lang go1.22 " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "0 1 2 8\n");
    Ran old = run_lockstep("check --no-progress " + file);
    CHECK(old.code == 2);
    CHECK(contains(old.err, "range_int.go:9:17: cannot range over 4"));
    CHECK(contains(old.err, "requires go1.22 or later"));
}

TEST_CASE("a malformed --lang is a usage error", "[cli][lang][usage]") {
    std::string file = write_temp("lang/plain.go", "package main\n\nfunc main() {}\n");
    for (const char* bad : {"1.x", "go2.0", "go1.", "fast"}) {
        Ran r = run_lockstep(std::string("check --lang ") + bad + " " + file);
        CHECK(r.code == 2);
        CHECK(contains(r.err, "--lang"));
    }
}

TEST_CASE("min and max (go1.21) agree with Go 1.19 running explicit helper functions", "[cli][lang]") {
    std::string with_builtins = write_temp("lang/minmax.go", R"GO(package main

import "fmt"

type level uint8

func main() {
	a, b, c := 3, -1, 7
	fmt.Println(min(a, b, c), max(a, b, c), min(a), max(2, a))
	x, y := 2.5, 1.5
	fmt.Println(min(x, y), max(x, y, 4))
	s := "pear"
	fmt.Println(min(s, "apple", "zoo"), max(s, "apple"))
	var l level = 200
	fmt.Println(max(l, 100), min(l, 255))
	const k = min(4, 2, 9)
	fmt.Println(k, max(1, 2.5))
}
)GO");
    std::string helpers = write_temp("lang/minmax_helpers.go", R"GO(package main

import "fmt"

type level uint8

func minI(v ...int) int { m := v[0]; for _, x := range v[1:] { if x < m { m = x } }; return m }
func maxI(v ...int) int { m := v[0]; for _, x := range v[1:] { if x > m { m = x } }; return m }
func minF(v ...float64) float64 { m := v[0]; for _, x := range v[1:] { if x < m { m = x } }; return m }
func maxF(v ...float64) float64 { m := v[0]; for _, x := range v[1:] { if x > m { m = x } }; return m }
func minS(v ...string) string { m := v[0]; for _, x := range v[1:] { if x < m { m = x } }; return m }
func maxS(v ...string) string { m := v[0]; for _, x := range v[1:] { if x > m { m = x } }; return m }
func maxL(a, b level) level { if b > a { return b }; return a }
func minL(a, b level) level { if b < a { return b }; return a }

func main() {
	a, b, c := 3, -1, 7
	fmt.Println(minI(a, b, c), maxI(a, b, c), minI(a), maxI(2, a))
	x, y := 2.5, 1.5
	fmt.Println(minF(x, y), maxF(x, y, 4))
	s := "pear"
	fmt.Println(minS(s, "apple", "zoo"), maxS(s, "apple"))
	var l level = 200
	fmt.Println(maxL(l, 100), minL(l, 255))
	const k = 2
	fmt.Println(k, 2.5)
}
)GO");
    const char* want = "-1 7 3 3\n1.5 4\napple pear\n200 200\n2 2.5\n";  // go run minmax_helpers.go
    if (std::string go = go_run(helpers); !go.empty()) CHECK(go == want);
    Ran r = run_lockstep("run --lang go1.21 " + with_builtins);
    CHECK(r.code == 0);
    CHECK(r.out == want);
    Ran old = run_lockstep("check --no-progress " + with_builtins);
    CHECK(old.code == 2);
    CHECK(contains(old.err, "minmax.go:9:14: undefined: min"));
    std::string mixed = write_temp("lang/minmax_bad.go", "package main\n\nfunc main() {\n\tvar a int = 1\n\tvar b int64 = 2\n\t_ = max(a, b)\n\t_ = min(true, false)\n}\n");
    Ran bad = run_lockstep("check --lang go1.21 --no-progress " + mixed);
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "invalid argument: mismatched types int (previous argument) and int64 (type of b)"));
}
