// Tests of the copylocks check: go vet's copylocks findings on small programs, each
// expectation produced by Go 1.19's `go vet` on the same text (its
// `command-line-arguments.` package prefix written `main.`, as lockstep names the package).
#include <catch2/catch.hpp>

#include <filesystem>

#include "checker/copylocks.hpp"
#include "lang/check.hpp"
#include "lang/packages.hpp"
#include "lang/parser.hpp"
#include "lang/std_sources.hpp"
#include "tests/support/process.hpp"

using namespace lockstep;
using test_support::read_file;

namespace {

struct Checked {
    std::unique_ptr<lang::SourceFile> src;
    std::unique_ptr<lang::File> file;
    std::unique_ptr<lang::TypeInfo> info;
};

Checked check_text(const std::string& text, const std::string& path = "t.go") {
    Checked c;
    c.src = std::make_unique<lang::SourceFile>(path, text);
    c.file = lang::parse_file(*c.src);
    lang::CheckOptions options;
    bool test_file = path.size() >= 8 && path.compare(path.size() - 8, 8, "_test.go") == 0;
    options.allow_testing = test_file;  // as the driver checks a *_test.go file
    options.require_main = !test_file;
    c.info = lang::check_file(*c.file, options);
    return c;
}

// Each finding as go vet prints it after the file name: "line:col: message".
std::vector<std::string> vet(const std::string& text, const std::string& path = "t.go") {
    Checked c = check_text(text, path);
    std::vector<std::string> out;
    for (const checker::Bug& bug : checker::check_copylocks(*c.file, *c.info))
        out.push_back(std::to_string(bug.location.line) + ":" + std::to_string(bug.location.column) + ": " + bug.message);
    return out;
}

struct VetCase {
    const char* name;
    const char* program;
    std::vector<std::string> expected;  // go vet's output, in go vet's order
};

// clang-format off
const VetCase k_cases[] = {
    {"receiver",
     R"go(package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu    sync.Mutex
	value int
}

func (c Counter) Get() int { return c.value }

func (c *Counter) Inc() {
	c.mu.Lock()
	c.value++
	c.mu.Unlock()
}

func main() {
	c := &Counter{}
	c.Inc()
	fmt.Println(c.Get())
}
)go",
     {
         "13:9: Get passes lock by value: main.Counter contains sync.Mutex",
     }},
    {"embedded",
     R"go(package main

import "sync"

// The chapter's broken counter: the embedded Mutex's Lock is promoted to *Counter only,
// so go vet names Counter itself as the lock.
type Counter struct {
	sync.Mutex
	value int
}

func broken(c Counter) {
	c.Lock()
	c.value++
	c.Unlock()
}

func correct(c *Counter) {
	c.Lock()
	c.value++
	c.Unlock()
}

func main() {
	var c Counter
	correct(&c)
	broken(c)
}
)go",
     {
         "12:15: broken passes lock by value: main.Counter",
         "27:9: call of broken copies lock value: main.Counter",
     }},
    {"library",
     R"go(package main

import (
	"sync"
	"sync/atomic"
)

func f1(mu sync.Mutex)       {}
func f2(rw sync.RWMutex)     {}
func f3(wg sync.WaitGroup)   {}
func f4(o sync.Once)         {}
func f5(c sync.Cond)         {}
func f6(p sync.Pool)         {}
func f7(m sync.Map)          {}
func f8(i atomic.Int32)      {}
func f9(i atomic.Int64)      {}
func f10(u atomic.Uint32)    {}
func f11(u atomic.Uint64)    {}
func f12(b atomic.Bool)      {}
func f13(v atomic.Value)     {}
func f14(p *sync.Mutex)      {}
func f15(l sync.Locker)      {}
func f16(s []sync.Mutex)     {}
func f17(m map[int]sync.Mutex) {}
func f18(c chan sync.Mutex)  {}

func main() {}
)go",
     {
         "8:12: f1 passes lock by value: sync.Mutex",
         "9:12: f2 passes lock by value: sync.RWMutex",
         "10:12: f3 passes lock by value: sync.WaitGroup contains sync.noCopy",
         "11:11: f4 passes lock by value: sync.Once contains sync.Mutex",
         "12:11: f5 passes lock by value: sync.Cond contains sync.noCopy",
         "13:11: f6 passes lock by value: sync.Pool contains sync.noCopy",
         "14:11: f7 passes lock by value: sync.Map contains sync.Mutex",
         "15:11: f8 passes lock by value: sync/atomic.Int32 contains sync/atomic.noCopy",
         "16:11: f9 passes lock by value: sync/atomic.Int64 contains sync/atomic.noCopy",
         "17:12: f10 passes lock by value: sync/atomic.Uint32 contains sync/atomic.noCopy",
         "18:12: f11 passes lock by value: sync/atomic.Uint64 contains sync/atomic.noCopy",
         "19:12: f12 passes lock by value: sync/atomic.Bool contains sync/atomic.noCopy",
     }},
    {"nested",
     R"go(package main

import (
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

type Outer struct {
	name  string
	inner Counter
}

type Stats struct {
	x struct {
		hits atomic.Int64
		p    *int
	}
}

type Grid [2][3]Counter

type Shared struct {
	mu *sync.Mutex
	cs []Counter
}

func a(o Outer)                   {}
func b(s Stats)                   {}
func c(g Grid)                    {}
func d(arr [4]Counter)            {}
func e(x, y Counter, n int)       {}
func f(s struct{ mu sync.Mutex }) {}
func g(s Shared)                  {}
func h(cs ...Counter)             {}

func main() {}
)go",
     {
         "32:10: a passes lock by value: main.Outer contains main.Counter contains sync.Mutex",
         "33:10: b passes lock by value: main.Stats contains struct{hits sync/atomic.Int64; p *int} contains sync/atomic.Int64 contains sync/atomic.noCopy",
         "34:10: c passes lock by value: main.Counter contains sync.Mutex",
         "35:12: d passes lock by value: main.Counter contains sync.Mutex",
         "36:13: e passes lock by value: main.Counter contains sync.Mutex",
         "37:10: f passes lock by value: struct{mu sync.Mutex} contains sync.Mutex",
     }},
    {"assign",
     R"go(package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

var global Counter
var copied = global

func main() {
	var c Counter
	d := c
	d = c
	p := &c
	x := *p
	var e = c
	var f, g Counter = c, *p
	cs := make([]Counter, 2)
	cs[0] = cs[1]
	var wg sync.WaitGroup
	wg2 := wg
	_, _, _, _, _, _ = d, x, e, f, g, wg2
}
)go",
     {
         "11:14: variable declaration copies lock value to copied: main.Counter contains sync.Mutex",
         "15:7: assignment copies lock value to d: main.Counter contains sync.Mutex",
         "16:6: assignment copies lock value to d: main.Counter contains sync.Mutex",
         "18:7: assignment copies lock value to x: main.Counter contains sync.Mutex",
         "19:10: variable declaration copies lock value to e: main.Counter contains sync.Mutex",
         "20:21: variable declaration copies lock value to f: main.Counter contains sync.Mutex",
         "20:24: variable declaration copies lock value to g: main.Counter contains sync.Mutex",
         "22:10: assignment copies lock value to cs[0]: main.Counter contains sync.Mutex",
         "24:9: assignment copies lock value to wg2: sync.WaitGroup contains sync.noCopy",
         "25:21: assignment copies lock value to _: main.Counter contains sync.Mutex",
         "25:24: assignment copies lock value to _: main.Counter contains sync.Mutex",
         "25:27: assignment copies lock value to _: main.Counter contains sync.Mutex",
         "25:30: assignment copies lock value to _: main.Counter contains sync.Mutex",
         "25:33: assignment copies lock value to _: main.Counter contains sync.Mutex",
         "25:36: assignment copies lock value to _: sync.WaitGroup contains sync.noCopy",
     }},
    {"literal",
     R"go(package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

type Pair struct{ a, b Counter }

func main() {
	var c Counter
	p := Pair{c, Counter{}}
	q := Pair{a: c, b: c}
	cs := []Counter{c, {}}
	m := map[string]Counter{"k": c}
	_ = &Pair{b: c}
	_, _, _, _ = &p, &q, cs, m
}
)go",
     {
         "14:12: literal copies lock value from c: main.Counter contains sync.Mutex",
         "15:15: literal copies lock value from c: main.Counter contains sync.Mutex",
         "15:21: literal copies lock value from c: main.Counter contains sync.Mutex",
         "16:18: literal copies lock value from c: main.Counter contains sync.Mutex",
         "17:31: literal copies lock value from c: main.Counter contains sync.Mutex",
         "18:15: literal copies lock value from c: main.Counter contains sync.Mutex",
     }},
    {"call",
     R"go(package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Take(d Counter) {}

func show(c Counter) {}

func main() {
	var c Counter
	fmt.Println(c.n, c)
	c.Take(c)
	(&c).Take(c)
	show(Counter(c))
	println(len([]Counter{}), cap([]Counter{}))
	_ = new(Counter)
	_ = append([]Counter{}, c)
}
)go",
     {
         "13:26: Take passes lock by value: main.Counter contains sync.Mutex",
         "15:13: show passes lock by value: main.Counter contains sync.Mutex",
         "19:19: call of fmt.Println copies lock value: main.Counter contains sync.Mutex",
         "20:9: call of c.Take copies lock value: main.Counter contains sync.Mutex",
         "21:12: call of (&c).Take copies lock value: main.Counter contains sync.Mutex",
         "22:15: call of Counter copies lock value: main.Counter contains sync.Mutex",
         "25:26: call of append copies lock value: main.Counter contains sync.Mutex",
     }},
    {"return",
     R"go(package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func fresh() Counter { return Counter{} }

func deref(p *Counter) Counter { return *p }

func pair(p *Counter) (Counter, int) {
	return *p, p.n
}

func main() {
	c := fresh()
	d := deref(&c)
	e, _ := pair(&d)
	_ = &e
}
)go",
     {
         "12:41: return copies lock value: main.Counter contains sync.Mutex",
         "15:9: return copies lock value: main.Counter contains sync.Mutex",
     }},
    {"range",
     R"go(package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	cs := []Counter{{}, {}}
	for _, v := range cs {
		_ = v.n
	}
	for i := range cs {
		cs[i].n++
	}
	var w Counter
	for _, w = range cs {
	}
	_ = w.n
	ch := make(chan Counter)
	close(ch)
	for x := range ch {
		_ = x.n
	}
	for k := range map[Counter]int{} {
		_ = k.n
	}
	ps := []*Counter{}
	for _, p := range ps {
		p.n++
	}
}
)go",
     {
         "12:9: range var v copies lock: main.Counter contains sync.Mutex",
         "19:9: range var w copies lock: main.Counter contains sync.Mutex",
         "24:6: range var x copies lock: main.Counter contains sync.Mutex",
         "27:6: range var k copies lock: main.Counter contains sync.Mutex",
     }},
    {"godefer",
     R"go(package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func work(c Counter, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println(c.n)
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	wg.Add(2)
	go work(c, &wg)
	go func(c Counter) {
		defer wg.Done()
		fmt.Println(c.n)
	}(c)
	defer fmt.Println(c)
	wg.Wait()
}
)go",
     {
         "13:13: work passes lock by value: main.Counter contains sync.Mutex",
         "22:10: call of work copies lock value: main.Counter contains sync.Mutex",
         "26:4: call of func(c Counter) {\n\tdefer wg.Done()\n\tfmt.Println(c.n)\n} copies lock value: main.Counter contains sync.Mutex",
         "23:12: func passes lock by value: main.Counter contains sync.Mutex",
         "27:20: call of fmt.Println copies lock value: main.Counter contains sync.Mutex",
     }},
    {"commaok",
     R"go(package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	m := map[string]Counter{}
	v, ok := m["a"]
	var i interface{} = 1
	w, ok2 := i.(Counter)
	_, _, _, _ = v.n, ok, w.n, ok2
}
)go",
     {
         "12:11: assignment copies lock value to v: (main.Counter, bool) contains main.Counter contains sync.Mutex",
         "14:12: assignment copies lock value to w: (main.Counter, bool) contains main.Counter contains sync.Mutex",
     }},
    {"lockers",
     R"go(package main

import "sync"

// A lock of the user's own: Lock and Unlock on the pointer receiver.
type Spin struct{ held bool }

func (s *Spin) Lock()   { s.held = true }
func (s *Spin) Unlock() { s.held = false }

// Not locks: value-receiver methods, a wrong signature, an embedded interface or pointer.
type ValLock struct{}

func (ValLock) Lock()   {}
func (ValLock) Unlock() {}

type BadLock struct{}

func (*BadLock) Lock() bool { return true }
func (*BadLock) Unlock()    {}

type Wrapped struct{ sync.Locker }

type SharedMu struct{ *sync.Mutex }

type RW struct{ sync.RWMutex }

func a(s Spin)     {}
func b(v ValLock)  {}
func c(x BadLock)  {}
func d(w Wrapped)  {}
func e(s SharedMu) {}
func f(r RW)       {}

func main() {}
)go",
     {
         "28:10: a passes lock by value: main.Spin",
         "33:10: f passes lock by value: main.RW",
     }},
    {"safe",
     R"go(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type SafeCounter struct {
	mu    sync.Mutex
	value int
}

