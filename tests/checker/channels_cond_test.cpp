// Channels and Cond through the explorer: rendezvous, buffers, close, the happens-before
// edges they create (no race where Go's memory model orders the accesses), deadlocks when
// nobody is on the other side; dpor agrees with naive.
#include <catch2/catch.hpp>

#include <set>

#include "checker/execution.hpp"
#include "checker/explorer.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;
using vm::OpKind;

namespace {

struct Case {
    std::string name;
    std::vector<Script> scripts;
    std::vector<uint32_t> caps;
    std::set<std::string> want;
};

std::set<std::string> kinds(const checker::ScenarioResult& r) {
    std::set<std::string> k;
    for (const auto& b : r.bugs) k.insert(std::string(checker::bug_kind_id(b.kind())));
    return k;
}
std::set<std::string> line_sets(const std::vector<std::string>& outcomes) {
    std::set<std::string> out;
    for (const auto& o : outcomes) out.insert(checker::normalize_output(o, true));
    return out;
}

}  // namespace

TEST_CASE("channels and Cond: bug kinds, and dpor agrees with naive", "[chan][cond]") {
    std::vector<Case> cases = {
        // x written before the send, read after the receive: ordered, no race.
        {"unbuffered handoff", {{"main", {go(1), recv(0, 1), load(0, 0), print("x=", 0)}}, {"w", {store(0, -1, 5), send(0, -1, 1)}}}, {0}, {}},
        {"buffered handoff", {{"main", {go(1), recv(0, 1), load(0, 0), print("x=", 0)}}, {"w", {store(0, -1, 5), send(0, -1, 1)}}}, {1}, {}},
        // Close → a receive that sees it closed.
        {"close handoff", {{"main", {go(1), recv(0, 1), load(0, 0), print("x=", 0)}}, {"w", {store(0, -1, 5), close_chan(0)}}}, {0}, {}},
        // The value travels: main prints what the goroutine sent.
        {"value", {{"main", {go(1), recv(0, 1), print("got ", 1)}}, {"w", {send(0, -1, 42)}}}, {0}, {}},
        // Nobody receives: main blocks forever.
        {"no receiver", {{"main", {send(0, -1, 1)}}}, {0}, {"deadlock"}},
        // A full buffer blocks; the send after close panics. Nothing orders the send and
        // the close: Go's race detector reports them as a data race too.
        {"send on closed", {{"main", {go(1), send(0, -1, 1), print("sent")}}, {"w", {close_chan(0)}}}, {1}, {"panic", "data-race"}},
        // Unsynchronized: the goroutine writes after its send, main reads after its receive.
        {"write after send", {{"main", {go(1), recv(0, 1), load(0, 0)}}, {"w", {send(0, -1, 1), store(0, -1, 5)}}}, {1}, {"data-race"}},
        // Two senders, one receiver: one sender stays blocked forever once main returns.
        {"two senders", {{"main", {go(1), go(1), recv(0, 1), print("got ", 1)}}, {"w", {send(0, -1, 7)}}}, {0}, {"goroutine-leak"}},
        // A buffer with room for both: nobody leaks.
        {"two senders buffered", {{"main", {go(1), go(1), recv(0, 1), print("got ", 1)}}, {"w", {send(0, -1, 7)}}}, {2}, {}},
        // Cond: the waiter re-checks the flag under the lock; the setter signals.
        {"cond handoff",
         {{"main", {go(1), lock(0), load(1, 0), cond_wait(2, 0), lock(0), load(1, 0), unlock(0), print("ready ", 0)}},
          {"w", {lock(0), store(1, -1, 1), op(OpKind::CondSignal, 2), unlock(0)}}},
         {},
         // main may start waiting after the Signal: it sleeps forever.
         {"deadlock"}},
        {"cond broadcast",
         {{"main", {wg_add(3, 2), go(1), go(1), lock(0), op(OpKind::CondBroadcast, 2), unlock(0), wg_wait(3)}},
          {"w", {lock(0), cond_wait(2, 0), lock(0), unlock(0), wg_done(3)}}},
         {},
         {"deadlock"}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        ScriptedProgram p1(c.scripts, 4, c.caps), p2(c.scripts, 4, c.caps);
        checker::Options n, d;
        n.strategy = checker::Strategy::Naive;
        n.all = d.all = true;
        auto rn = checker::explore(p1, n);
        auto rd = checker::explore(p2, d);
        CHECK(kinds(rd) == c.want);
        CHECK(kinds(rn) == c.want);
        CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
        CHECK(rd.stats.complete);
    }
}

TEST_CASE("the received value is the sent one", "[chan]") {
    ScriptedProgram p({{"main", {go(1), recv(0, 1), print("got ", 1)}}, {"w", {send(0, -1, 42)}}}, 4, {0});
    auto r = checker::explore(p, {});
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(r.outcomes == std::vector<std::string>{"got 42\n"});
}

TEST_CASE("a WaitGroup reused before a released Wait returned is waitgroup-misuse", "[waitgroup]") {
    // main and goroutine 3 wait; goroutine 2's Done releases both; main adds again at once.
    // Go's woken Wait then panics, unless it returned before the Add.
    std::vector<Script> reuse = {
        {"main", {wg_add(1, 1), go(1), go(2), wg_wait(1), wg_add(1, 1), wg_done(1), print("again")}},
        {"done", {wg_done(1)}},
        {"waiter", {wg_wait(1)}}};
    // The same with main alone waiting: its own next Add follows its Wait, no misuse.
    std::vector<Script> alone = {{"main", {wg_add(1, 1), go(1), wg_wait(1), wg_add(1, 1), go(1), wg_wait(1), print("again")}},
                                 {"done", {wg_done(1)}}};
    for (bool misuse : {true, false}) {
        INFO((misuse ? "reuse" : "alone"));
        ScriptedProgram p1(misuse ? reuse : alone), p2(misuse ? reuse : alone);
        checker::Options n, d;
        n.strategy = checker::Strategy::Naive;
        n.all = d.all = true;
        auto rn = checker::explore(p1, n);
        auto rd = checker::explore(p2, d);
        auto want = misuse ? std::set<std::string>{"waitgroup-misuse"} : std::set<std::string>{};
        CHECK(kinds(rd) == want);
        CHECK(kinds(rn) == want);
        CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
        std::set<std::string> outcomes(rd.outcomes.begin(), rd.outcomes.end());
        CHECK(outcomes.count("again\n") == 1);  // the waiter returned first: no panic
        if (misuse) {
            CHECK(outcomes.count("panic: sync: WaitGroup is reused before previous Wait has returned") == 1);
            // (Where goroutine 3's Wait returned first, main's Add is still not ordered
            // after it: the other waitgroup-misuse, "Add called concurrently with Wait".)
            bool reused = false;
            for (const auto& b : rd.bugs) reused |= b.message.find("WaitGroup is reused before previous Wait has returned") != std::string::npos;
            CHECK(reused);
        }
    }
}

TEST_CASE("a Done below zero while a released Wait returns: either panic can come first", "[waitgroup]") {
    // wg_double_done.go: Add(1), and two Dones; main's Wait was released by the first.
    std::vector<Script> s = {{"main", {wg_add(1, 1), go(1), wg_wait(1), print("done")}}, {"w", {wg_done(1), wg_done(1)}}};
    ScriptedProgram p1(s), p2(s);
    checker::Options n, d;
    n.strategy = checker::Strategy::Naive;
    n.all = d.all = true;
    auto rn = checker::explore(p1, n);
    auto rd = checker::explore(p2, d);
    CHECK(kinds(rd) == std::set<std::string>{"negative-waitgroup", "waitgroup-misuse"});
    CHECK(kinds(rn) == kinds(rd));
    CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
    std::set<std::string> outcomes(rd.outcomes.begin(), rd.outcomes.end());
    CHECK(outcomes.count("done\n") == 1);  // main returned before the second Done
}
