// explore_split: workers take the shard's subtrees in index order; after each one the
// coordinator folds what is done so far and cancels the subtrees the fold would never
// reach (past the first bug, unless --all), so no result depends on which worker finished
// first. See split_search.hpp.
#include "checker/split_search.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

#include "checker/split_fold.hpp"
#include "lang/assert.hpp"

namespace lockstep::checker {

namespace {

using Clock = std::chrono::steady_clock;
constexpr uint32_t k_none = UINT32_MAX;

struct Done {
    SubtreeRecord record;
    ScenarioResult result;
};

class Coordinator {
public:
    Coordinator(const std::vector<vm::Program*>& programs, const Options& options, const SplitPlan& plan,
                std::vector<uint32_t> mine, FoldRules rules)
        : m_programs(programs), m_options(options), m_plan(plan), m_mine(std::move(mine)), m_rules(std::move(rules)),
          m_done(plan.prefixes.size()), m_start(Clock::now()) {
        size_t workers = std::min(programs.size(), m_mine.size());
        for (size_t w = 0; w < workers; ++w) m_stop.push_back(std::make_unique<std::atomic<bool>>(false));
        m_running.assign(workers, k_none);
    }

    void run() {
        std::vector<std::thread> threads;
        m_active = m_stop.size();
        for (size_t w = 0; w < m_stop.size(); ++w) threads.emplace_back([this, w] { work(w); });
        monitor();
        for (auto& t : threads) t.join();
        if (m_error) std::rethrow_exception(m_error);
    }

    // Records of the subtrees up to the cutoff, by index.
    std::vector<const SubtreeRecord*> records() const {
        std::vector<const SubtreeRecord*> out(m_done.size(), nullptr);
        for (size_t k = 0; k < m_done.size(); ++k)
            if (m_done[k] && k <= m_cutoff) out[k] = &m_done[k]->record;
        return out;
    }
    const ScenarioResult& result_of(uint32_t k) const { return m_done[k]->result; }
    bool interrupted() const { return m_interrupted; }
    Clock::time_point start() const { return m_start; }

private:
    double remaining() const {
        return m_options.time_budget_seconds - std::chrono::duration<double>(Clock::now() - m_start).count();
    }

    void work(size_t w) {
        try {
            while (true) {
                uint32_t k;
                {
                    std::lock_guard lock(m_mu);
                    if (m_error || m_interrupted || m_next >= m_mine.size()) break;
                    k = m_mine[m_next];
                    if (k > m_cutoff || remaining() <= 0) break;
                    ++m_next;
                    m_running[w] = k;
                    m_stop[w]->store(false);
                }
                Options o = m_options;
                o.split_prefix = m_plan.prefixes[k];
                if (!o.split_prefix.empty()) o.split_sleep = m_plan.sleep[k];
                o.progress = nullptr;
                o.interrupted = m_stop[w].get();
                o.time_budget_seconds = std::max(remaining(), 0.0);
                ScenarioResult r = explore(*m_programs[w], o);
                finished(w, k, std::move(r));
            }
        } catch (...) {
            std::lock_guard lock(m_mu);
            if (!m_error) m_error = std::current_exception();
            for (auto& s : m_stop) s->store(true);
        }
        std::lock_guard lock(m_mu);
        --m_active;
        m_cv.notify_all();
    }

