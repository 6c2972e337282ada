// The split search on a sample of generated programs: `--jobs 2` and `--jobs 1` against
// the naive reference (the same bug kinds and outcome sets, as dpor must), and against
// each other (the same executions: the report does not depend on N).
#include <catch2/catch.hpp>

#include "tests/gen/compare.hpp"
#include "tests/gen/lib/concurrent_gen.hpp"
#include "tests/gen/lockstep_batch.hpp"
#include "tests/support/process.hpp"

using namespace lockstep;
using namespace lockstep::gen_test;

TEST_CASE("a sample of generated programs: the split search agrees with naive and with itself", "[gen][concurrent][split]") {
    std::vector<std::string> paths;
    for (uint64_t seed = 7001; seed < 7026; ++seed)
        paths.push_back(test_support::write_temp("gen/split" + std::to_string(seed) + ".go",
                                                 gen::generate_concurrent(seed, gen::ci_features()).render()));
    auto naive = check_batch(paths, naive_flags(), 900);
    auto one = check_batch(paths, dpor_flags() + " --jobs 1", 900);
    auto two = check_batch(paths, dpor_flags() + " --jobs 2", 900);
    auto split_naive = check_batch(paths, "--strategy naive --time-budget 20s --jobs 2", 900);
    int compared = 0;
    for (const auto& path : paths) {
        INFO(path);
        bool skipped = false;
        std::string failure = compare_dpor_naive(two[path], naive[path], &skipped);
        if (skipped) continue;
        ++compared;
        CHECK(failure == "");
        CHECK(compare_dpor_naive(split_naive[path], naive[path], &skipped) == "");
        CHECK(one[path].executions == two[path].executions);
        CHECK(one[path].result.verdict == two[path].result.verdict);
    }
    CHECK(compared >= 12);
}
