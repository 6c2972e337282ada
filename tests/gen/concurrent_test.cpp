// The concurrent generator's CI batch (issue 6): a fixed-seed batch of generated programs,
// dpor against naive on every one, real Go on a sample. `make soak` runs the [.soak] test.
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include "concurrent_check.hpp"
#include "findings.hpp"
#include "tests/gen/lib/concurrent_gen.hpp"

using namespace lockstep;
using namespace lockstep::gen_test;

namespace {

void report(const ConcurrentBatch& b) {
    for (const auto& f : b.failures) FAIL_CHECK(f);
    std::cout << "gen: " << b.programs << " programs, " << b.compared << " compared, " << b.skipped
              << " too big for naive, " << b.go_checked << " also under Go, " << b.failures.size() << " failures\n";
}

}  // namespace

TEST_CASE("generated programs are deterministic in their seed", "[gen][concurrent]") {
    auto a = gen::generate_concurrent(42, gen::all_features()).render();
    auto b = gen::generate_concurrent(42, gen::all_features()).render();
    CHECK(a == b);
    CHECK(a != gen::generate_concurrent(43, gen::all_features()).render());
}

TEST_CASE("the CI batch of generated concurrent programs: dpor agrees with naive, Go agrees with lockstep",
          "[gen][concurrent]") {
    BatchOptions o;
    o.first_seed = static_cast<uint64_t>(env_long("LOCKSTEP_GEN_FIRST", 1));
    o.count = static_cast<int>(env_long("LOCKSTEP_GEN_COUNT", 1500));
    o.features = gen::ci_features();
    o.go_every = static_cast<int>(env_long("LOCKSTEP_GEN_GO_EVERY", 50));
    o.go_runs = 3;
    o.minimize = env_long("LOCKSTEP_GEN_MINIMIZE", 0) != 0;  // CI: report, do not minimize
    ConcurrentBatch b = run_concurrent_batch(o);
    report(b);
    // Programs too big for the reference are skipped (about a quarter); the full batch
    // compares at least 1,000.
    if (o.count >= 1500) CHECK(b.compared >= 1000);
    CHECK(b.compared >= b.programs / 2);
    // Every feature the batch may generate appears in a compared program.
    for (int f = 0; f < static_cast<int>(gen::Feature::Count); ++f) {
        auto feature = static_cast<gen::Feature>(f);
        if (!o.features.allows(feature)) continue;
        INFO("feature " << gen::feature_name(feature));
        CHECK(b.covered.count(feature) == 1);
    }
}

TEST_CASE("soak: generated concurrent programs for LOCKSTEP_SOAK_SECONDS", "[.soak][gen][concurrent]") {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(env_long("LOCKSTEP_SOAK_SECONDS", 300) / 2);
    uint64_t seed = static_cast<uint64_t>(env_long("LOCKSTEP_SOAK_SEED", 1000000));
    int total = 0;
    while (std::chrono::steady_clock::now() < until) {
        BatchOptions o;
        o.first_seed = seed;
        o.count = 40;  // small batches: the clock is read between them
        o.features = gen::all_features();
        o.go_every = 10;
        o.go_runs = 5;
        o.minimize = true;
        ConcurrentBatch b = run_concurrent_batch(o);
        report(b);
        CHECK(b.programs == 40);
        seed += 40;
        total += b.programs;
    }
    std::cout << "soak: " << total << " concurrent programs up to seed " << seed << "\n";
}
