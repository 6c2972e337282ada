// `lockstep run` schedules as Go does (checker/single_run.hpp): the program exits when main
// returns whatever its goroutines do, a goroutine spinning on a flag gets the other's write,
// and a long run has no step bound and bounded memory. Each expected output is what
// `go run` (Go 1.19) prints, also with GOMAXPROCS=1.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;

namespace {
// A hang is a failure, not a stuck suite.
Ran run_bounded(const std::string& file) { return run_lockstep("run " + shell_quote(file), "timeout -k 2 30"); }
}  // namespace

TEST_CASE("run exits when main returns, while goroutines spin for ever", "[cli][run]") {
    std::string file = write_temp("run/spinners.go", R"(package main

import (
	"fmt"
	"runtime"
)

func main() {
	go func() {
		for {
			runtime.Gosched()
		}
	}()
	go func() {
		for {
		}
	}()
	runtime.Gosched()
	fmt.Println("main done")
}
)");
    Ran r = run_bounded(file);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "main done\n");
}

TEST_CASE("run lets a goroutine spinning without a visible operation be preempted", "[cli][run]") {
    // main sleeps while a goroutine spins in `for {}`: Go preempts the spinner.
    std::string file = write_temp("run/sleep_spinner.go", R"(package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		for {
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
)");
    Ran r = run_bounded(file);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "done\n");
}

TEST_CASE("run schedules fairly: a spin loop on an atomic flag sees the other goroutine's store", "[cli][run]") {
    std::string file = write_temp("run/atomic_flag.go", R"(package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var flag int32
	data := 0
	done := make(chan bool)
	go func() {
		for atomic.LoadInt32(&flag) == 0 {
		}
		fmt.Println("seen", data)
		done <- true
	}()
	go func() {
		data = 42
		atomic.StoreInt32(&flag, 1)
	}()
	<-done
	// main spins too, on a flag its goroutine sets after a Gosched loop.
	var ready int32
	go func() {
		for i := 0; i < 3; i++ {
		}
		atomic.StoreInt32(&ready, 1)
	}()
	n := 0
	for atomic.LoadInt32(&ready) == 0 {
		n++
	}
	fmt.Println("ready")
}
)");
    Ran r = run_bounded(file);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "seen 42\nready\n");
}

TEST_CASE("run has no step bound: a million channel operations finish", "[cli][run]") {
    std::string file = write_temp("run/long.go", R"(package main

import "fmt"

func main() {
	c := make(chan int)
	done := make(chan int)
	go func() {
		s := 0
		for v := range c {
			s += v
		}
		done <- s
	}()
	for i := 0; i < 500000; i++ {
		c <- i % 7
	}
	close(c)
	fmt.Println(<-done)
}
)");
    Ran r = run_lockstep("run " + shell_quote(file), "timeout -k 2 60 /usr/bin/time -f 'maxrss %M'");
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "1499994\n");
    // Memory stays bounded: no trace of the million steps is kept (well under 200 MB).
    auto at = r.err.find("maxrss ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stol(r.err.substr(at + 7)) < 200 * 1024);
}

TEST_CASE("run stops at an explicit --max-steps and says so", "[cli][run]") {
    std::string file = write_temp("run/bounded.go", R"(package main

func main() {
	c := make(chan int, 1)
	for {
		c <- 1
		<-c
	}
}
)");
    Ran r = run_lockstep("run --max-steps 1000 " + shell_quote(file), "timeout -k 2 30");
    CHECK(r.code == 2);
    CHECK(r.err.find("--max-steps") != std::string::npos);
}