func (c *SafeCounter) Increment() {
	c.mu.Lock()
	c.value++
	c.mu.Unlock()
}

func (c *SafeCounter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.value
}

func NewCounter() *SafeCounter { return &SafeCounter{} }

func zero() SafeCounter { return SafeCounter{} }

func main() {
	counter := SafeCounter{}
	other := NewCounter()
	z := zero()
	var w SafeCounter
	p := new(SafeCounter)
	q := &counter
	r := *NewCounter()
	var v atomic.Value
	v2 := v
	cs := []*SafeCounter{q, p, &w, &z, &r}
	arr := [2]SafeCounter{}
	_ = len(arr)
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}
	wg.Wait()
	fmt.Println("Final count:", counter.Value(), other.Value(), len(cs), v2.Load())
}
)go",
     {}},
    {"tags",
     R"go(package main

import "sync"

func main() {
	var s struct {
		c Counter `json:"c"`
		n int     "plain"
	}
	s2 := s
	_ = &s2
}

// Declared after its use: the check collects every struct's tags before reporting.
type Counter struct {
	mu sync.Mutex
	n  int
}
)go",
     {
         "10:8: assignment copies lock value to s2: struct{c main.Counter \"json:\\\"c\\\"\"; n int \"plain\"} contains main.Counter contains sync.Mutex",
     }},
};
// clang-format on

