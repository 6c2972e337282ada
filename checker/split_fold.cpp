// The fold of subtree records (see split_fold.hpp).
#include "checker/split_fold.hpp"

#include <tuple>

namespace lockstep::checker {

SubtreeRecord subtree_record(uint32_t index, const ScenarioResult& r) {
    SubtreeRecord rec;
    rec.index = index;
    rec.executions = r.stats.executions;
    rec.steps = r.stats.steps;
    rec.sleep_blocked = r.stats.sleep_blocked;
    rec.complete = r.stats.complete;
    rec.bound = r.stats.bound;
    rec.bound_message = r.stats.bound_message;
    for (const Bug& b : r.bugs) {
        SubtreeBug sb;
        sb.identity = b.identity;
        sb.kind_index = b.kind_index;
        sb.preemptions = b.preemptions;
        sb.goroutines = static_cast<uint32_t>(b.lanes.size());
        sb.steps = static_cast<uint32_t>(b.trace.size());
        rec.bugs.push_back(std::move(sb));
    }
    rec.outcomes = r.outcome_orders;
    return rec;
}

bool fold_satisfied(const std::vector<FoldedBug>& bugs, const FoldRules& rules) {
    if (!rules.target.empty()) {
        for (const auto& b : bugs)
            if (b.bug.identity == rules.target) return true;
        return false;
    }
    if (rules.all) return false;
    bool error_found = false;
    for (const auto& b : bugs) error_found |= bug_kind_severity(static_cast<BugKind>(b.bug.kind_index)) == Severity::Error;
    if (!error_found) return false;
    for (BugKind want : rules.expected_kinds) {
        bool have = false;
        for (const auto& b : bugs) have |= static_cast<BugKind>(b.bug.kind_index) == want;
        if (!have) return false;
    }
    return true;
}

bool bound_stops_search(const std::optional<std::string>& bound) {
    return bound && *bound != "executions" && *bound != "preemptions" && *bound != "max-steps" && *bound != "rand";
}

Fold fold_subtrees(const std::vector<uint32_t>& wanted, const std::vector<const SubtreeRecord*>& records,
                   bool plan_bound_hit, const FoldRules& rules) {
    Fold f;
    bool all_complete = true;
    for (size_t w = 0; w < wanted.size(); ++w) {
        const uint32_t k = wanted[w];
        const SubtreeRecord* r = k < records.size() ? records[k] : nullptr;
        if (!r) {
            f.missing.push_back(k);
            all_complete = false;
            continue;
        }
        f.executions += r->executions;
        f.steps += r->steps;
        f.sleep_blocked += r->sleep_blocked;
        all_complete &= r->complete;
        if (r->bound && !f.bound) {
            f.bound = r->bound;
            f.bound_message = r->bound_message;
        }
        for (const SubtreeBug& b : r->bugs) {
            FoldedBug* kept = nullptr;
            for (auto& x : f.bugs)
                if (x.bug.identity == b.identity) kept = &x;
            if (!kept) {
                f.bugs.push_back(FoldedBug{b, k});
                continue;
            }
            if (std::tie(b.preemptions, b.goroutines, b.steps) < std::tie(kept->bug.preemptions, kept->bug.goroutines, kept->bug.steps))
                *kept = FoldedBug{b, k};
        }
        for (const PrintOrder& o : r->outcomes) {
            if (f.outcomes.size() >= rules.max_outcomes) break;
            bool seen = false;
            for (const auto& x : f.outcomes) seen |= x == o;
            if (!seen) f.outcomes.push_back(o);
        }
        const bool last = w + 1 == wanted.size();
        bool stop = fold_satisfied(f.bugs, rules) || bound_stops_search(r->bound);
        if (!stop && rules.max_executions && f.executions >= *rules.max_executions) {
            stop = true;
            if (!last && !f.bound) f.bound = "executions";
        }
        if (stop) {
            f.stopped_at = k;
            if (!last) all_complete = false;
            break;
        }
    }
    if (plan_bound_hit && !f.bound) f.bound = "preemptions";
    f.complete = all_complete && !f.bound;
    return f;
}

}  // namespace lockstep::checker
