// The split search (--jobs, --shard) against the unsplit one: on small programs and on
// random ones it finds the same bug kinds and outcome sets as dpor and naive (sound), its
// result is the same for every number of workers (deterministic), and the fold of the
// shards' records equals the one-process fold (what `lockstep merge` relies on).
#include <catch2/catch.hpp>

#include <memory>
#include <set>

#include "checker/explorer.hpp"
#include "checker/random_source.hpp"
#include "checker/split_fold.hpp"
#include "checker/split_plan.hpp"
#include "checker/split_search.hpp"
#include "programs.hpp"

using namespace lockstep;
using namespace lockstep::test;
using vm::OpKind;

namespace {

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

// Everything of a result that does not depend on timing.
std::string fingerprint(const checker::ScenarioResult& r) {
    std::string s = std::string(checker::verdict_name(r.verdict)) + " " + std::to_string(r.stats.executions) + " " +
                    std::to_string(r.stats.steps) + " " + std::to_string(r.stats.complete) + " " + r.stats.bound.value_or("-") + "\n";
    for (const auto& b : r.bugs) s += b.identity + " " + b.schedule + " " + std::to_string(b.preemptions) + "\n";
    for (const auto& o : r.outcomes) s += "outcome " + o + "\n";
    return s;
}

struct Programs {
    std::vector<std::unique_ptr<ScriptedProgram>> owned;
    std::vector<vm::Program*> ptrs;
    Programs(const std::vector<Script>& scripts, size_t n, uint32_t cells = 4) {
        for (size_t i = 0; i < n; ++i) {
            owned.push_back(std::make_unique<ScriptedProgram>(scripts, cells));
            ptrs.push_back(owned.back().get());
        }
    }
};

checker::ScenarioResult split(const std::vector<Script>& scripts, const checker::Options& o, uint32_t jobs, uint32_t min_subtrees,
                              uint32_t shard = 0, uint32_t shards = 1) {
    Programs p(scripts, jobs);
    checker::SplitSettings s;
    s.min_subtrees = min_subtrees;
    s.shard_index = shard;
    s.shard_count = shards;
    s.sharded = shards > 1;
    return checker::explore_split(p.ptrs, o, s);
}

std::vector<ScriptOp> random_body(checker::RandomSource& rng, int len, int id) {
    std::vector<ScriptOp> ops;
    for (int i = 0; i < len; ++i) {
        switch (rng.below(8)) {
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
        case 5: {
            uint32_t a = rng.below(2);
            ops.push_back(lock(a));
            ops.push_back(lock(1 - a));
            ops.push_back(unlock(1 - a));
            ops.push_back(unlock(a));
            break;
        }
        case 6: ops.push_back(op(OpKind::TryLock, rng.below(2))); break;
        default: ops.push_back(op(rng.below(2) ? OpKind::PoolGet : OpKind::PoolPut, 5)); break;
        }
    }
    return ops;
}

std::vector<Script> random_program(checker::RandomSource& rng) {
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
    return scripts;
}

const std::vector<Script> k_locked = {{"main", {wg_add(1, 3), go(1), go(1), go(1), wg_wait(1), lock(0), load(0, 0), unlock(0), print("c=", 0)}},
                                      {"w", {lock(0), load(0, 0), store(0, 0, 1), unlock(0), wg_done(1)}}};
const std::vector<Script> k_unsafe = {{"main", {wg_add(1, 1), go(1), wg_add(1, 1), go(1), wg_wait(1), load(0, 0), print("n=", 0)}},
                                      {"w", {load(0, 0), store(0, 0, 1), wg_done(1)}}};

}  // namespace

TEST_CASE("the split covers the tree: one prefix per choice above the split", "[split]") {
    ScriptedProgram p(k_locked);
    checker::Options o;
    auto plan = checker::plan_split(p, o, 8);
    CHECK(plan.prefixes.size() >= 8);
    CHECK(plan.depth > 0);
    for (const auto& prefix : plan.prefixes) CHECK(prefix.size() <= plan.depth);
    // The same split whatever asks for it.
    ScriptedProgram q(k_locked);
    auto again = checker::plan_split(q, o, 8);
    REQUIRE(again.prefixes.size() == plan.prefixes.size());
    for (size_t i = 0; i < plan.prefixes.size(); ++i)
        for (size_t j = 0; j < plan.prefixes[i].size(); ++j) CHECK(again.prefixes[i][j].g == plan.prefixes[i][j].g);
}

TEST_CASE("the split search verifies what dpor verifies, the same for every --jobs", "[split]") {
    checker::Options o;
    auto one = split(k_locked, o, 1, 12);
    CHECK(one.verdict == checker::Verdict::Verified);
    ScriptedProgram p(k_locked);
    auto whole = checker::explore(p, o);
    CHECK(line_sets(one.outcomes) == line_sets(whole.outcomes));
    CHECK(one.stats.executions >= whole.stats.executions);  // the top is fully expanded
    for (uint32_t jobs : {2u, 3u, 5u}) {
        INFO("jobs " << jobs);
        CHECK(fingerprint(split(k_locked, o, jobs, 12)) == fingerprint(one));
    }
}

