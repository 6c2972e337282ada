// math/rand end to end: small-range results are data choices the search explores (every
// value, dpor and naive alike), other results are seeded draws that bound the verdict
// ("rand"), a replay draws the same values, and a shared *rand.Rand races as under
// go run -race. The Go 1.19 outputs quoted were recorded with go run.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("rand.Perm(3) is explored as all six permutations, by dpor and naive", "[cli][rand]") {
    std::string file = write_temp("rand/perm.go", R"(package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Perm(3))
}
)");
    for (const char* strategy : {"dpor", "naive"}) {
        INFO(strategy);
        Ran c = run_lockstep(std::string("check --no-progress --format json --strategy ") + strategy + " " + file);
        CHECK(c.code == 0);
        CHECK(contains(c.out, "\"verdict\": \"verified\""));
        for (const char* p : {"[0 1 2]", "[0 2 1]", "[1 0 2]", "[1 2 0]", "[2 0 1]", "[2 1 0]"}) CHECK(contains(c.out, std::string("\"") + p + "\\n\""));
    }
}

TEST_CASE("a rand result of more values than --rand-choices is drawn and bounds the verdict", "[cli][rand]") {
    std::string file = write_temp("rand/ten.go", R"(package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Intn(10))
}
)");
    Ran drawn = run_lockstep("check --no-progress --format json " + file);
    CHECK(drawn.code == 0);
    CHECK(contains(drawn.out, "\"verdict\": \"bounded\""));
    CHECK(contains(drawn.out, "\"bound\": \"rand\""));
    Ran text = run_lockstep("check --no-progress --color never " + file);
    CHECK(contains(text.out, "math/rand results"));
    CHECK_FALSE(contains(text.out, "verified"));
    // Ten values are choices under --rand-choices 10: every one is an outcome.
    Ran chosen = run_lockstep("check --no-progress --format json --rand-choices 10 " + file);
    CHECK(chosen.code == 0);
    CHECK(contains(chosen.out, "\"verdict\": \"verified\""));
    for (int v = 0; v < 10; ++v) CHECK(contains(chosen.out, "\"" + std::to_string(v) + "\\n\""));
    // The directive wins over the flag.
    std::string directive = write_temp("rand/ten_directive.go", R"(package main

//lockstep:bound rand=10

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Intn(10))
}
)");
    Ran d = run_lockstep("check --no-progress --format json --rand-choices 2 " + directive);
    CHECK(contains(d.out, "\"verdict\": \"verified\""));
    Ran bad = run_lockstep("check --no-progress --rand-choices 0 " + file);
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "--rand-choices"));
}

TEST_CASE("a bug that one value of rand.Intn(3) triggers is found with the value in the trace", "[cli][rand]") {
    std::string file = write_temp("rand/one_value.go", R"(package main

import (
	"fmt"
	"math/rand"
)

func main() {
	done := make(chan bool)
	go func() {
		if rand.Intn(3) == 2 {
			return // forgets to send
		}
		done <- true
	}()
	<-done
	fmt.Println("done")
}
)");
    for (const char* strategy : {"dpor", "naive"}) {
        INFO(strategy);
        Ran c = run_lockstep(std::string("check --no-progress --color never --full-trace --strategy ") + strategy + " " + file);
        CHECK(c.code == 1);
        CHECK(contains(c.out, "deadlock"));
        CHECK(contains(c.out, "rand = 2"));
        CHECK(contains(c.out, "one_value.go:11"));
    }
}

TEST_CASE("a replay draws the same values", "[cli][rand]") {
    std::string file = write_temp("rand/replay.go", R"(package main

import (
	"fmt"
	"math/rand"
)

var last int64

func main() {
	done := make(chan bool)
	go func() {
		last = rand.Int63()
		done <- true
	}()
	fmt.Println(last)
	<-done
}
)");
    Ran c = run_lockstep("check --no-progress --color never " + file);
    CHECK(c.code == 1);
    REQUIRE(contains(c.out, "--schedule "));
    std::string token = c.out.substr(c.out.find("--schedule ") + 11);
    token = token.substr(0, token.find_first_of(" \n"));
    Ran a = run_lockstep("replay --color never " + file + " --schedule " + token);
    Ran b = run_lockstep("replay --color never " + file + " --schedule " + token);
    CHECK(contains(a.out, "data-race"));
    CHECK(a.out == b.out);
}

TEST_CASE("the global source is locked, a shared *rand.Rand races", "[cli][rand]") {
    // go run -race (Go 1.19): the shared Rand reports WARNING: DATA RACE in
    // math/rand.(*rngSource).Uint64; the top-level functions never do.
    std::string shared = write_temp("rand/shared.go", R"(package main

import (
	"math/rand"
	"sync"
)

func main() {
	r := rand.New(rand.NewSource(7))
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			_ = r.Intn(2)
		}()
	}
	wg.Wait()
}
)");
    Ran s = run_lockstep("check --no-progress --color never " + shared);
    CHECK(s.code == 1);
    CHECK(contains(s.out, "data-race"));
    std::string global = write_temp("rand/global.go", R"(package main

import (
	"math/rand"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			_ = rand.Intn(2)
		}()
	}
	wg.Wait()
}
)");
    Ran g = run_lockstep("check --no-progress --color never " + global);
    CHECK(g.code == 0);
    CHECK(contains(g.out, "verified"));
}

TEST_CASE("lockstep run draws, Seed restarts the sequence, a Source of the program's own gives Go's values", "[cli][rand]") {
    // go run (Go 1.19) prints exactly this.
    std::string file = write_temp("rand/seed.go", R"(package main

import (
	"fmt"
	"math/rand"
)

type six struct{}

func (six) Int63() int64    { return 6 }
func (six) Seed(seed int64) {}

func main() {
	rand.Seed(42)
	a := rand.Int63()
	rand.Seed(42)
	b := rand.Int63()
	r1 := rand.New(rand.NewSource(3))
	r2 := rand.New(rand.NewSource(3))
	fmt.Println(a == b, r1.Int63() == r2.Int63(), rand.Intn(1))
	r := rand.New(six{})
	fmt.Println(r.Intn(4), r.Int63(), r.Float64(), r.Perm(3))
	defer func() { fmt.Println(recover()) }()
	rand.Intn(0)
}
)");
    Ran r = run_lockstep("run " + file);
    CHECK(r.code == 0);
    CHECK(r.out == "true true 0\n0 6 6.505213034913027e-19 [2 0 1]\ninvalid argument to Intn\n");
    // Without Seed, a run is the same every time (Go 1.19's global source is seeded with 1 too).
    std::string draws = write_temp("rand/draws.go", R"(package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Intn(3), rand.Intn(3), rand.Intn(3), rand.Intn(3), rand.Intn(3), rand.Intn(3))
}
)");
    Ran x = run_lockstep("run " + draws);
    Ran y = run_lockstep("run " + draws);
    CHECK(x.code == 0);
    CHECK(x.out == y.out);
    CHECK(x.out != "0 0 0 0 0 0\n");  // run draws: it does not take the first alternative
}
