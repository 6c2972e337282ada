// The split search (--jobs N, --shard i/n; docs/scale-out.md): the tree is cut into the
// subtrees of checker/split_plan.hpp, each explored by its own search (dpor or naive from
// its prefix on), on N threads that take the next subtree as they become free, and the
// results are combined by the fixed rule of checker/split_fold.hpp. One vm::Program per
// thread; nothing else is shared while searching.
#pragma once

#include <cstdint>
#include <vector>

#include "checker/explorer.hpp"
#include "checker/split_plan.hpp"

namespace lockstep::checker {

struct SplitSettings {
    uint32_t shard_index = 0, shard_count = 1;
    bool sharded = false;  // --shard given: keep the records for `lockstep merge`
    uint32_t min_subtrees = k_split_subtrees;
};

// programs: one per worker thread (at least one), all of the same program. A sharded
// search explores the subtrees whose index % shard_count == shard_index and is never
// `verified` on its own (merge the shards for that); its result carries a ShardInfo.
ScenarioResult explore_split(const std::vector<vm::Program*>& programs, const Options& options, const SplitSettings& settings);

}  // namespace lockstep::checker
