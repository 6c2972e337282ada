// Standard-library shims of issue 8 end to end, each compared with what Go 1.19 prints
// for the same program (go run, recorded in the comments).
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("sync.Map.Range visits the live entries in order until f returns false", "[cli][stdlib]") {
    // go run (Go 1.19): "0 0\n2 20\nsum 20\n" then "total 20" or "total 70" (the store
    // of 5 races with the concurrent Range; lockstep's first schedule runs main first).
    std::string file = write_temp("stdlib/map_range.go", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	for i := 0; i < 3; i++ {
		m.Store(i, i*10)
	}
	m.Delete(1)
	sum := 0
	m.Range(func(k, v any) bool {
		sum += v.(int)
		fmt.Println(k, v)
		return k.(int) < 2
	})
	fmt.Println("sum", sum)
	var empty sync.Map
	empty.Range(func(k, v any) bool { panic("never") })
	total := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m.Range(func(k, v any) bool { total += v.(int); return true })
	}()
	m.Store(5, 50)
	wg.Wait()
	fmt.Println("total", total)
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "0 0\n2 20\nsum 20\ntotal 70\n");
    Ran c = run_lockstep("check --no-progress --format json " + file);
    CHECK(c.code == 0);
    // both outcomes of the race between Store and the concurrent Range are explored
    CHECK(contains(c.out, "total 20\\n"));
    CHECK(contains(c.out, "total 70\\n"));
}

TEST_CASE("sync.Map.Range's callback racing a plain write is a data race", "[cli][stdlib]") {
    // go run -race (Go 1.19): WARNING: DATA RACE on seen.
    std::string file = write_temp("stdlib/map_range_race.go", R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	seen := 0
	done := make(chan bool)
	go func() {
		m.Range(func(k, v any) bool {
			seen++
			return true
		})
		done <- true
	}()
	seen = 10
	<-done
	fmt.Println(seen > 0)
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + file);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "data-race on seen"));
}

TEST_CASE("errors.Unwrap and errors.Is follow fmt's %w and user Unwrap methods", "[cli][stdlib]") {
    // go run (Go 1.19): "true true\ntrue true false\nwrite: deep: base\n"
    std::string file = write_temp("stdlib/unwrap.go", R"(package main

import (
	"errors"
	"fmt"
)

var ErrBase = errors.New("base")

type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

type plain struct{}

func (plain) Error() string { return "plain" }

func main() {
	w := fmt.Errorf("ctx: %w", &OpError{"read", ErrBase})
	fmt.Println(errors.Is(w, ErrBase), errors.Unwrap(errors.Unwrap(w)) == ErrBase)
	var e error = &OpError{"write", fmt.Errorf("deep: %w", ErrBase)}
	fmt.Println(errors.Is(e, ErrBase), errors.Unwrap(plain{}) == nil, errors.Is(plain{}, ErrBase))
	fmt.Println(e)
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "true true\ntrue true false\nwrite: deep: base\n");
}

TEST_CASE("sort.Search is Go's binary search, calling f at each probe", "[cli][stdlib]") {
    // go run (Go 1.19) prints exactly `want`; the probes are Go's (7 calls for n = 100).
    std::string file = write_temp("stdlib/sort_search.go", R"(package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	a := []int{1, 3, 5, 7, 9, 11}
	for _, x := range []int{0, 1, 2, 7, 11, 12} {
		i := sort.Search(len(a), func(i int) bool { return a[i] >= x })
		fmt.Println(x, i)
	}
	fmt.Println(sort.Search(0, func(int) bool { return true }))
	calls := 0
	fmt.Println(sort.Search(100, func(i int) bool { calls++; return i*i >= 50 }), calls)
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		a[0] = 4
		mu.Unlock()
	}()
	mu.Lock()
	fmt.Println(sort.Search(len(a), func(i int) bool { return a[i] >= 4 }) <= 2)
	mu.Unlock()
	wg.Wait()
}
)");
    const char* want = "0 0\n1 0\n2 1\n7 3\n11 5\n12 6\n0\n8 7\ntrue\n";
    Ran run = run_lockstep("run " + file);
    CHECK(run.code == 0);
    CHECK(run.out == want);
    Ran check = run_lockstep("check --no-progress --color never " + file);
    CHECK(check.code == 0);
    CHECK(contains(check.out, "verified"));
    // f's reads are visible: one racing a plain write is a data race (go run -race: DATA RACE, 3 of 3 runs).
    std::string racy = write_temp("stdlib/sort_search_race.go", R"(package main

import (
	"fmt"
	"sort"
)

func main() {
	a := []int{1, 3, 5, 7}
	done := make(chan bool)
	go func() {
		a[1] = 4
		done <- true
	}()
	fmt.Println(sort.Search(len(a), func(i int) bool { return a[i] >= 4 }) >= 1)
	<-done
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + racy);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "data-race on a[1]"));
}

