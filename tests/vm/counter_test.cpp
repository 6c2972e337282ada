// The chapter's counter programs end to end: compiled from source, run on the Machine,
// output compared with what Go 1.19 prints.
#include <catch2/catch.hpp>

#include "tests/support/process.hpp"
#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;
using lockstep::test_support::read_source;

TEST_CASE("safe counter prints Final count: 3", "[vm][chapter3]") {
    RunResult r = run_go(read_source("scenarios/chapter3/safe_counter.go"));
    CHECK(r.panic == "");
    CHECK(r.output == "Final count: 3\n");
}

TEST_CASE("unsafe counter runs sequentially to 2", "[vm][chapter3]") {
    RunResult r = run_go(read_source("scenarios/chapter3/unsafe_counter.go"));
    CHECK(r.output == "Final count: 2\n");
}

TEST_CASE("c.value++ on a heap struct is a Load then a Store of one location", "[vm][visible]") {
    RunResult r = run_go(read_source("scenarios/chapter3/unsafe_counter.go"));
    Compiled c = compile_source(read_source("scenarios/chapter3/unsafe_counter.go"));
    Machine m(c.module);
    RunResult again = run_lowest_first(m);
    bool found = false;
    for (size_t i = 0; i + 1 < again.trace.size(); i++) {
        const Operation& a = again.trace[i];
        const Operation& b = again.trace[i + 1];
        if (a.kind == OpKind::Load && m.site(a.site).expr == "c.value") {
            CHECK(b.kind == OpKind::Store);
            CHECK(b.object == a.object);
            CHECK(m.site(b.site).expr == "c.value");
            CHECK(m.site(a.site).function == "main.(*UnsafeCounter).Increment");
            found = true;
            break;
        }
    }
    CHECK(found);
    // wg.Add / wg.Done / Wait name the WaitGroup
    bool wg = false;
    for (const Operation& op : again.trace)
        if (op.kind == OpKind::WgAdd && m.site(op.site).expr == "wg") wg = true;
    CHECK(wg);
}

TEST_CASE("reset gives identical executions", "[vm][reset]") {
    Compiled c = compile_source(read_source("scenarios/chapter3/safe_counter.go"));
    Machine m(c.module);
    RunResult first = run_lowest_first(m);
    m.reset();
    RunResult second = run_lowest_first(m);
    REQUIRE(first.trace.size() == second.trace.size());
    for (size_t i = 0; i < first.trace.size(); i++) {
        CHECK(first.trace[i].kind == second.trace[i].kind);
        CHECK(first.trace[i].object == second.trace[i].object);
        CHECK(first.trace[i].site == second.trace[i].site);
        CHECK(first.who[i] == second.who[i]);
    }
    CHECK(first.output == second.output);
    CHECK(m.goroutine_info(1).name == "main.main.func1");
    CHECK(m.goroutine_info(1).has_creator);
}

TEST_CASE("an infinite loop pauses at StepLimit", "[vm][limits]") {
    Compiled c = compile_source("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n");
    MachineLimits limits;
    limits.max_instructions_per_resume = 1000;
    Machine m(c.module, limits);
    CHECK(m.pending(0).kind == OpKind::StepLimit);
    m.resume(0, Outcome{});
    CHECK(m.pending(0).kind == OpKind::StepLimit);
}
