// plan_split: breadth-first over the top of the tree (see split_plan.hpp). Every enabled
// goroutine and alternative is a child, except one asleep: a sleep set as dpor keeps it
// (a goroutine explored at an ancestor's earlier child stays asleep while the steps taken
// since are independent of its step), so prefixes that only reorder independent steps are
// one subtree, not many. Each subtree is still searched from an empty sleep set: a
// superset of what it needs.
#include "checker/split_plan.hpp"

#include "checker/access.hpp"
#include "lang/assert.hpp"

namespace lockstep::checker {

namespace {

struct Sleeper {
    vm::Gid g;
    std::vector<Access> step;  // what its explored step touched (every alternative)
};

struct Prefix {
    std::vector<Choice> choices;
    uint32_t preemptions = 0;
    bool ends = false;  // the program ends after these choices
    std::vector<Sleeper> sleep;
};

bool independent(const std::vector<Access>& a, const std::vector<Access>& b) {
    for (const Access& x : a)
        for (const Access& y : b)
            if (accesses_conflict(x, y)) return false;
    return true;
}

void run_prefix(Execution& exec, const std::vector<Choice>& choices) {
    exec.start();
    for (const Choice& c : choices) {
        LOCKSTEP_ASSERT(exec.running() && exec.enabled(c.g), "a split prefix diverged: the program is not deterministic");
        exec.step(c);
    }
}

}  // namespace

SplitPlan plan_split(vm::Program& program, const Options& options, uint32_t min_subtrees) {
    ExecutionConfig config;
    config.max_steps = options.max_steps;
    config.expected_output = options.expected_output ? &*options.expected_output : nullptr;
    Execution exec(program, config);
    SplitPlan plan;
    // Sleep sets and a preemption bound do not mix soundly: bounded, expand everything.
    const bool use_sleep = !options.preemption_bound;
    std::vector<Prefix> level(1);
    while (level.size() < min_subtrees && plan.depth < k_split_max_depth) {
        std::vector<Prefix> next;
        bool grew = false;
        for (Prefix& p : level) {
            if (p.ends) {
                next.push_back(std::move(p));
                continue;
            }
            run_prefix(exec, p.choices);
            if (!exec.running() || exec.enabled_list().empty()) {
                p.ends = true;
                next.push_back(std::move(p));
                continue;
            }
            // Preemptions as TreeSearch counts them: switching away from a goroutine that
            // could go on, except at the first step.
            const bool first = p.choices.empty();
            const vm::Gid prev = first ? 0 : p.choices.back().g;
            const std::vector<vm::Gid> enabled = exec.enabled_list();
            const bool prev_enabled = !first && exec.enabled(prev);
            std::vector<Sleeper> asleep = p.sleep;  // grows with this node's explored children
            for (vm::Gid g : enabled) {
                bool sleeping = false;
                for (const auto& s : p.sleep) sleeping |= s.g == g;
                if (sleeping) continue;
                bool preempts = !first && g != prev && prev_enabled;
                if (options.preemption_bound && preempts && p.preemptions + 1 > *options.preemption_bound) {
                    plan.bound_hit = true;
                    continue;
                }
                run_prefix(exec, p.choices);
                const uint32_t alts = exec.alternatives(g);
                Sleeper explored{g, {}};
                for (uint32_t alt = 0; alt < alts; ++alt) {
                    Prefix q;
                    q.choices = p.choices;
                    q.choices.push_back(Choice{g, alt});
                    q.preemptions = p.preemptions + (preempts ? 1 : 0);
                    if (alt > 0) run_prefix(exec, p.choices);
                    exec.step(Choice{g, alt});
                    const StepRecord& rec = exec.steps().back();
                    std::vector<Access> step(exec.accesses().begin() + rec.access_begin, exec.accesses().begin() + rec.access_end);
                    if (use_sleep)
                        for (const auto& s : asleep)
                            if (s.g != g && exec.alive(s.g) && independent(step, s.step)) q.sleep.push_back(s);
                    explored.step.insert(explored.step.end(), step.begin(), step.end());
                    next.push_back(std::move(q));
                }
                asleep.push_back(std::move(explored));
                grew = true;
            }
        }
        level = std::move(next);
        if (!grew) break;
        ++plan.depth;
    }
    for (Prefix& p : level) {
        plan.prefixes.push_back(std::move(p.choices));
        auto& sleep = plan.sleep.emplace_back();
        for (auto& s : p.sleep) sleep.emplace_back(s.g, std::move(s.step));
    }
    return plan;
}

}  // namespace lockstep::checker
