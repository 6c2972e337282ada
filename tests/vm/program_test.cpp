// Whole programs compiled from source and run on the Machine: the output must be exactly
// what Go 1.19 printed for the same file (the .out files were produced with `go run`).
#include <catch2/catch.hpp>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

TEST_CASE("a tour of the language prints what go run prints", "[vm][program]") {
    RunResult r = run_go(read_source("tests/vm/programs/language_tour.go"));
    CHECK(r.panic == "");
    CHECK(r.output == read_source("tests/vm/programs/language_tour.out"));
}

TEST_CASE("runtime panics are recovered with Go's messages", "[vm][program]") {
    RunResult r = run_go(read_source("tests/vm/programs/recovered_panics.go"));
    CHECK(r.output == read_source("tests/vm/programs/recovered_panics.out"));
    // the last, unrecovered panic of a struct value
    CHECK(r.panic.rfind("(main.T) 0xc", 0) == 0);
    CHECK_FALSE(r.fatal);
}

TEST_CASE("unrecovered panics stop the goroutine at a Panic operation", "[vm][panic]") {
    struct Case {
        const char* body;
        const char* message;
    };
    const Case cases[] = {
        {"var m map[string]int\n\tm[\"a\"] = 1", "assignment to entry in nil map"},
        {"s := []int{1, 2, 3}\n\ti := 3\n\t_ = s[i]", "runtime error: index out of range [3] with length 3"},
        {"panic(\"boom\")", "boom"},
        {"panic(errors.New(\"bad thing\"))", "bad thing"},
        {"ch := make(chan int)\n\tclose(ch)\n\tch <- 1", "send on closed channel"},
        {"var ch chan int\n\tclose(ch)", "close of nil channel"},
    };
    for (const Case& c : cases) {
        std::string src = "package main\n\nimport \"errors\"\n\nfunc main() {\n\t_ = errors.New(\"unused\")\n\t" + std::string(c.body) + "\n}\n";
        RunResult r = run_go(src);
        INFO(c.body);
        CHECK(r.trace.back().kind == OpKind::Panic);
        CHECK(r.panic == c.message);
    }
}

TEST_CASE("chapter scenarios print Go's output under a sequential schedule", "[vm][chapter3]") {
    struct Case {
        const char* file;
        const char* output;
    };
    const Case cases[] = {
        {"scenarios/chapter3/atomic_counter.go", "hits: 3 bytes: 600\n"},
        {"scenarios/chapter3/bank_deposit_mutex.go", "Balance: $1600\n"},
        {"scenarios/chapter3/cache_rwmutex.go", "Reader 0: Hello, World!\nReader 1: Hello, World!\nReader 2: Hello, World!\n"},
        {"scenarios/chapter3/cond_ready.go", "worker 1 read \"go\"\nworker 2 read \"go\"\n"},
        {"scenarios/chapter3/defer_unlock.go", "entries: 1\n"},
        {"scenarios/chapter3/once_example.go",
         "Loading configuration...\nGoroutine 0 got host: localhost\nGoroutine 1 got host: localhost\nGoroutine 2 got host: localhost\n"},
        {"scenarios/chapter3/once_panic.go", "load attempts: 1\ngoroutines with a config: 0\n"},
        {"scenarios/chapter3/pool_example.go", "Creating new buffer\nProcessed: data-0\nProcessed: data-1\nProcessed: data-2\n"},
        {"scenarios/chapter3/safe_map.go", "host: false port: 8080\n"},
        {"scenarios/chapter3/sync_map.go", "workers: 0 1\none leader: true true\n"},
        {"scenarios/chapter3/waitgroup_workers.go",
         "Worker 1 starting\nWorker 1 done\nWorker 2 starting\nWorker 2 done\nWorker 3 starting\nWorker 3 done\nAll workers completed!\n"},
        {"scenarios/channels/results_channel.go", "sum: 5\n"},
        {"scenarios/channels/abandoned_sender.go", "first: true\n"},
    };
    for (const Case& c : cases) {
        INFO(c.file);
        RunResult r = run_go(read_source(c.file));
        CHECK(r.panic == "");
        CHECK(r.output == c.output);
    }
}

TEST_CASE("forgotten unlock and recursive lock block forever", "[vm][chapter3]") {
    CHECK(run_go(read_source("scenarios/chapter3/forgot_unlock.go")).deadlock);
    CHECK(run_go(read_source("scenarios/chapter3/recursive_lock.go")).deadlock);
}
