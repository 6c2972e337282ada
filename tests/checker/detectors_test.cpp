// The detectors, through explore(): each small program shows exactly the bug kinds it
// should, with Go's words in the message and the decisive steps marked in the trace.
#include <catch2/catch.hpp>

#include <set>

#include "checker/explorer.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;
using vm::OpKind;

namespace {

checker::ScenarioResult run_all(std::vector<Script> scripts, checker::Strategy s = checker::Strategy::Dpor) {
    ScriptedProgram p(std::move(scripts));
    checker::Options o;
    o.strategy = s;
    o.all = true;
    return checker::explore(p, o);
}

std::set<std::string> kinds(const checker::ScenarioResult& r) {
    std::set<std::string> k;
    for (const auto& b : r.bugs) k.insert(std::string(checker::bug_kind_id(b.kind())));
    return k;
}

const checker::Bug* find(const checker::ScenarioResult& r, checker::BugKind k) {
    for (const auto& b : r.bugs)
        if (b.kind() == k) return &b;
    return nullptr;
}

int decisive(const checker::Bug& b) {
    int n = 0;
    for (const auto& t : b.trace) n += t.decisive;
    return n;
}

}  // namespace

TEST_CASE("each program shows exactly its bug kinds", "[detectors]") {
    struct Row {
        std::string name;
        std::vector<Script> scripts;
        std::set<std::string> want;
    };
    std::vector<Row> rows = {
        {"unsafe counter", {{"main", {wg_add(1, 1), go(1), wg_add(1, 1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}}, {"w", {load(0, 0), store(0, 0, 1), wg_done(1)}}}, {"data-race", "lost-update"}},
        {"locked counter", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1), lock(0), load(0, 0), unlock(0), print("c=", 0)}}, {"w", {lock(0), load(0, 0), store(0, 0, 1), unlock(0), wg_done(1)}}}, {}},
        {"ab-ba", {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1)}}, {"g1", {lock(2), lock(3), unlock(3), unlock(2), wg_done(1)}}, {"g2", {lock(3), lock(2), unlock(2), unlock(3), wg_done(1)}}}, {"deadlock", "lock-order-inversion"}},
        {"add inside the goroutine", {{"main", {go(1), wg_wait(1), load(0, 0), print("x=", 0)}}, {"w", {wg_add(1, 1), store(0, -1, 7), wg_done(1)}}}, {"waitgroup-misuse", "data-race"}},
        // main may be blocked in Wait when the first Done releases it: then the second Done
        // changes the counter before that Wait returned, and Go's Wait may panic first.
        {"two Dones for one Add", {{"main", {wg_add(1, 1), go(1), go(1), wg_wait(1)}}, {"w", {wg_done(1)}}}, {"negative-waitgroup", "waitgroup-misuse"}},
        {"unlock of unlocked", {{"main", {lock(0), unlock(0), unlock(0)}}}, {"unlock-of-unlocked"}},
        {"recursive lock", {{"main", {lock(0), lock(0), unlock(0)}}}, {"recursive-lock"}},
        // main waits while holding the lock the worker needs.
        {"forgot unlock", {{"main", {wg_add(1, 1), go(1), lock(0), wg_wait(1)}}, {"w", {lock(0), unlock(0), wg_done(1)}}}, {"deadlock", "lock-held-blocking"}},
        // Both orders, but always under a common gate lock: no inversion, no deadlock.
        {"gate lock", {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1)}},
                       {"g1", {lock(7), lock(2), lock(3), unlock(3), unlock(2), unlock(7), wg_done(1)}},
                       {"g2", {lock(7), lock(3), lock(2), unlock(2), unlock(3), unlock(7), wg_done(1)}}}, {}},
        {"sleep under lock", {{"main", {lock(0), op(OpKind::Yield), unlock(0)}}}, {"lock-held-blocking"}},
        {"sleep outside lock", {{"main", {lock(0), unlock(0), op(OpKind::Yield)}}}, {}},
        // f panics (OnceExit arg 1): the second Do returns without running it.
        {"once panic", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1)}}, {"w", {op(OpKind::OnceEnter, 5), op(OpKind::OnceExit, 5, 1), wg_done(1)}}}, {"once-panic"}},
        // main returns while a goroutine waits for a lock main still holds.
        {"leak", {{"main", {lock(0), go(1)}}, {"w", {lock(0), unlock(0)}}}, {"goroutine-leak"}},
        {"panic", {{"main", {print("before"), panic_op("boom")}}}, {"panic"}},
        {"once", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}}, {"w", {op(OpKind::OnceEnter, 5), load(0, 0), store(0, 0, 1), op(OpKind::OnceExit, 5), wg_done(1)}}}, {}},
        {"rwmutex readers", {{"main", {wg_add(1, 3), go(1), go(1), go(2), wg_wait(1), load(0, 0), print("v=", 0)}}, {"r", {rlock(4), load(0, 0), runlock(4), wg_done(1)}}, {"wr", {lock(4), load(0, 0), store(0, 0, 1), unlock(4), wg_done(1)}}}, {}},
        {"write under RLock", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1)}}, {"r", {rlock(4), load(0, 0), store(0, 0, 1), runlock(4), wg_done(1)}}}, {"data-race", "lost-update"}},
        {"RUnlock of unlocked", {{"main", {rlock(4), runlock(4), runlock(4)}}}, {"unlock-of-unlocked"}},
        {"atomics synchronize", {{"main", {go(1), op(OpKind::AtomicLoad, 1), load(0, 0)}}, {"w", {store(0, -1, 1), op(OpKind::AtomicStore, 1)}}}, {"data-race"}},
        // hits++ next to atomic.AddInt64(&hits, 1): Go reports the race; the atomic add can be lost.
        {"mixed atomic and plain", {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1), op(OpKind::AtomicLoad, 0)}}, {"a", {op(OpKind::AtomicRmw, 0), wg_done(1)}}, {"p", {load(0, 0), store(0, 0, 1), wg_done(1)}}}, {"data-race", "lost-update"}},
        {"atomics only", {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1), op(OpKind::AtomicLoad, 0)}}, {"a", {op(OpKind::AtomicRmw, 0), wg_done(1)}}}, {}},
        {"pool put/get", {{"main", {op(OpKind::PoolPut, 6), go(1), op(OpKind::PoolGet, 6)}}, {"w", {op(OpKind::PoolGet, 6)}}}, {}},
    };
    for (const auto& r : rows) {
        INFO(r.name);
        auto res = run_all(r.scripts);
        CHECK(kinds(res) == r.want);
        // Warnings and notes are reported but only errors make the verdict a bug.
        bool error = false;
        for (const auto& k : r.want) error |= checker::bug_kind_severity(*checker::bug_kind_from_id(k)) == checker::Severity::Error;
        CHECK(res.verdict == (error ? checker::Verdict::Bug : checker::Verdict::Verified));
        auto naive = run_all(r.scripts, checker::Strategy::Naive);
        CHECK(kinds(naive) == r.want);
    }
}

