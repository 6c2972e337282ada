// The deterministic split of a search into subtrees (docs/scale-out.md): the prefixes of
// the first `depth` steps, with every node above the split fully expanded — every enabled
// goroutine and every alternative, no sleep sets. That is a superset of what any
// exhaustive strategy explores above it, so a search that covers each prefix's subtree
// (dpor from the prefix on, ignoring the races it would reverse above the split) covers
// the whole tree. The split depends on the program alone, never on how many workers or
// shards share it: the subtrees and their order are the same for every --jobs and --shard.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/access.hpp"
#include "checker/execution.hpp"
#include "checker/explorer.hpp"

namespace lockstep::checker {

// Split at the first depth with at least this many prefixes (or where the tree ends).
inline constexpr uint32_t k_split_subtrees = 48;
// Never deeper than this: a long sequential start is one subtree.
inline constexpr uint32_t k_split_max_depth = 64;

struct SplitPlan {
    // The subtrees in their fixed order: each prefix's choices. A prefix shorter than
    // `depth` ends the program (its subtree is that one execution).
    std::vector<std::vector<Choice>> prefixes;
    // Per prefix: the sleep set below it (goroutines explored in an earlier subtree, with
    // what their step touched), for dpor to start from.
    std::vector<std::vector<std::pair<vm::Gid, std::vector<Access>>>> sleep;
    uint32_t depth = 0;
    // The preemption bound left out a choice above the split (the search is bounded).
    bool bound_hit = false;
};

// Runs the program's first steps under every choice (options: max_steps, expected output,
// preemption bound).
SplitPlan plan_split(vm::Program& program, const Options& options, uint32_t min_subtrees = k_split_subtrees);

}  // namespace lockstep::checker
