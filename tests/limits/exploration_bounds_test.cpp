// The bounds of one exploration — --max-steps, --executions, --time-budget, --preemptions
// and Ctrl-C — each hit on purpose: the run stops, says which bound stopped it, never
// claims "verified", and exits with the code SPEC §3 gives.
#include <catch2/catch.hpp>

#include "process.hpp"

using namespace lockstep::limits;

namespace {

// Every interleaving is correct, and there are astronomically many: no search finishes.
const char* k_many_interleavings = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 4; j++ {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
)";

// Two goroutines that really write on every loop iteration, forever: a fair schedule
// never ends (a loop that only polls a flag nobody sets is await-blocked instead: a
// deadlock, see tests/integration/spin_await_test.cpp).
const char* k_spin = R"(package main

import "sync/atomic"

func main() {
	var n int32
	go func() {
		for {
			atomic.AddInt32(&n, 1)
		}
	}()
	for {
		atomic.AddInt32(&n, 1)
	}
}
)";

}  // namespace

TEST_CASE("--max-steps: a spinning goroutine is a livelock bug, exit 1", "[limits]") {
    auto path = write_scenario("spin.go", k_spin);
    auto e = run_lockstep({{"check", "--no-progress", "--color", "never", "--max-steps", "1000", path}});
    INFO(e.describe());
    CHECK(e.code == 1);
    CHECK(e.out.find("livelock: the execution ran past 1000 steps without finishing") != std::string::npos);
    CHECK(e.out.find("spin.go: bug: livelock") != std::string::npos);

    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", "--max-steps", "1000", path}});
    INFO(j.describe());
    REQUIRE(j.code == 1);
    auto s = json_scenario(j.out);
    CHECK(s["verdict"] == "bug");
    REQUIRE(s["bugs"].size() >= 1);
    CHECK(s["bugs"][0]["kind"] == "livelock");
    CHECK(s["stats"]["complete"] == false);
}

TEST_CASE("max-steps from //lockstep:bound wins over the flag", "[limits]") {
    std::string src = k_spin;
    src.insert(src.find("\nimport"), "\n//lockstep:bound max-steps=500\n");
    auto path = write_scenario("spin_bound.go", src);
    auto e = run_lockstep({{"check", "--no-progress", "--color", "never", "--max-steps", "100000", path}});
    INFO(e.describe());
    CHECK(e.code == 1);
    CHECK(e.out.find("ran past 500 steps") != std::string::npos);
}

TEST_CASE("a loop without any visible operation is a livelock too, not a hang", "[limits]") {
    auto path = write_scenario("busy.go", "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n");
    auto e = run_lockstep({{"check", "--no-progress", "--color", "never", "--format", "json", path}, 60});
    INFO(e.describe());
    REQUIRE(e.code == 1);
    CHECK(e.seconds < 30);
    auto s = json_scenario(e.out);
    REQUIRE(s["bugs"].size() == 1);
    CHECK(s["bugs"][0]["kind"] == "livelock");
}

TEST_CASE("the livelock of a loop without visible operations points at the loop", "[limits]") {
    // The goroutine ran past the VM's per-resume instruction budget, not past --max-steps:
    // the headline says so and the location is the loop.
    auto path = write_scenario("busy2.go", "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n");
    auto e = run_lockstep({{"check", "--no-progress", "--format", "json", path}, 60});
    INFO(e.describe());
    REQUIRE(e.code == 1);
    auto bug = json_scenario(e.out)["bugs"][0];
    INFO(bug.dump());
    CHECK(bug["location"]["line"].get<int>() >= 5);
    CHECK(bug["message"].get<std::string>().find("100000 steps") == std::string::npos);
}

TEST_CASE("--executions: stops after N executions, bounded, exit 0", "[limits]") {
    auto path = write_scenario("many.go", k_many_interleavings);
    auto t = run_lockstep({{"check", "--no-progress", "--color", "never", "--executions", "3", path}});
    INFO(t.describe());
    CHECK(t.code == 0);
    CHECK(t.out.find("many.go: no bug within bounds (dpor, 3 executions") != std::string::npos);
    CHECK(t.out.find("stopped at the execution bound after 3 executions") != std::string::npos);
    CHECK(t.out.find("--executions N") != std::string::npos);
    CHECK(t.out.find("verified") == std::string::npos);

    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", "--executions", "3", path}});
    INFO(j.describe());
    REQUIRE(j.code == 0);
    auto s = json_scenario(j.out);
    CHECK(s["verdict"] == "bounded");
    CHECK(s["stats"]["bound"] == "executions");
    CHECK(s["stats"]["executions"] == 3);
    CHECK(s["stats"]["complete"] == false);
}

