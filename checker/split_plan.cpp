// plan_split: breadth-first over the fully expanded top of the tree (see split_plan.hpp).
#include "checker/split_plan.hpp"

#include "lang/assert.hpp"

namespace lockstep::checker {

namespace {

struct Prefix {
    std::vector<Choice> choices;
    uint32_t preemptions = 0;
    bool ends = false;  // the program ends after these choices
};

}  // namespace

SplitPlan plan_split(vm::Program& program, const Options& options, uint32_t min_subtrees) {
    ExecutionConfig config;
    config.max_steps = options.max_steps;
    config.expected_output = options.expected_output ? &*options.expected_output : nullptr;
    Execution exec(program, config);
    SplitPlan plan;
    std::vector<Prefix> level(1);
    while (level.size() < min_subtrees && plan.depth < k_split_max_depth) {
        std::vector<Prefix> next;
        bool grew = false;
        for (Prefix& p : level) {
            if (p.ends) {
                next.push_back(std::move(p));
                continue;
            }
            exec.start();
            for (const Choice& c : p.choices) {
                LOCKSTEP_ASSERT(exec.running() && exec.enabled(c.g), "a split prefix diverged: the program is not deterministic");
                exec.step(c);
            }
            if (!exec.running() || exec.enabled_list().empty()) {
                p.ends = true;
                next.push_back(std::move(p));
                continue;
            }
            // Preemptions as TreeSearch counts them: switching away from a goroutine that
            // could go on, except at the first step.
            const bool first = p.choices.empty();
            const vm::Gid prev = first ? 0 : p.choices.back().g;
            for (vm::Gid g : exec.enabled_list()) {
                bool preempts = !first && g != prev && exec.enabled(prev);
                if (options.preemption_bound && preempts && p.preemptions + 1 > *options.preemption_bound) {
                    plan.bound_hit = true;
                    continue;
                }
                uint32_t alts = exec.alternatives(g);
                for (uint32_t alt = 0; alt < alts; ++alt) {
                    Prefix q;
                    q.choices = p.choices;
                    q.choices.push_back(Choice{g, alt});
                    q.preemptions = p.preemptions + (preempts ? 1 : 0);
                    next.push_back(std::move(q));
                }
                grew = true;
            }
        }
        level = std::move(next);
        if (!grew) break;
        ++plan.depth;
    }
    for (Prefix& p : level) plan.prefixes.push_back(std::move(p.choices));
    return plan;
}

}  // namespace lockstep::checker