const lang::Type* type_named(const Checked& c, const char* name) {
    const lang::Object* obj = c.info->package->lookup(name);
    REQUIRE(obj);
    return obj->type;
}

}  // namespace

TEST_CASE("copylocks reports what go vet reports, with its words, positions and order", "[copylocks]") {
    for (const VetCase& vc : k_cases) {
        DYNAMIC_SECTION(vc.name) {
            CHECK(vet(vc.program) == vc.expected);
        }
    }
}

TEST_CASE("a copied-lock finding is a warning of kind copied-lock at the file's position", "[copylocks]") {
    Checked c = check_text(k_cases[0].program, "counter.go");
    std::vector<checker::Bug> bugs = checker::check_copylocks(*c.file, *c.info);
    REQUIRE(bugs.size() == 1);
    const checker::Bug& bug = bugs[0];
    CHECK(bug.kind() == checker::BugKind::CopiedLock);
    CHECK(checker::bug_kind_id(bug.kind()) == "copied-lock");
    CHECK(bug.severity == checker::Severity::Warning);
    CHECK(bug.location.file == "counter.go");
    CHECK(bug.location.line == 13);
    CHECK(bug.location.column == 9);
    CHECK(bug.message == "Get passes lock by value: main.Counter contains sync.Mutex");
    CHECK(bug.goroutines.empty());
    CHECK(bug.trace.empty());
}

