// The explorer's hot path under many goroutines: the time budget and the interrupt flag
// are honoured inside one long execution, and the enabled set kept step by step is the one
// a full recomputation gives.
#include <catch2/catch.hpp>

#include <atomic>

#include "checker/execution.hpp"
#include "checker/explorer.hpp"
#include "checker/random_source.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;
using vm::OpKind;

namespace {

// A scripted program that raises the interrupt flag after a number of resumes, as a
// SIGINT arriving in the middle of a long execution would.
class InterruptingProgram : public ScriptedProgram {
public:
    InterruptingProgram(std::vector<Script> scripts, std::atomic<bool>& flag, uint64_t after)
        : ScriptedProgram(std::move(scripts), 4, {0}), m_flag(flag), m_after(after) {}
    void resume(vm::Gid g, const vm::Outcome& outcome) override {
        ScriptedProgram::resume(g, outcome);
        if (resumes == m_after) m_flag = true;
    }

private:
    std::atomic<bool>& m_flag;
    uint64_t m_after;
};

}  // namespace

TEST_CASE("an interrupt stops the search inside a long execution", "[explorer][bounds]") {
    Script main{"main", {}};
    for (int i = 0; i < 50000; ++i) main.ops.push_back(op(OpKind::Yield));
    std::atomic<bool> flag{false};
    InterruptingProgram program({main}, flag, 3000);
    checker::Options o;
    o.interrupted = &flag;
    auto r = checker::explore(program, o);
    CHECK(r.stats.bound == std::optional<std::string>("interrupted"));
    CHECK(r.verdict == checker::Verdict::Bounded);
    CHECK_FALSE(r.stats.complete);
    CHECK(r.stats.executions == 0);  // the cut execution is not a complete one
    CHECK(r.stats.steps >= 3000);
    CHECK(r.stats.steps < 3000 + 4096);  // not run to its 50000 steps
}

TEST_CASE("a zero time budget stops before the first execution ends", "[explorer][bounds]") {
    Script main{"main", {}};
    for (int i = 0; i < 50000; ++i) main.ops.push_back(op(OpKind::Yield));
    ScriptedProgram program({main});
    checker::Options o;
    o.time_budget_seconds = 0;
    auto r = checker::explore(program, o);
    CHECK(r.stats.bound == std::optional<std::string>("time-budget"));
    CHECK(r.stats.steps < 50000);
}

TEST_CASE("a bug seen before the budget cut an execution is reported with a replayable trace", "[explorer][bounds]") {
    // main races with its goroutine on x, then runs long: the race is found in the prefix.
    Script main{"main", {go(1), store(0, -1, 1), recv(0, 1)}};
    for (int i = 0; i < 30000; ++i) main.ops.push_back(op(OpKind::Yield));
    std::atomic<bool> flag{false};
    InterruptingProgram program({main, {"w", {store(0, -1, 2), send(0, -1, 1)}}}, flag, 5000);
    checker::Options o;
    o.interrupted = &flag;
    auto r = checker::explore(program, o);
    CHECK(r.stats.bound == std::optional<std::string>("interrupted"));
    REQUIRE(r.bugs.size() == 1);
    CHECK(r.bugs[0].kind() == checker::BugKind::DataRace);
    CHECK(r.verdict == checker::Verdict::Bug);
}

TEST_CASE("the enabled set kept step by step equals a full recomputation", "[explorer][enabled]") {
    struct Case {
        std::string name;
        std::vector<Script> scripts;
        std::vector<uint32_t> caps;
    };
    std::vector<Case> cases = {
        {"two senders, one receiver", {{"main", {go(1), go(1), recv(0, 1), recv(0, 1)}}, {"w", {send(0, -1, 7)}}}, {0}},
        {"buffered", {{"main", {go(1), go(1), recv(0, 1), recv(0, 1), close_chan(0)}}, {"w", {send(0, -1, 7), send(0, -1, 8)}}}, {1}},
        {"close wakes receivers", {{"main", {go(1), go(1), close_chan(0)}}, {"w", {recv(0, 1)}}}, {0}},
        {"cond broadcast",
         {{"main", {wg_add(3, 2), go(1), go(1), lock(0), op(OpKind::CondBroadcast, 2), unlock(0), wg_wait(3)}},
          {"w", {lock(0), cond_wait(2, 0), lock(0), unlock(0), wg_done(3)}}},
         {}},
        // A Signal outside the lock: the woken goroutine can re-lock at once.
        {"cond signal unlocked",
         {{"main", {go(1), op(OpKind::Yield), op(OpKind::CondSignal, 2), op(OpKind::Yield), op(OpKind::CondSignal, 2)}},
          {"w", {lock(0), cond_wait(2, 0), lock(0), unlock(0)}}},
         {}},
        {"rwmutex", {{"main", {go(1), go(2), rlock(0), runlock(0), lock(0), unlock(0)}}, {"r", {rlock(0), load(0, 0), runlock(0)}}, {"w", {lock(0), store(0, -1, 1), unlock(0)}}}, {}},
        {"once", {{"main", {go(1), go(1), op(OpKind::OnceEnter, 4), op(OpKind::OnceExit, 4)}}, {"w", {op(OpKind::OnceEnter, 4), op(OpKind::OnceExit, 4)}}}, {}},
    };
    checker::RandomSource rng(7);
    for (const Case& c : cases) {
        INFO(c.name);
        ScriptedProgram program(c.scripts, 4, c.caps);
        checker::Execution exec(program, {});
        for (int run = 0; run < 200; ++run) {
            exec.start();
            while (exec.running() && !exec.enabled_list().empty()) {
                REQUIRE(exec.enabled_list() == exec.enabled_from_scratch());
                const auto& en = exec.enabled_list();
                vm::Gid g = en[rng.below(static_cast<uint32_t>(en.size()))];
                exec.step(checker::Choice{g, rng.below(exec.alternatives(g))});
            }
            if (exec.running()) REQUIRE(exec.enabled_from_scratch().empty());
        }
    }
    // And the 1000-goroutine counter the incremental set is for.
    auto big = unsafe_counter(300);
    checker::Execution exec(big, {});
    exec.start();
    while (exec.running() && !exec.enabled_list().empty()) {
        if (exec.steps().size() % 97 == 0) REQUIRE(exec.enabled_list() == exec.enabled_from_scratch());
        const auto& en = exec.enabled_list();
        exec.step(checker::Choice{en[rng.below(static_cast<uint32_t>(en.size()))], 0});
    }
    CHECK(exec.end() == checker::EndKind::Exit);
}