    void finished(size_t w, uint32_t k, ScenarioResult r) {
        std::lock_guard lock(m_mu);
        m_running[w] = k_none;
        if (k > m_cutoff) return;  // cancelled: the fold stops before it
        SubtreeRecord rec = subtree_record(k, r);
        std::vector<FoldedBug> own;
        for (const auto& b : rec.bugs) own.push_back(FoldedBug{b, k});
        if (fold_satisfied(own, m_rules) || bound_stops_search(rec.bound)) m_cutoff = std::min(m_cutoff, k);
        m_done[k] = Done{std::move(rec), std::move(r)};
        // The fold over the finished run of the shard's first subtrees.
        std::vector<uint32_t> ready;
        for (uint32_t i : m_mine) {
            if (!m_done[i]) break;
            ready.push_back(i);
        }
        Fold f = fold_subtrees(ready, records(), false, m_rules);
        if (f.stopped_at) m_cutoff = std::min(m_cutoff, *f.stopped_at);
        for (size_t v = 0; v < m_running.size(); ++v)
            if (m_running[v] != k_none && m_running[v] > m_cutoff) m_stop[v]->store(true);
        m_cv.notify_all();
    }

    // The calling thread forwards an interruption and reports progress until every
    // worker is done.
    void monitor() {
        auto last_progress = Clock::now();
        std::unique_lock lock(m_mu);
        while (m_active > 0) {
            m_cv.wait_for(lock, std::chrono::milliseconds(50));
            if (!m_interrupted && m_options.interrupted && m_options.interrupted->load(std::memory_order_relaxed)) {
                m_interrupted = true;
                for (auto& s : m_stop) s->store(true);
            }
            auto now = Clock::now();
            if (m_options.progress && now - last_progress >= std::chrono::milliseconds(100)) {
                last_progress = now;
                Stats s;
                s.strategy = std::string(strategy_name(m_options.strategy));
                std::vector<std::string> ids;
                for (const auto& d : m_done) {
                    if (!d) continue;
                    s.executions += d->record.executions;
                    s.steps += d->record.steps;
                    for (const auto& b : d->record.bugs)
                        if (std::find(ids.begin(), ids.end(), b.identity) == ids.end()) ids.push_back(b.identity);
                }
                s.seconds = std::chrono::duration<double>(now - m_start).count();
                m_options.progress->progress(s, ids.size());
            }
        }
    }