TEST_CASE("lock_path follows structs and arrays, not pointers, slices, maps or interfaces", "[copylocks]") {
    Checked c = check_text(R"go(package main

import (
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	n  int
}
type Embed struct{ sync.Mutex }
type Outer struct{ cs [3]Counter }
type ByPointer struct{ c *Counter }
type InSlice struct{ cs []Counter }
type InMap struct{ m map[int]Counter }
type InIface struct{ l sync.Locker }
type Hits struct{ n atomic.Uint64 }
type Plain struct{ n int }

func main() {}
)go");
    CHECK(checker::lock_path(type_named(c, "Counter")) == "main.Counter contains sync.Mutex");
    CHECK(checker::lock_path(type_named(c, "Embed")) == "main.Embed");
    CHECK(checker::lock_path(type_named(c, "Outer")) == "main.Outer contains main.Counter contains sync.Mutex");
    CHECK(checker::lock_path(type_named(c, "Hits")) == "main.Hits contains sync/atomic.Uint64 contains sync/atomic.noCopy");
    CHECK(checker::lock_path(type_named(c, "ByPointer")).empty());
    CHECK(checker::lock_path(type_named(c, "InSlice")).empty());
    CHECK(checker::lock_path(type_named(c, "InMap")).empty());
    CHECK(checker::lock_path(type_named(c, "InIface")).empty());
    CHECK(checker::lock_path(type_named(c, "Plain")).empty());
    CHECK(checker::lock_path(nullptr).empty());
}

// The file imports a package that only the driver's loader provides (lang/std_sources.hpp)
// and that the single-file front end has no declarations for.
bool needs_loader(const std::string& text) {
    lang::SourceFile src("t.go", text);
    auto file = lang::parse_file(src);
    for (const auto* gd : file->imports)
        for (const auto& spec : gd->imports)
            if (lang::std_source(spec.path) && !lang::is_supported_package(spec.path)) return true;
    return false;
}

TEST_CASE("the scenarios copy no locks but the chapter's copy_mutex (go vet agrees)", "[copylocks]") {
    std::filesystem::path source(LOCKSTEP_SOURCE_DIR);
    int checked = 0;
    for (const char* dir : {"tests/scenarios", "scenarios"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(source / dir)) {
            if (entry.path().extension() != ".go" || entry.path().filename() == "copy_mutex.go") continue;
            INFO(entry.path().string());
            std::string text = read_file(entry.path());
            // A program importing a library package that lockstep runs from Go source
            // without declarations of its own (math/rand) needs the driver's loader; the
            // driver runs this same vet on it (and its //lockstep:expect line holds).
            if (needs_loader(text)) continue;
            CHECK(vet(text, entry.path().filename().string()).empty());
            ++checked;
        }
    }
    CHECK(checked > 40);
    CHECK(vet(read_file(source / "scenarios/chapter3/copy_mutex.go")) ==
          std::vector<std::string>{"31:15: broken passes lock by value: main.Counter",
                                   "44:11: call of broken copies lock value: main.Counter"});
}
