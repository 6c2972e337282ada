// The "shard" section of a --shard run's JSON report (docs/scale-out.md): the shard's
// subtree records and candidate counterexamples, which `lockstep merge` folds into the
// report of the whole search. Read back with shard_from_json.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/split_fold.hpp"

namespace lockstep::reports {

nlohmann::ordered_json shard_to_json(const checker::ShardInfo& info);

// A shard section as read back: the info (candidates without their Bug) and each
// candidate's bug as the report shows it.
struct ShardSection {
    checker::ShardInfo info;
    std::vector<nlohmann::ordered_json> candidate_bugs;  // parallel to info.candidates
};
// Throws std::runtime_error (with the field's name) when the section is malformed.
ShardSection shard_from_json(const nlohmann::ordered_json& j);

nlohmann::ordered_json print_order_to_json(const checker::PrintOrder& order);
checker::PrintOrder print_order_from_json(const nlohmann::ordered_json& j);

}  // namespace lockstep::reports
