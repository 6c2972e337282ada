// The split search's figure (--jobs, docs/scale-out.md): the locked counter explored
// unsplit, then split on 1 and 2 threads; wall and CPU seconds and the speed-up of
// --jobs 2 over --jobs 1 (the target: at least 1.6x on a quiet 2-core machine).
#pragma once

#include <filesystem>

namespace lockstep::bench {

void split_search_table(const std::filesystem::path& dir);

}  // namespace lockstep::bench