    const std::vector<vm::Program*>& m_programs;
    const Options& m_options;
    const SplitPlan& m_plan;
    const std::vector<uint32_t> m_mine;
    const FoldRules m_rules;
    std::mutex m_mu;
    std::condition_variable m_cv;
    std::vector<std::optional<Done>> m_done;  // by subtree index
    std::vector<std::unique_ptr<std::atomic<bool>>> m_stop;  // per worker
    std::vector<uint32_t> m_running;                         // per worker: its subtree
    size_t m_next = 0;                                       // into m_mine
    uint32_t m_cutoff = k_none;                              // no subtree after it is needed
    size_t m_active = 0;
    bool m_interrupted = false;
    std::exception_ptr m_error;
    const Clock::time_point m_start;
};

FoldRules rules_of(const Options& o) {
    FoldRules r;
    r.all = o.all;
    r.expected_kinds = o.expected_kinds;
    r.target = o.target;
    r.max_executions = o.max_executions;
    r.max_outcomes = o.max_outcomes;
    return r;
}

const Bug& bug_in(const ScenarioResult& r, const std::string& identity) {
    for (const Bug& b : r.bugs)
        if (b.identity == identity) return b;
    throw InternalError("a split subtree's bug " + identity + " is missing from its result");
}

// Every counterexample that was the shard's best for its bug at some subtree.
std::vector<ShardInfo::Candidate> candidates(const std::vector<SubtreeRecord>& records, const Coordinator& c) {
    std::vector<ShardInfo::Candidate> out;
    std::vector<SubtreeBug> best;
    for (const SubtreeRecord& rec : records)
        for (const SubtreeBug& b : rec.bugs) {
            auto it = std::find_if(best.begin(), best.end(), [&](const SubtreeBug& x) { return x.identity == b.identity; });
            if (it != best.end() && !(std::tie(b.preemptions, b.goroutines, b.steps) < std::tie(it->preemptions, it->goroutines, it->steps)))
                continue;
            if (it == best.end()) best.push_back(b);
            else *it = b;
            out.push_back(ShardInfo::Candidate{rec.index, b.identity, bug_in(c.result_of(rec.index), b.identity)});
        }
    return out;
}

}  // namespace

ScenarioResult explore_split(const std::vector<vm::Program*>& programs, const Options& options, const SplitSettings& settings) {
    LOCKSTEP_ASSERT(!programs.empty(), "a split search needs at least one program");
    LOCKSTEP_ASSERT(options.strategy == Strategy::Dpor || options.strategy == Strategy::Naive, "a split search needs an exhaustive strategy");
    LOCKSTEP_ASSERT(settings.shard_count > 0 && settings.shard_index < settings.shard_count, "a shard index outside its count");
    const SplitPlan plan = plan_split(*programs[0], options, settings.min_subtrees);
    const uint32_t subtrees = static_cast<uint32_t>(plan.prefixes.size());
    std::vector<uint32_t> mine;
    for (uint32_t k = 0; k < subtrees; ++k)
        if (k % settings.shard_count == settings.shard_index) mine.push_back(k);
    const FoldRules rules = rules_of(options);
    Coordinator coordinator(programs, options, plan, mine, rules);
    coordinator.run();

    const std::vector<const SubtreeRecord*> records = coordinator.records();
    Fold f = fold_subtrees(mine, records, plan.bound_hit, rules);
    ScenarioResult result;
    Stats& stats = result.stats;
    stats.strategy = std::string(strategy_name(options.strategy));
    stats.executions = f.executions;
    stats.steps = f.steps;
    stats.sleep_blocked = f.sleep_blocked;
    stats.seconds = std::chrono::duration<double>(Clock::now() - coordinator.start()).count();
    stats.bound = f.bound;
    stats.bound_message = f.bound_message;
    if (!f.missing.empty() && !f.stopped_at && !stats.bound) stats.bound = coordinator.interrupted() ? "interrupted" : "time-budget";
    if (!f.missing.empty() && f.stopped_at) {
        // Subtrees before the stop never started: the budget ran out or the run was interrupted.
        bool before = std::any_of(f.missing.begin(), f.missing.end(), [&](uint32_t k) { return k < *f.stopped_at; });
        if (before && !stats.bound) stats.bound = coordinator.interrupted() ? "interrupted" : "time-budget";
    }
    stats.complete = f.complete && !stats.bound;
    for (const FoldedBug& b : f.bugs) result.bugs.push_back(bug_in(coordinator.result_of(b.subtree), b.bug.identity));
    for (PrintOrder& o : f.outcomes) {
        result.outcomes.push_back(o.representative());
        result.outcome_orders.push_back(std::move(o));
    }
    if (settings.sharded) {
        auto info = std::make_shared<ShardInfo>();
        info->index = settings.shard_index;
        info->count = settings.shard_count;
        info->subtrees = subtrees;
        info->depth = plan.depth;
        info->plan_bound_hit = plan.bound_hit;
        info->rules = rules;
        for (uint32_t k : mine) {
            if (f.stopped_at && k > *f.stopped_at) break;
            if (records[k]) info->records.push_back(*records[k]);
        }
        info->candidates = candidates(info->records, coordinator);
        result.shard = std::move(info);
        // One shard never proves the program correct: only the merge of every shard can.
        if (stats.complete) {
            stats.complete = false;
            stats.bound = "shard";
            stats.bound_message = fmt::format("shard {}/{} explored its {} of the search's {} subtrees; `lockstep merge` the reports of all {} shards for the verdict",
                                              settings.shard_index, settings.shard_count, mine.size(), subtrees, settings.shard_count);
        }
    }
    bool error_bug = false;
    for (const auto& b : result.bugs) error_bug |= b.severity == Severity::Error;
    if (error_bug) result.verdict = Verdict::Bug;
    else if (stats.complete) result.verdict = Verdict::Verified;
    else result.verdict = Verdict::Bounded;
    return result;
}

}  // namespace lockstep::checker