TEST_CASE("executions from //lockstep:bound", "[limits]") {
    std::string src = k_many_interleavings;
    src.insert(src.find("\nimport"), "\n//lockstep:bound executions=5\n");
    auto path = write_scenario("many_bound.go", src);
    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", path}});
    INFO(j.describe());
    REQUIRE(j.code == 0);
    auto s = json_scenario(j.out);
    CHECK(s["verdict"] == "bounded");
    CHECK(s["stats"]["bound"] == "executions");
    CHECK(s["stats"]["executions"] == 5);
}

TEST_CASE("--time-budget 1s: stops after about a second, bounded by time-budget", "[limits]") {
    auto path = write_scenario("many_time.go", k_many_interleavings);
    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", "--time-budget", "1s", path}, 30});
    INFO(j.describe());
    REQUIRE(j.code == 0);
    CHECK(j.seconds >= 0.9);
    CHECK(j.seconds < 10);  // generous: CI shares 2 cores between test binaries
    auto s = json_scenario(j.out);
    CHECK(s["verdict"] == "bounded");
    CHECK(s["stats"]["bound"] == "time-budget");
    CHECK(s["stats"]["seconds"].get<double>() >= 0.9);
    CHECK(s["stats"]["seconds"].get<double>() < 3);
    CHECK(s["stats"]["executions"].get<int>() > 1);

    auto t = run_lockstep({{"check", "--no-progress", "--color", "never", "--time-budget", "500ms", path}, 30});
    INFO(t.describe());
    CHECK(t.code == 0);
    CHECK(t.out.find("stopped by the time budget after") != std::string::npos);
    CHECK(t.out.find("--time-budget") != std::string::npos);
}

TEST_CASE("the time budget holds when each execution is slow", "[limits]") {
    // The explorer looks at the clock before every execution and every few thousand steps
    // inside one (it once looked every 16 executions: 300 goroutines stopped after 5 s).
    // Without symmetry: with it, the 300 interchangeable workers need one execution.
    std::string src = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
)";
    auto path = write_scenario("slow_executions.go", src);
    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", "--no-symmetry", "--time-budget", "1s", path}, 120});
    INFO(j.describe());
    REQUIRE(j.code == 0);
    CHECK(j.seconds < 3);
    CHECK(json_scenario(j.out)["stats"]["bound"] == "time-budget");
}

TEST_CASE("--preemptions 0: the search is cut, bounded by preemptions", "[limits]") {
    auto path = write_scenario("many_pre.go", k_many_interleavings);
    auto j = run_lockstep({{"check", "--no-progress", "--format", "json", "--preemptions", "0", path}, 60});
    INFO(j.describe());
    REQUIRE(j.code == 0);
    auto s = json_scenario(j.out);
    CHECK(s["verdict"] == "bounded");
    CHECK(s["stats"]["bound"] == "preemptions");
    CHECK(s["stats"]["complete"] == false);
}

TEST_CASE("SIGINT: lockstep stops, reports the partial result as bounded by interrupted, exits 130",
          "[limits]") {
    auto path = write_scenario("many_int.go", k_many_interleavings);
    SECTION("json") {
        auto j = run_lockstep({{"check", "--no-progress", "--format", "json", path}, 30, 1.0});
        INFO(j.describe());
        REQUIRE_FALSE(j.timed_out);
        CHECK(j.signal == 0);
        REQUIRE(j.code == 130);
        CHECK(j.seconds < 15);
        auto s = json_scenario(j.out);
        CHECK(s["verdict"] == "bounded");
        CHECK(s["stats"]["bound"] == "interrupted");
        CHECK(s["stats"]["executions"].get<int>() > 0);
    }
    SECTION("text") {
        auto t = run_lockstep({{"check", "--no-progress", "--color", "never", path}, 30, 1.0});
        INFO(t.describe());
        REQUIRE_FALSE(t.timed_out);
        CHECK(t.signal == 0);
        CHECK(t.code == 130);
        CHECK(t.out.find("no bug within bounds (dpor, ") != std::string::npos);
        CHECK(t.out.find("interrupted (Ctrl-C) after") != std::string::npos);
        CHECK(t.out.find("stopped by interrupted") == std::string::npos);
        CHECK(t.err.find("interrupted (Ctrl-C)") != std::string::npos);
    }
    SECTION("the files after the interrupted one are skipped") {
        auto second = write_scenario("many_int2.go", k_many_interleavings);
        auto t = run_lockstep({{"check", "--no-progress", "--color", "never", path, second}, 30, 1.0});
        INFO(t.describe());
        REQUIRE_FALSE(t.timed_out);
        CHECK(t.signal == 0);
        CHECK(t.seconds < 15);
        CHECK(t.out.find("many_int2.go: no bug within bounds") == std::string::npos);
        CHECK(t.err.find("not checked: ") != std::string::npos);
        CHECK(t.err.find("many_int2.go") != std::string::npos);
    }
}
