// The explorer loop: run executions one after another under a strategy, apply each step
// through the execution, keep the best schedule of each distinct bug, and stop at a bound
// or when the space is explored. Then explain each bug by replaying its schedule.
#include "checker/explorer.hpp"

#include <chrono>
#include <memory>
#include <tuple>

#include "checker/dpor_strategy.hpp"
#include "checker/execution.hpp"
#include "checker/first_strategy.hpp"
#include "checker/minimize.hpp"
#include "checker/naive_strategy.hpp"
#include "checker/pct_strategy.hpp"
#include "checker/print_order.hpp"
#include "checker/random_strategy.hpp"
#include "checker/schedule_token.hpp"
#include "checker/trace_builder.hpp"
#include "lang/assert.hpp"

namespace lockstep::checker {

namespace {

using Clock = std::chrono::steady_clock;

std::unique_ptr<SearchStrategy> make_strategy(const Options& o) {
    if (!o.split_prefix.empty()) {
        std::unique_ptr<TreeSearch> s;
        if (o.strategy == Strategy::Naive) {
            s = std::make_unique<NaiveStrategy>(o.preemption_bound);
        } else {
            // The split search does not combine with the symmetry reduction yet: which
            // goroutines compare equal depends on what earlier executions left in stack
            // slots (docs/scale-out.md), so on which machine ran which subtree before, and
            // the result would depend on --jobs.
            auto d = std::make_unique<DporStrategy>(o.preemption_bound, false);
            d->set_split_sleep(o.split_sleep);
            s = std::move(d);
        }
        LOCKSTEP_ASSERT(o.strategy == Strategy::Dpor || o.strategy == Strategy::Naive, "a split search needs an exhaustive strategy");
        s->set_prefix(o.split_prefix);
        return s;
    }
    switch (o.strategy) {
    case Strategy::Dpor: {
        auto d = std::make_unique<DporStrategy>(o.preemption_bound, o.symmetry);
        d->set_symmetry_audit(o.symmetry_audit);
        return d;
    }
    case Strategy::Naive: return std::make_unique<NaiveStrategy>(o.preemption_bound);
    case Strategy::Random: return std::make_unique<RandomStrategy>(o.seed);
    case Strategy::Pct: return std::make_unique<PctStrategy>(o.seed, o.pct_depth);
    case Strategy::First: return std::make_unique<FirstStrategy>();
    }
    return std::make_unique<DporStrategy>(o.preemption_bound);
}

ExecutionConfig config_of(const Options& o) {
    ExecutionConfig c;
    c.max_steps = o.max_steps;
    c.spin_await = o.spin_await;
    c.expected_output = o.expected_output ? &*o.expected_output : nullptr;
    return c;
}

// The best counterexample seen for one distinct bug.
struct Kept {
    FoundBug bug;
    std::string token;
    uint32_t preemptions = 0;
    uint32_t goroutines = 0;
    size_t steps = 0;
};

}  // namespace

std::string_view strategy_name(Strategy s) {
    switch (s) {
    case Strategy::Dpor: return "dpor";
    case Strategy::Naive: return "naive";
    case Strategy::Random: return "random";
    case Strategy::Pct: return "pct";
    case Strategy::First: return "first";
    }
    return "dpor";
}

std::optional<Strategy> strategy_from_name(std::string_view name) {
    for (Strategy s : {Strategy::Dpor, Strategy::Naive, Strategy::Random, Strategy::Pct, Strategy::First})
        if (strategy_name(s) == name) return s;
    return std::nullopt;
}

ScenarioResult explore(vm::Program& program, const Options& options) {
    ScenarioResult result;
    Stats& stats = result.stats;
    stats.strategy = std::string(strategy_name(options.strategy));
    auto strategy = make_strategy(options);
    Execution exec(program, config_of(options));
    std::vector<Kept> kept;
    const auto start = Clock::now();
    auto last_progress = start;
    bool exhausted = false;
    bool drew = false;  // some execution drew a math/rand value (vm::Program::seeded_draws)
    std::optional<std::string> bound;

    auto satisfied = [&]() {
        if (!options.target.empty()) {
            for (const auto& k : kept)
                if (bug_identity(k.bug) == options.target) return true;
            return false;
        }
        if (options.all) return false;
        bool error_found = false;
        for (const auto& k : kept) error_found |= bug_kind_severity(k.bug.kind) == Severity::Error;
        if (!error_found) return false;
        for (BugKind want : options.expected_kinds) {
            bool have = false;
            for (const auto& k : kept) have |= k.bug.kind == want;
            if (!have) return false;
        }
        return true;
    };

    // The bounds that stop the search mid-way: looked at before every execution and every
    // k_steps_between_checks steps inside one (an execution of a thousand goroutines can
    // take longer than a whole budget), so a budget is overrun by one check interval at most.
    constexpr uint32_t k_steps_between_checks = 2048;
    auto stop_now = [&]() {
        if (options.interrupted && options.interrupted->load(std::memory_order_relaxed)) {
            bound = "interrupted";
            return true;
        }
        auto now = Clock::now();
        double seconds = std::chrono::duration<double>(now - start).count();
        if (seconds >= options.time_budget_seconds) {
            bound = "time-budget";
            return true;
        }
        if (options.progress && now - last_progress >= std::chrono::milliseconds(100)) {
            last_progress = now;
            stats.seconds = seconds;
            options.progress->progress(stats, kept.size());
        }
        return false;
    };

    // Keep the bugs exec found, each with the best counterexample so far: fewest
    // preemptions first, then fewest goroutines, then fewest steps.
    auto keep_bugs = [&]() {
        for (const FoundBug& b : exec.bugs()) {
            Kept* k = nullptr;
            for (auto& x : kept)
                if (x.bug.same_bug(b)) k = &x;
            uint32_t pre = exec.preemptions();
            size_t n = exec.steps().size();
            uint32_t gs = goroutines_stepping(exec.steps());
            if (k && std::tie(k->preemptions, k->goroutines, k->steps) <= std::tie(pre, gs, n)) continue;
            if (!k) {
                kept.push_back(Kept{});
                k = &kept.back();
            }
            k->bug = b;
            k->token = encode_schedule(exec.steps());
            k->preemptions = pre;
            k->goroutines = gs;
            k->steps = n;
        }
    };
    auto kept_kind = [&](BugKind kind) {
        for (const auto& k : kept)
            if (k.bug.kind == kind) return true;
        return false;
    };
    const bool want_ordered = options.expected_output && !options.expected_output->unordered;
    std::string expected_text;
    if (want_ordered) {
        for (const auto& l : options.expected_output->lines) expected_text += l + "\n";
        expected_text = normalize_output(expected_text, false);
    }

    while (true) {
        if (options.max_executions && stats.executions >= *options.max_executions) {
            bound = "executions";
            break;
        }
        if (options.max_total_steps && stats.steps >= *options.max_total_steps) {
            bound = "steps";
            break;
        }
        if (stop_now()) break;
        if (!strategy->next_execution()) {
            exhausted = true;
            break;
        }
        // next_execution() may have analysed the previous execution at length.
        if (stop_now()) break;
        exec.start();
        bool stopped = false;
        uint32_t countdown = k_steps_between_checks;
        while (exec.running()) {
            if (exec.enabled_list().empty()) {
                exec.finish_stuck();
                break;
            }
            Choice c;
            if (!strategy->choose(exec, c)) {
                exec.cut(EndKind::SleepBlocked);
                break;
            }
            exec.step(c);
            strategy->on_step(exec);
            if (--countdown == 0) {
                countdown = k_steps_between_checks;
                if (stop_now()) {
                    exec.cut(EndKind::Stopped);
                    stopped = true;
                    break;
                }
            }
        }
        if (!stopped) {
            strategy->on_end(exec);
            exec.drain_after_exit();
        }
        stats.steps += exec.steps().size();
        if (stopped) {
            // Not a complete execution; the bugs its prefix showed are real (their token
            // replays the prefix), so they are kept below.
        } else if (exec.end() == EndKind::SleepBlocked) {
            ++stats.sleep_blocked;
        } else {
            ++stats.executions;
            if (exec.end() == EndKind::StepLimit && !bound) bound = "max-steps";
            drew |= program.seeded_draws() > 0;
            if (exec.end() == EndKind::Bound && !bound) {
                bound = exec.bound_hit();
                stats.bound_message = exec.bound_message();
            }
            if (exec.end() != EndKind::Bound && result.outcomes.size() < options.max_outcomes) {
                PrintOrder order = print_order(exec, crash_text(exec));
                bool seen = false;
                for (const auto& o : result.outcome_orders) seen |= o == order;
                if (!seen) {
                    result.outcomes.push_back(order.representative());
                    result.outcome_orders.push_back(std::move(order));
                }
            }
        }
        keep_bugs();
        // An ordered `// Output:` block against the orders of the prints this execution
        // stands for: replay one that prints otherwise, if any, as the counterexample.
        if (!stopped && want_ordered && exec.end() == EndKind::Exit && !kept_kind(BugKind::OutputMismatch)) {
            for (const auto& schedule : print_reorders(exec, print_order(exec, ""), expected_text, 4)) {
                if (!run_choices(exec, schedule)) continue;
                bool mismatch = false;
                for (const FoundBug& b : exec.bugs()) mismatch |= b.kind == BugKind::OutputMismatch;
                if (!mismatch) continue;
                keep_bugs();
                break;
            }
        }
        // Every execution would hit a lockstep bound again: stop at the first. The ticks
        // bound cuts only the schedules where a Ticker keeps ticking: the others go on.
        bool per_schedule = exec.end() == EndKind::Bound && exec.bound_hit() && std::string_view(exec.bound_hit()) == "ticks";
        if (stopped || satisfied() || (exec.end() == EndKind::Bound && !per_schedule)) break;
    }
    stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (exhausted && strategy->bound_hit()) bound = "preemptions";
    // Every interleaving was explored, but math/rand values were drawn, not chosen: their
    // other values were not tried.
    if (exhausted && strategy->exhaustive() && !bound && drew) bound = "rand";
    stats.complete = exhausted && strategy->exhaustive() && !bound;
    stats.bound = bound;

    // Explain: replay each bug's schedule with tracing, check it reproduces.
    for (const Kept& k : kept) {
        ReplayRun run = run_schedule(exec, k.token, true);
        LOCKSTEP_ASSERT(run.valid, "the recorded schedule of a " + std::string(bug_kind_id(k.bug.kind)) + " does not replay: " + run.error + " (token " + k.token + ")");
        const FoundBug* again = nullptr;
        for (const auto& b : exec.bugs())
            if (b.same_bug(k.bug)) again = &b;
        LOCKSTEP_ASSERT(again, std::string("replaying the schedule did not reproduce the ") + std::string(bug_kind_id(k.bug.kind)));
        result.bugs.push_back(describe_bug(exec, *again, run.trace, run.token));
        result.bugs.back().identity = bug_identity(k.bug);
        result.bugs.back().preemptions = k.preemptions;
    }

    bool error_bug = false;
    for (const auto& b : result.bugs) error_bug |= b.severity == Severity::Error;
    if (error_bug) result.verdict = Verdict::Bug;
    else if (stats.complete) result.verdict = Verdict::Verified;
    else result.verdict = Verdict::Bounded;
    return result;
}

ReplayResult replay(vm::Program& program, const Options& options, std::string_view token) {
    ReplayResult result;
    Execution exec(program, config_of(options));
    ReplayRun run = run_schedule(exec, token, true);
    result.token_valid = run.valid;
    result.error = run.error;
    result.trace = run.trace;
    result.output = std::string(exec.output());
    if (!run.valid) return result;
    for (const FoundBug& b : exec.bugs()) result.bugs.push_back(describe_bug(exec, b, run.trace, run.token));
    return result;
}

}  // namespace lockstep::checker
