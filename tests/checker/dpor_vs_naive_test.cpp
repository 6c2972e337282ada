// dpor against the naive reference: on every small program both find the same bug kinds
// and the same final outputs (dpor must be sound), and dpor never runs more executions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "checker/execution.hpp"
#include "checker/explorer.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;

namespace {

struct Case {
    std::string name;
    std::vector<Script> scripts;
};

std::vector<Case> cases() {
    std::vector<Case> c;
    // Lost update without a lock.
    c.push_back({"unsafe counter", {{"main", {wg_add(1, 1), go(1), wg_add(1, 1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}}, {"w", {load(0, 0), store(0, 0, 1), wg_done(1)}}}});
    // AB-BA deadlock.
    c.push_back({"ab-ba", {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1), print("done")}},
                           {"g1", {lock(2), lock(3), unlock(3), unlock(2), wg_done(1)}},
                           {"g2", {lock(3), lock(2), unlock(2), unlock(3), wg_done(1)}}}});
    // wg.Add inside the goroutine.
    c.push_back({"add inside", {{"main", {go(1), go(1), wg_wait(1), load(0, 0), print("x=", 0)}}, {"w", {wg_add(1, 1), store(0, -1, 7), wg_done(1)}}}});
    // Too many Dones.
    c.push_back({"negative", {{"main", {wg_add(1, 1), go(1), go(1), wg_wait(1), print("ok")}}, {"w", {print("w"), wg_done(1)}}}});
    // Prints in any order; main may return before the goroutines print.
    c.push_back({"prints", {{"main", {go(1), go(2), print("main")}}, {"a", {print("a")}}, {"b", {print("b")}}}});
    // Unlock by a goroutine that may find the mutex unlocked.
    c.push_back({"unlock unlocked", {{"main", {wg_add(1, 1), go(1), lock(0), store(0, -1, 1), unlock(0), wg_wait(1)}}, {"w", {unlock(0), wg_done(1)}}}});
    // Message passing through a flag, unsynchronized.
    c.push_back({"flag", {{"main", {go(1), load(1, 1), load(0, 0), print("v=", 0)}}, {"w", {store(0, -1, 42), store(1, -1, 1)}}}});
    // Read-locked readers and a writer.
    c.push_back({"rwmutex", {{"main", {wg_add(1, 3), go(1), go(1), go(2), wg_wait(1), load(0, 0), print("v=", 0)}},
                             {"r", {rlock(4), load(0, 0), runlock(4), wg_done(1)}},
                             {"wr", {lock(4), load(0, 0), store(0, 0, 1), unlock(4), wg_done(1)}}}});
    // Locked counter, 3x1, with a print under the lock.
    c.push_back({"locked", {{"main", {wg_add(1, 3), go(1), go(1), go(1), wg_wait(1), lock(0), load(0, 0), unlock(0), print("c=", 0)}},
                            {"w", {lock(0), load(0, 0), store(0, 0, 1), unlock(0), wg_done(1)}}}});
    // TryLock: the result depends on the interleaving.
    c.push_back({"trylock", {{"main", {go(1), op(vm::OpKind::TryLock, 0), print("main tried"), wg_add(1, 0)}}, {"w", {lock(0), print("w locked"), unlock(0)}}}});
    // Once: one Do runs f.
    c.push_back({"once", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}},
                          {"w", {op(vm::OpKind::OnceEnter, 5), load(0, 0), store(0, 0, 1), op(vm::OpKind::OnceExit, 5), wg_done(1)}}}});
    // Pool: Get may return the pooled object or New.
    c.push_back({"pool", {{"main", {op(vm::OpKind::PoolPut, 6), go(1), op(vm::OpKind::PoolGet, 6), print("got")}}, {"w", {op(vm::OpKind::PoolGet, 6), print("w got")}}}});
    // A recursive lock on one path only.
    c.push_back({"recursive", {{"main", {go(1), lock(0), store(1, -1, 1), unlock(0)}}, {"w", {lock(0), load(1, 0), unlock(0)}}}});
    // A panic in one interleaving (after the other goroutine's print).
    c.push_back({"panic", {{"main", {go(1), print("m"), panic_op("boom")}}, {"w", {print("w")}}}});
    return c;
}

// Prints commute for dpor (no ordered Output block observes their order), so it keeps one
// order of each set of prints: compare outputs as multisets of lines.
std::set<std::string> line_sets(const std::vector<std::string>& outcomes) {
    std::set<std::string> out;
    for (const auto& o : outcomes) out.insert(checker::normalize_output(o, true));
    return out;
}

std::set<std::string> kinds(const checker::ScenarioResult& r) {
    std::set<std::string> k;
    for (const auto& b : r.bugs) k.insert(std::string(checker::bug_kind_id(b.kind())));
    return k;
}

}  // namespace

TEST_CASE("dpor finds what naive finds, with fewer executions", "[dpor][naive]") {
    for (const Case& c : cases()) {
        INFO(c.name);
        ScriptedProgram p1(c.scripts), p2(c.scripts);
        checker::Options naive;
        naive.strategy = checker::Strategy::Naive;
        naive.all = true;
        checker::Options dpor;
        dpor.all = true;
        auto rn = checker::explore(p1, naive);
        auto rd = checker::explore(p2, dpor);
        CHECK(rn.stats.complete);
        CHECK(rd.stats.complete);
        CHECK(kinds(rd) == kinds(rn));
        CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
        CHECK(rd.stats.executions <= rn.stats.executions);
    }
}

TEST_CASE("prints commute under an ordered Output block too, and the block is checked against every order", "[dpor]") {
    std::vector<Script> s = {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1)}}, {"a", {print("a"), wg_done(1)}}, {"b", {print("b"), wg_done(1)}}};
    lang::ExpectedOutput want;
    want.lines = {"a", "b"};
    for (bool unordered : {false, true}) {
        want.unordered = unordered;
        ScriptedProgram p1(s), p2(s);
        checker::Options n, d;
        n.strategy = checker::Strategy::Naive;
        n.all = d.all = true;
        n.expected_output = d.expected_output = want;
        auto rn = checker::explore(p1, n);
        auto rd = checker::explore(p2, d);
        CHECK(kinds(rn) == kinds(rd));
        CHECK(kinds(rd) == (unordered ? std::set<std::string>{} : std::set<std::string>{"output-mismatch"}));
        // One execution covers both orders; every output naive printed is one of them.
        CHECK(rd.stats.executions == 1);
        for (const auto& o : rn.outcomes) CHECK(rd.admits(o));
    }
}

TEST_CASE("a goroutine that panics after its Done races with main's Wait", "[dpor]") {
    // Go may run main's print and exit before the panic is raised: both outcomes exist.
    std::vector<Script> s = {{"main", {wg_add(1, 1), go(1), wg_wait(1), print("done")}}, {"w", {wg_done(1), panic_op("late")}}};
    ScriptedProgram p1(s), p2(s);
    checker::Options n, d;
    n.strategy = checker::Strategy::Naive;
    n.all = d.all = true;
    auto rn = checker::explore(p1, n);
    auto rd = checker::explore(p2, d);
    CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
    bool exited_first = false, panicked = false;
    for (const auto& o : rd.outcomes) {
        exited_first |= o == "done\n";
        panicked |= o.find("panic: late") != std::string::npos;
    }
    CHECK(exited_first);
    CHECK(panicked);
    // The executions where the panic comes first still report it.
    CHECK(kinds(rd) == std::set<std::string>{"panic"});
    auto first = checker::explore(p2, {});
    CHECK(kinds(first) == std::set<std::string>{"panic"});
}
