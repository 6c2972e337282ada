// dpor against naive on many generated programs: random mixes of loads, stores, locked
// sections, prints, WaitGroup and RWMutex operations over 2-3 goroutines. Same bug kinds,
// same outputs (as multisets of lines: prints commute), never more executions.
#include <catch2/catch.hpp>

#include <set>

#include "checker/execution.hpp"
#include "checker/explorer.hpp"
#include "checker/random_source.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;
using vm::OpKind;

namespace {

std::vector<ScriptOp> random_body(checker::RandomSource& rng, int len, int id) {
    std::vector<ScriptOp> ops;
    for (int i = 0; i < len; ++i) {
        switch (rng.below(11)) {
        case 0: ops.push_back(load(rng.below(2), 0)); break;
        case 1: ops.push_back(store(rng.below(2), 0, 1)); break;
        case 2: {
            uint32_t m = rng.below(2);
            ops.push_back(lock(m));
            ops.push_back(store(0, 0, 1));
            ops.push_back(unlock(m));
            break;
        }
        case 3: ops.push_back(print("g" + std::to_string(id) + " sees ", 0)); break;
        case 4: {
            ops.push_back(rlock(3));
            ops.push_back(load(1, 1));
            ops.push_back(runlock(3));
            break;
        }
        case 5: ops.push_back(op(OpKind::Yield)); break;
        case 6: {
            // Nested locks in a random order: lock-order deadlocks.
            uint32_t a = rng.below(2);
            ops.push_back(lock(a));
            ops.push_back(lock(1 - a));
            ops.push_back(unlock(1 - a));
            ops.push_back(unlock(a));
            break;
        }
        case 7: ops.push_back(op(OpKind::AtomicRmw, 1)); break;
        case 8: ops.push_back(op(OpKind::TryLock, rng.below(2))); break;
        case 9: ops.push_back(op(rng.below(2) ? OpKind::PoolGet : OpKind::PoolPut, 5)); break;
        default:
            ops.push_back(op(OpKind::OnceEnter, 6));
            ops.push_back(store(1, 0, 1));
            ops.push_back(op(OpKind::OnceExit, 6));
            break;
        }
    }
    return ops;
}

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

constexpr uint64_t k_naive_executions = 100000;

TEST_CASE("dpor agrees with naive on generated programs", "[dpor][naive][generated]") {
    checker::RandomSource rng(20240601);
    int skipped = 0;
    for (int round = 0; round < 150; ++round) {
        int workers = 1 + static_cast<int>(rng.below(2));
        bool wait = rng.below(3) != 0;
        std::vector<Script> scripts;
        Script main{"main", {}};
        if (wait) main.ops.push_back(wg_add(2, workers));
        for (int w = 0; w < workers; ++w) main.ops.push_back(go(static_cast<uint32_t>(w + 1)));
        auto body = random_body(rng, static_cast<int>(rng.below(2)), 0);
        main.ops.insert(main.ops.end(), body.begin(), body.end());
        if (wait) main.ops.push_back(wg_wait(2));
        main.ops.push_back(load(0, 0));
        main.ops.push_back(print("end ", 0));
        scripts.push_back(main);
        for (int w = 0; w < workers; ++w) {
            Script s{"w" + std::to_string(w), random_body(rng, 1 + static_cast<int>(rng.below(2)), w + 1)};
            if (wait) s.ops.push_back(wg_done(2));
            scripts.push_back(s);
        }
        INFO("round " << round);
        ScriptedProgram p1(scripts, 4), p2(scripts, 4);
        checker::Options n, d;
        n.strategy = checker::Strategy::Naive;
        n.all = d.all = true;
        n.max_outcomes = d.max_outcomes = 100000;
        // Programs too big for the reference are filtered by an execution count, not by
        // time, so which ones are compared never depends on how busy the machine is (ASan,
        // CI); the time budgets are only a safety net.
        n.max_executions = k_naive_executions;
        n.time_budget_seconds = d.time_budget_seconds = 120;
        auto rn = checker::explore(p1, n);
        auto rd = checker::explore(p2, d);
        if (!rn.stats.complete) {
            ++skipped;  // too big for the reference
            continue;
        }
        REQUIRE(rd.stats.complete);
        CHECK(kinds(rd) == kinds(rn));
        CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
        CHECK(rd.stats.executions <= rn.stats.executions);
    }
    CHECK(skipped < 10);
}

TEST_CASE("dpor with symmetry agrees with naive and with itself off on workers of one go statement",
          "[dpor][naive][generated][symmetry]") {
    // Two or three workers started from one script (one go statement), so they start
    // interchangeable; main may do its own random work between the go statements.
    checker::RandomSource rng(20261202);
    int skipped = 0, reduced = 0;
    for (int round = 0; round < 120; ++round) {
        int workers = 2 + static_cast<int>(rng.below(2));
        bool wait = rng.below(3) != 0;
        Script main{"main", {}};
        for (int w = 0; w < workers; ++w) {
            if (wait) main.ops.push_back(wg_add(2, 1));  // an Add between the go statements
            main.ops.push_back(go(1));
            if (rng.below(3) == 0) main.ops.push_back(load(rng.below(2), 0));
        }
        auto body = random_body(rng, static_cast<int>(rng.below(2)), 0);
        main.ops.insert(main.ops.end(), body.begin(), body.end());
        if (wait) main.ops.push_back(wg_wait(2));
        main.ops.push_back(load(0, 0));
        main.ops.push_back(print("end ", 0));
        Script worker{"w", random_body(rng, 1 + static_cast<int>(rng.below(2)), 1)};
        if (wait) worker.ops.push_back(wg_done(2));
        std::vector<Script> scripts = {main, worker};
        INFO("round " << round);
        ScriptedProgram p1(scripts, 4), p2(scripts, 4), p3(scripts, 4);
        checker::Options n, d, off;
        n.strategy = checker::Strategy::Naive;
        off.symmetry = false;
        n.all = d.all = off.all = true;
        n.max_outcomes = d.max_outcomes = off.max_outcomes = 100000;
        n.max_executions = k_naive_executions;
        n.time_budget_seconds = d.time_budget_seconds = off.time_budget_seconds = 120;
        auto rn = checker::explore(p1, n);
        if (!rn.stats.complete) {
            ++skipped;
            continue;
        }
        auto rd = checker::explore(p2, d);
        auto ro = checker::explore(p3, off);
        REQUIRE(rd.stats.complete);
        REQUIRE(ro.stats.complete);
        CHECK(kinds(rd) == kinds(rn));
        CHECK(kinds(rd) == kinds(ro));
        CHECK(line_sets(rd.outcomes) == line_sets(rn.outcomes));
        CHECK(line_sets(rd.outcomes) == line_sets(ro.outcomes));
        CHECK(rd.stats.executions <= ro.stats.executions);
        if (rd.stats.executions < ro.stats.executions) ++reduced;
    }
    CHECK(skipped < 60);  // three workers are often too many for naive
    CHECK(reduced > 20);  // symmetry does act on these programs
}

TEST_CASE("dpor's incrementally kept symmetry classes equal the ones rebuilt pairwise at every node",
          "[dpor][generated][symmetry]") {
    // The reference check (checker::SymmetryAudit): at every fresh node the classes are
    // also found afresh, comparing every enabled goroutine with each class's first member
    // in full; the incremental ones must merge only interchangeable pairs, and the same ones.
    checker::RandomSource rng(20261203);
    checker::SymmetryAudit audit;
    for (int round = 0; round < 150; ++round) {
        int workers = 2 + static_cast<int>(rng.below(4));
        bool wait = rng.below(3) != 0;
        Script main{"main", {}};
        for (int w = 0; w < workers; ++w) {
            if (wait) main.ops.push_back(wg_add(2, 1));
            main.ops.push_back(go(1 + static_cast<uint32_t>(rng.below(4) == 0)));
            if (rng.below(3) == 0) main.ops.push_back(load(rng.below(2), 0));
        }
        auto body = random_body(rng, static_cast<int>(rng.below(2)), 0);
        main.ops.insert(main.ops.end(), body.begin(), body.end());
        if (wait) main.ops.push_back(wg_wait(2));
        main.ops.push_back(print("end ", 0));
        Script worker{"w", random_body(rng, 1 + static_cast<int>(rng.below(3)), 1)};
        Script other{"v", random_body(rng, 1 + static_cast<int>(rng.below(2)), 2)};
        if (wait) worker.ops.push_back(wg_done(2));
        if (wait) other.ops.push_back(wg_done(2));
        std::vector<Script> scripts = {main, worker, other};
        INFO("round " << round);
        ScriptedProgram p(scripts, 4);
        checker::Options d;
        d.all = true;
        d.max_executions = 3000;
        d.max_outcomes = 100000;
        d.symmetry_audit = &audit;
        uint64_t before = audit.nodes;
        checker::explore(p, d);
        CHECK(audit.nodes > before);
        CHECK(audit.unsound == 0);
        CHECK(audit.differing == 0);
    }
    CHECK(audit.nodes > 1000);
}