TEST_CASE("a lost update names the read, the lost write and the overwrite", "[detectors]") {
    auto res = run_all({{"main", {wg_add(1, 1), go(1), wg_add(1, 1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}}, {"main.worker", {load(0, 0), store(0, 0, 1), wg_done(1)}}});
    const checker::Bug* lost = find(res, checker::BugKind::LostUpdate);
    REQUIRE(lost);
    CHECK(lost->message == "lost-update on x");
    CHECK(decisive(*lost) == 3);
    CHECK(lost->output == "n=1\n");
    CHECK(lost->goroutines.size() == 2);
    for (const auto& g : lost->goroutines) {
        CHECK(g.id >= 2);
        CHECK(g.name == "main.worker");
        CHECK(g.created_at.has_value());
    }
    const checker::Bug* race = find(res, checker::BugKind::DataRace);
    REQUIRE(race);
    CHECK(race->message == "data-race on x");
    CHECK(race->details.find("by goroutine") != std::string::npos);
    CHECK(decisive(*race) == 2);
    CHECK(race->schedule.rfind("2.", 0) == 0);  // deviations from the default scheduler only
}

TEST_CASE("a deadlock shows who waits for what and who holds it", "[detectors]") {
    auto res = run_all({{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1)}}, {"g1", {lock(2), lock(3), unlock(3), unlock(2), wg_done(1)}}, {"g2", {lock(3), lock(2), unlock(2), unlock(3), wg_done(1)}}});
    const checker::Bug* d = find(res, checker::BugKind::Deadlock);
    REQUIRE(d);
    CHECK(d->message == "deadlock: all goroutines are asleep - deadlock!");
    CHECK(d->details.find("goroutine 1 [Wait]") != std::string::npos);
    CHECK(d->details.find("held by goroutine 3") != std::string::npos);
    CHECK(d->details.find("held by goroutine 2") != std::string::npos);
    bool crash = false;
    for (const auto& o : res.outcomes) crash |= o.find("fatal error: all goroutines are asleep - deadlock!") != std::string::npos;
    CHECK(crash);
}

