// What each subtree of a split search found, and the one fixed rule that combines them
// into a search result: subtrees in index order, counts summed, for each distinct bug the
// counterexample with the fewest preemptions, then goroutines, then steps (the lowest
// subtree on a tie), outcomes in order of discovery, and the search ends at the first
// subtree after which it would have stopped (the first bug, unless --all). The rule reads
// nothing that depends on timing or on which worker or shard ran a subtree, so `--jobs N`
// for every N and `lockstep merge` of any set of shards give the same report.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checker/print_order.hpp"
#include "checker/result.hpp"

namespace lockstep::checker {

// A bug as the fold compares it.
struct SubtreeBug {
    std::string identity;  // bug_identity
    uint32_t kind_index = 0;
    uint32_t preemptions = 0;
    uint32_t goroutines = 0;  // lanes of its trace
    uint32_t steps = 0;       // steps of its trace
};

struct SubtreeRecord {
    uint32_t index = 0;
    uint64_t executions = 0, steps = 0, sleep_blocked = 0;
    bool complete = false;
    std::optional<std::string> bound;
    std::string bound_message;
    std::vector<SubtreeBug> bugs;       // in the order the subtree's search kept them
    std::vector<PrintOrder> outcomes;   // in the order the subtree's search found them
};

SubtreeRecord subtree_record(uint32_t index, const ScenarioResult& subtree);

// The search's stopping rules (from checker::Options).
struct FoldRules {
    bool all = false;
    std::vector<BugKind> expected_kinds;
    std::string target;
    std::optional<uint64_t> max_executions;
    uint64_t max_outcomes = 64;
};

struct FoldedBug {
    SubtreeBug bug;
    uint32_t subtree = 0;  // where its counterexample comes from
};

struct Fold {
    uint64_t executions = 0, steps = 0, sleep_blocked = 0;
    bool complete = false;  // every wanted subtree present and complete, nothing cut
    std::optional<std::string> bound;
    std::string bound_message;
    std::vector<FoldedBug> bugs;
    std::vector<PrintOrder> outcomes;
    std::vector<uint32_t> missing;  // wanted subtrees with no record
    std::optional<uint32_t> stopped_at;  // the subtree after which the search stopped
};

// The search would stop after these bugs.
bool fold_satisfied(const std::vector<FoldedBug>& bugs, const FoldRules& rules);
// A bound that stops the whole search (time, interruption, the VM's own bounds), not one
// that only prunes (executions, preemptions, max-steps).
bool bound_stops_search(const std::optional<std::string>& bound);

// Folds the records of the `wanted` subtrees (ascending); records[k] is subtree k's, or
// null. `plan_bound_hit`: the split itself dropped a choice (preemption bound).
Fold fold_subtrees(const std::vector<uint32_t>& wanted, const std::vector<const SubtreeRecord*>& records,
                   bool plan_bound_hit, const FoldRules& rules);

// One shard's part of a split search, kept in its report for `lockstep merge`.
struct ShardInfo {
    uint32_t index = 0, count = 1;
    uint32_t subtrees = 0, depth = 0;
    bool plan_bound_hit = false;
    FoldRules rules;
    std::vector<SubtreeRecord> records;  // the subtrees it folded, ascending
    // Every counterexample that was, at some subtree, the shard's best for its bug
    // (whichever the merged fold picks is among them), as the report shows it.
    struct Candidate {
        uint32_t subtree = 0;
        std::string identity;
        Bug bug;
    };
    std::vector<Candidate> candidates;
    uint32_t static_bugs = 0;  // the report's last bugs come from static checks (vet)
};

}  // namespace lockstep::checker
