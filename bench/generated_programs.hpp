// The generator figure of `make bench`: dpor's executions against naive's on the
// concurrent generator's programs (tests/gen), per program shape.
#pragma once

#include <filesystem>

namespace lockstep::bench {

// Writes the programs under `dir` and prints the table.
void generated_programs_table(const std::filesystem::path& dir);

}  // namespace lockstep::bench