TEST_CASE("misuse messages are Go's", "[detectors]") {
    auto unl = run_all({{"main", {lock(0), unlock(0), unlock(0)}}});
    REQUIRE(unl.bugs.size() == 1);
    // Headlines start with the kind and end with Go's own words.
    auto go_words = [](const std::string& message, const std::string& kind, const std::string& words) {
        return message.rfind(kind + " on ", 0) == 0 && message.size() >= words.size() &&
               message.compare(message.size() - words.size(), words.size(), words) == 0;
    };
    CHECK(go_words(unl.bugs[0].message, "unlock-of-unlocked", ": fatal error: sync: unlock of unlocked mutex"));
    auto runl = run_all({{"main", {rlock(4), runlock(4), runlock(4)}}});
    REQUIRE(runl.bugs.size() == 1);
    CHECK(go_words(runl.bugs[0].message, "unlock-of-unlocked", ": fatal error: sync: RUnlock of unlocked RWMutex"));
    auto neg = run_all({{"main", {wg_done(1)}}});
    REQUIRE(neg.bugs.size() == 1);
    CHECK(go_words(neg.bugs[0].message, "negative-waitgroup", ": panic: sync: negative WaitGroup counter"));
    CHECK(neg.outcomes == std::vector<std::string>{"panic: sync: negative WaitGroup counter"});
    auto p = run_all({{"main", {print("hi"), panic_op("boom")}}});
    REQUIRE(p.bugs.size() == 1);
    CHECK(p.bugs[0].message == "panic: boom");
    CHECK(p.outcomes == std::vector<std::string>{"hi\npanic: boom"});
}

TEST_CASE("a Mutex unlocked by another goroutine is legal", "[detectors]") {
    auto res = run_all({{"main", {wg_add(1, 1), lock(0), go(1), wg_wait(1), lock(0), unlock(0)}}, {"w", {unlock(0), wg_done(1)}}});
    CHECK(res.bugs.empty());
    CHECK(res.verdict == checker::Verdict::Verified);
}

TEST_CASE("output mismatch compares with the Output block", "[detectors]") {
    ScriptedProgram p({{"main", {wg_add(1, 1), go(1), load(0, 0), print("x=", 0), wg_wait(1)}}, {"w", {lock(0), store(0, -1, 1), unlock(0), wg_done(1)}}});
    checker::Options o;
    lang::ExpectedOutput want;
    want.lines = {"x=1"};
    o.expected_output = want;
    auto res = checker::explore(p, o);
    const checker::Bug* m = find(res, checker::BugKind::OutputMismatch);
    REQUIRE(m);
    CHECK(m->output == "x=0\n");
}

TEST_CASE("max-steps reports a livelock", "[detectors]") {
    std::vector<ScriptOp> spin(50, op(OpKind::Yield));
    ScriptedProgram p({{"main", spin}});
    checker::Options o;
    o.max_steps = 20;
    auto res = checker::explore(p, o);
    REQUIRE(res.bugs.size() == 1);
    CHECK(res.bugs[0].kind() == checker::BugKind::Livelock);
    CHECK(res.verdict == checker::Verdict::Bug);
}

