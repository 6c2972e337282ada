// Generated sequential programs under `go run` and `lockstep run`, compared byte for byte
// (stdout and exit status). Many functions share one Go build; a mismatch is narrowed to
// its function, minimized over that function's statements and written as a finding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/gen/lib/features.hpp"

namespace lockstep::gen_test {

struct SequentialBatch {
    int programs = 0;
    int functions = 0;
    std::vector<std::string> failures;
};

SequentialBatch run_sequential_batch(uint64_t first_seed, int programs, int functions_each, bool minimize,
                                     const gen::SeqExclusions& exclusions);

}  // namespace lockstep::gen_test