TEST_CASE("sort.Sort and sort.Stable call a user sort.Interface as Go does", "[cli][stdlib]") {
    // go run (Go 1.19) prints exactly `want`: 13 Less calls for 7 elements is Go's
    // insertion sort (pdqsort below 13 elements); Stable keeps equal ages in order, also
    // past the 20-element blocks of Go's symMerge.
    std::string file = write_temp("stdlib/sort_interface.go", R"(package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type traced struct {
	v     []int
	calls int
}

func (t *traced) Len() int           { return len(t.v) }
func (t *traced) Less(i, j int) bool { t.calls++; return t.v[i] < t.v[j] }
func (t *traced) Swap(i, j int)      { t.v[i], t.v[j] = t.v[j], t.v[i] }

func main() {
	people := []person{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 10}, {"e", 20}}
	sort.Stable(byAge(people))
	fmt.Println(people)
	t := &traced{v: []int{5, 2, 8, 1, 9, 3, 7}}
	sort.Sort(t)
	fmt.Println(t.v, t.calls)
	var big []person
	for i := 0; i < 45; i++ {
		big = append(big, person{fmt.Sprint(i), (i * 7) % 5})
	}
	sort.Stable(byAge(big))
	fmt.Println(big[0], big[8], big[9], big[20], big[44])
	sort.Sort(byAge(nil))
}
)");
    const char* want = "[{d 10} {b 20} {e 20} {a 30} {c 30}]\n[1 2 3 5 7 8 9] 13\n{0 0} {40 0} {3 1} {11 2} {42 4}\n";
    Ran run = run_lockstep("run " + file);
    CHECK(run.code == 0);
    CHECK(run.out == want);
    Ran check = run_lockstep("check --no-progress --color never " + file);
    CHECK(check.code == 0);
}

TEST_CASE("sort.Slice and sort.SliceStable sort the slice as Go does", "[cli][stdlib]") {
    // go run (Go 1.19) prints exactly `want`: 16 less calls for 7 elements and the order of
    // the equal-length words are Go's insertion sort (pdqsort below 13 elements);
    // SliceStable keeps equal ages in order past 20 elements too.
    std::string file = write_temp("stdlib/sort_slice.go", R"(package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

func main() {
	people := []person{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 10}, {"e", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	xs := []int{5, 2, 8, 1, 9, 3, 7}
	calls := 0
	sort.Slice(xs, func(i, j int) bool { calls++; return xs[i] > xs[j] })
	fmt.Println(xs, calls)
	words := []string{"pear", "fig", "apple", "kiwi", "banana"}
	sort.Slice(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(words)
	var big []person
	for i := 0; i < 45; i++ {
		big = append(big, person{fmt.Sprint(i), (i * 7) % 5})
	}
	sort.SliceStable(big, func(i, j int) bool { return big[i].age < big[j].age })
	fmt.Println(big[0], big[8], big[9], big[20], big[44])
	sort.Slice([]int(nil), func(i, j int) bool { return false })
}
)");
    const char* want = "[{d 10} {b 20} {e 20} {a 30} {c 30}]\n[9 8 7 5 3 2 1] 16\n[fig pear kiwi apple banana]\n{0 0} {40 0} {3 1} {11 2} {42 4}\n";
    Ran run = run_lockstep("run " + file);
    CHECK(run.code == 0);
    CHECK(run.out == want);
    CHECK(run_lockstep("check --no-progress --color never " + file).code == 0);
    // The swaps are visible writes: one racing a goroutine's write is a data race (go run
    // -race: DATA RACE, 3 of 3 runs).
    std::string racy = write_temp("stdlib/sort_slice_race.go", R"(package main

import (
	"fmt"
	"sort"
)

func main() {
	xs := []int{3, 1, 2}
	done := make(chan bool)
	go func() {
		xs[2] = 0
		done <- true
	}()
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	<-done
	fmt.Println(len(xs))
}
)");
    Ran r = run_lockstep("check --no-progress --color never " + racy);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "data-race on xs[2]"));
}