TEST_CASE("the first bug of the split search is the same for every --jobs", "[split]") {
    checker::Options o;  // stop at the first bug
    auto one = split(k_unsafe, o, 1, 6);
    CHECK(one.verdict == checker::Verdict::Bug);
    for (int repeat = 0; repeat < 3; ++repeat)
        for (uint32_t jobs : {2u, 4u}) CHECK(fingerprint(split(k_unsafe, o, jobs, 6)) == fingerprint(one));
}

TEST_CASE("a shard alone is never verified; the fold of all shards is the one-process fold", "[split]") {
    for (bool all : {false, true}) {
        for (const auto* scripts : {&k_locked, &k_unsafe}) {
            checker::Options o;
            o.all = all;
            auto whole = split(*scripts, o, 1, 10);
            for (uint32_t n : {2u, 3u}) {
                INFO("all " << all << " shards " << n);
                std::vector<checker::ScenarioResult> parts;
                for (uint32_t i = 0; i < n; ++i) {
                    parts.push_back(split(*scripts, o, 2, 10, i, n));
                    REQUIRE(parts.back().shard);
                    CHECK(parts.back().verdict != checker::Verdict::Verified);
                }
                const auto& info = *parts[0].shard;
                std::vector<const checker::SubtreeRecord*> records(info.subtrees, nullptr);
                for (const auto& p : parts)
                    for (const auto& r : p.shard->records) records[r.index] = &r;
                std::vector<uint32_t> wanted;
                for (uint32_t k = 0; k < info.subtrees; ++k) wanted.push_back(k);
                auto f = checker::fold_subtrees(wanted, records, info.plan_bound_hit, info.rules);
                CHECK(f.executions == whole.stats.executions);
                CHECK(f.steps == whole.stats.steps);
                CHECK(f.complete == whole.stats.complete);
                REQUIRE(f.bugs.size() == whole.bugs.size());
                for (size_t b = 0; b < f.bugs.size(); ++b) {
                    CHECK(f.bugs[b].bug.identity == whole.bugs[b].identity);
                    // The counterexample is among the candidates of the shard of its subtree.
                    bool found = false;
                    for (const auto& c : parts[f.bugs[b].subtree % n].shard->candidates)
                        found |= c.subtree == f.bugs[b].subtree && c.identity == whole.bugs[b].identity && c.bug.schedule == whole.bugs[b].schedule;
                    CHECK(found);
                }
                REQUIRE(f.outcomes.size() == whole.outcomes.size());
                for (size_t i = 0; i < f.outcomes.size(); ++i) CHECK(f.outcomes[i].representative() == whole.outcomes[i]);
                // Without one shard the fold is not complete.
                records.assign(info.subtrees, nullptr);
                for (const auto& r : parts[0].shard->records) records[r.index] = &r;
                auto partial = checker::fold_subtrees(wanted, records, info.plan_bound_hit, info.rules);
                if (!f.stopped_at || *f.stopped_at > 0) CHECK_FALSE(partial.complete);
            }
        }
    }
}

TEST_CASE("split dpor and split naive agree with naive on random programs", "[split][naive][generated]") {
    checker::RandomSource rng(20261202);
    int compared = 0;
    for (int round = 0; round < 60; ++round) {
        auto scripts = random_program(rng);
        INFO("round " << round);
        ScriptedProgram ref(scripts, 4);
        checker::Options n;
        n.strategy = checker::Strategy::Naive;
        n.all = true;
        n.max_outcomes = 100000;
        n.max_executions = 20000;
        auto rn = checker::explore(ref, n);
        if (!rn.stats.complete) continue;
        ++compared;
        for (auto strategy : {checker::Strategy::Dpor, checker::Strategy::Naive}) {
            checker::Options o = n;
            o.strategy = strategy;
            o.max_executions.reset();
            uint32_t subtrees = 2 + static_cast<uint32_t>(rng.below(12));
            auto rs = split(scripts, o, 1 + static_cast<uint32_t>(rng.below(3)), subtrees);
            REQUIRE(rs.stats.complete);
            CHECK(kinds(rs) == kinds(rn));
            CHECK(line_sets(rs.outcomes) == line_sets(rn.outcomes));
            // Each shard's part: together the same kinds.
            uint32_t shards = 2 + static_cast<uint32_t>(rng.below(3));
            std::set<std::string> shard_kinds, shard_lines;
            for (uint32_t i = 0; i < shards; ++i) {
                auto part = split(scripts, o, 1, subtrees, i, shards);
                for (const auto& k : kinds(part)) shard_kinds.insert(k);
                for (const auto& l : line_sets(part.outcomes)) shard_lines.insert(l);
            }
            CHECK(shard_kinds == kinds(rn));
            CHECK(shard_lines == line_sets(rn.outcomes));
        }
    }
    CHECK(compared > 40);
}

TEST_CASE("a preemption bound above the split keeps the search bounded", "[split]") {
    checker::Options o;
    o.preemption_bound = 0;
    auto r = split(k_locked, o, 2, 12);
    CHECK(r.verdict == checker::Verdict::Bounded);
    CHECK(r.stats.bound == std::optional<std::string>("preemptions"));
}
