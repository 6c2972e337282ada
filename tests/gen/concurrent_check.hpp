// One batch of generated concurrent programs through every check: dpor against naive on
// all of them, real Go on a sample. Shared by the CI batch and `make soak`.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/gen/lib/features.hpp"

namespace lockstep::gen_test {

struct ShapeCounts {
    int programs = 0;
    long dpor_executions = 0;
    long naive_executions = 0;
};

struct ConcurrentBatch {
    int programs = 0;
    int compared = 0;        // naive complete: kinds and outcomes compared
    int skipped = 0;         // too big for naive's execution cap
    int go_checked = 0;      // also run under real Go
    std::vector<std::string> failures;  // one paragraph each: seed, what, finding file
    std::map<std::string, ShapeCounts> shapes;  // compared programs per shape
    std::set<gen::Feature> covered;             // features of the compared programs
};

struct BatchOptions {
    uint64_t first_seed = 1;
    int count = 100;
    gen::FeatureSet features;
    int go_every = 0;        // every Nth program also under Go (0: none)
    int go_runs = 3;         // runs per GOMAXPROCS value and mode
    bool minimize = true;    // minimize failures and write them as findings
};

ConcurrentBatch run_concurrent_batch(const BatchOptions& options);

}  // namespace lockstep::gen_test
