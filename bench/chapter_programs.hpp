// The chapter's correct programs at the chapter's goroutine counts (issue 9's acceptance:
// the 1000-goroutine SafeCounter verified in under 10 s, every 10-goroutine program in
// under 1 s): each scenarios/chapter3 file as `lockstep check` runs it, with symmetry on;
// executions, verdict, wall and CPU seconds.
#pragma once

#include <string>

namespace lockstep::bench {

void chapter_programs_table(const std::string& source_dir);

}  // namespace lockstep::bench