TEST_CASE("a goroutine leak names the stranded goroutine and its blocking operation", "[detectors]") {
    auto res = run_all({{"main", {lock(0), go(1), print("bye")}}, {"w", {lock(0), print("never")}}});
    const checker::Bug* leak = find(res, checker::BugKind::GoroutineLeak);
    REQUIRE(leak);
    CHECK(leak->details.find("goroutine 2 [Lock]") != std::string::npos);
    // What runs after main returned is not part of the output.
    for (const auto& o : res.outcomes) CHECK(o.find("never") == std::string::npos);
    CHECK(res.verdict == checker::Verdict::Bug);
}

TEST_CASE("lock-order inversion is a warning that names both orders", "[detectors]") {
    // g1 takes A then B and finishes before g2 takes B then A: no deadlock in that run,
    // but the orders are inverted.
    ScriptedProgram p({{"main", {go(1), go(2)}}, {"g1", {lock(2), lock(3), unlock(3), unlock(2)}}, {"g2", {lock(3), lock(2), unlock(2), unlock(3)}}});
    checker::Options o;
    o.all = true;
    auto res = checker::explore(p, o);
    const checker::Bug* inv = find(res, checker::BugKind::LockOrderInversion);
    REQUIRE(inv);
    CHECK(inv->severity == checker::Severity::Warning);
    CHECK(decisive(*inv) == 4);
}

TEST_CASE("lock-order inversion: a cycle through three locks and three goroutines", "[detectors]") {
    // g1: A then B; g2: B then C; g3: C then A. No two goroutines invert a pair, yet the
    // three can deadlock, each holding one lock and waiting for the next.
    auto nested = [](uint32_t a, uint32_t b) { return std::vector<ScriptOp>{lock(a), lock(b), unlock(b), unlock(a)}; };
    auto done = [](std::vector<ScriptOp> ops) {
        ops.push_back(wg_done(1));
        return ops;
    };
    std::vector<Script> cycle = {
        {"main", {wg_add(1, 3), go(1), go(2), go(3), wg_wait(1)}}, {"g1", done(nested(2, 3))}, {"g2", done(nested(3, 4))}, {"g3", done(nested(4, 2))}};
    ScriptedProgram p(cycle);
    checker::Options o;
    o.all = true;
    auto res = checker::explore(p, o);
    const checker::Bug* inv = find(res, checker::BugKind::LockOrderInversion);
    REQUIRE(inv);
    CHECK(inv->severity == checker::Severity::Warning);
    CHECK(decisive(*inv) == 6);  // holds and takes, per goroutine
    CHECK(inv->goroutines.size() == 3);
    CHECK(inv->details.find("taken in a cycle") != std::string::npos);
    CHECK(find(res, checker::BugKind::Deadlock));  // and some interleaving does deadlock

    // A gate lock G held around every nested pair serializes them: no cycle is possible.
    auto gated = [](uint32_t a, uint32_t b) { return std::vector<ScriptOp>{lock(5), lock(a), lock(b), unlock(b), unlock(a), unlock(5)}; };
    ScriptedProgram pg({{"main", {wg_add(1, 3), go(1), go(2), go(3), wg_wait(1)}}, {"g1", done(gated(2, 3))}, {"g2", done(gated(3, 4))}, {"g3", done(gated(4, 2))}});
    auto rg = checker::explore(pg, o);
    CHECK_FALSE(find(rg, checker::BugKind::LockOrderInversion));
    CHECK_FALSE(find(rg, checker::BugKind::Deadlock));

    // One goroutine taking all three orders in turn cannot deadlock with itself.
    std::vector<ScriptOp> alone;
    for (auto [a, b] : {std::pair<uint32_t, uint32_t>{2, 3}, {3, 4}, {4, 2}})
        for (const auto& x : nested(a, b)) alone.push_back(x);
    ScriptedProgram pa({{"main", alone}});
    auto ra = checker::explore(pa, o);
    CHECK(ra.bugs.empty());

    // Four locks, four goroutines: still found.
    ScriptedProgram p4({{"main", {go(1), go(2), go(3), go(4)}}, {"g1", nested(2, 3)}, {"g2", nested(3, 4)}, {"g3", nested(4, 6)}, {"g4", nested(6, 2)}});
    auto r4 = checker::explore(p4, o);
    const checker::Bug* inv4 = find(r4, checker::BugKind::LockOrderInversion);
    REQUIRE(inv4);
    CHECK(decisive(*inv4) == 8);
}
