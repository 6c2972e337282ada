// `lockstep merge A.json B.json ...`: the JSON reports of the shards of one split search
// (--shard i/n) folded into the report of the whole search, exactly as one process with
// --jobs would have written it (docs/scale-out.md). `verified` only when every shard is
// there and each explored all of its subtrees; a missing shard is named in the bound.
#pragma once

#include <string>
#include <vector>

#include "cli/driver/driver.hpp"

namespace lockstep::cli {

// Writes the merged JSON report to `output` (empty: the console), a one-line verdict per
// scenario on err; the exit code as `check` would give it (2 for unreadable or
// mismatched reports).
ExitCode merge_command(const std::vector<std::string>& files, const std::string& output, bool quiet, Console& console);

}  // namespace lockstep::cli