TEST_CASE("clear (go1.21) zeroes a slice's elements and empties a map, as Go 1.19's loops", "[cli][stdlib][lang]") {
    // Go 1.19 has no clear: `want` is what go run prints for the twin program with
    // `for i := range s { s[i] = 0 }` and `for k := range m { delete(m, k) }` in place of
    // each clear (Go 1.21's definition); below go1.21 the name is undefined, as in Go 1.19.
    std::string file = write_temp("stdlib/clear.go", R"(package main

import "fmt"

type pt struct{ x, y int }

func main() {
	s := []int{1, 2, 3}
	m := map[string]int{"a": 1, "b": 2}
	clear(s)
	clear(m)
	fmt.Println(s, len(s), len(m), m)
	ps := []pt{{1, 2}, {3, 4}, {5, 6}}
	clear(ps[1:])
	fmt.Println(ps)
	var nilm map[int]int
	clear(nilm)
	var nils []int
	clear(nils)
	m["c"] = 3
	fmt.Println(m, nilm == nil, nils == nil)
}
)");
    const char* want = "[0 0 0] 3 0 map[]\n[{1 2} {0 0} {0 0}]\nmap[c:3] true true\n";
    Ran run = run_lockstep("run --lang go1.21 " + file);
    CHECK(run.code == 0);
    CHECK(run.out == want);
    Ran old = run_lockstep("run " + file);
    CHECK(old.code == 2);
    CHECK(contains(old.err, "clear.go:10:2: undefined: clear"));
    // Each element's zero is a visible store (the twin under go run -race: DATA RACE, 3 of 3).
    std::string racy = write_temp("stdlib/clear_race.go", R"(package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	done := make(chan int)
	go func() {
		done <- s[2]
	}()
	clear(s)
	fmt.Println(<-done >= 0)
}
)");
    Ran r = run_lockstep("check --lang go1.21 --no-progress --color never " + racy);
    CHECK(r.code == 1);
    CHECK(contains(r.out, "data-race on s[2]"));
}

TEST_CASE("sort.IsSorted calls Less as Go does, from the end", "[cli][stdlib]") {
    // go run (Go 1.19) prints exactly `want` (3 Less calls for a sorted 4-element slice,
    // 2 when the second pair from the end is out of order).
    std::string file = write_temp("stdlib/sort_is_sorted.go", R"(package main

import (
	"fmt"
	"sort"
)

type traced struct {
	v     []int
	calls int
}

func (t *traced) Len() int           { return len(t.v) }
func (t *traced) Less(i, j int) bool { t.calls++; return t.v[i] < t.v[j] }
func (t *traced) Swap(i, j int)      { t.v[i], t.v[j] = t.v[j], t.v[i] }

func main() {
	a := &traced{v: []int{1, 2, 2, 5}}
	fmt.Println(sort.IsSorted(a), a.calls)
	b := &traced{v: []int{1, 3, 2, 5}}
	fmt.Println(sort.IsSorted(b), b.calls)
	c := &traced{}
	fmt.Println(sort.IsSorted(c), c.calls)
	sort.Sort(b)
	fmt.Println(sort.IsSorted(b), b.v)
}
)");
    Ran run = run_lockstep("run " + file);
    CHECK(run.code == 0);
    CHECK(run.out == "true 3\nfalse 2\ntrue 0\ntrue [1 2 3 5]\n");
}

TEST_CASE("sort.SliceIsSorted calls less as Go does, from the end", "[cli][stdlib]") {
    // go run (Go 1.19) prints exactly `want`.
    std::string file = write_temp("stdlib/sort_slice_is_sorted.go", R"(package main

import (
	"fmt"
	"sort"
)

func main() {
	calls := 0
	xs := []int{1, 2, 2, 5}
	fmt.Println(sort.SliceIsSorted(xs, func(i, j int) bool { calls++; return xs[i] < xs[j] }), calls)
	ys := []string{"b", "a", "c"}
	fmt.Println(sort.SliceIsSorted(ys, func(i, j int) bool { return ys[i] < ys[j] }))
	fmt.Println(sort.SliceIsSorted([]int{}, func(i, j int) bool { return true }))
}
)");
    Ran run = run_lockstep("run " + file);
    CHECK(run.code == 0);
    CHECK(run.out == "true 3\nfalse\ntrue\n");
}
