// The sequential generator's CI batch (issue 7): generated deterministic programs compared
// byte for byte between `go run` and `lockstep run`. `make soak` runs the [.soak] test.
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include "findings.hpp"
#include "sequential_check.hpp"
#include "tests/differential/go_runs.hpp"
#include "tests/gen/lib/sequential_program.hpp"

using namespace lockstep;
using namespace lockstep::gen_test;

TEST_CASE("generated sequential programs are deterministic in their seed", "[gen][sequential]") {
    CHECK(gen::generate_sequential(7, 5).render() == gen::generate_sequential(7, 5).render());
    CHECK(gen::generate_sequential(7, 5).render() != gen::generate_sequential(8, 5).render());
}

TEST_CASE("the CI batch of generated sequential programs: lockstep run prints what go run prints", "[gen][sequential]") {
    if (!differential::go_available()) {
        WARN("go is not on PATH: the sequential batch needs it");
        return;
    }
    auto b = run_sequential_batch(static_cast<uint64_t>(env_long("LOCKSTEP_GEN_SEQ_FIRST", 1)),
                                  static_cast<int>(env_long("LOCKSTEP_GEN_SEQ_PROGRAMS", 8)), 30,
                                  env_long("LOCKSTEP_GEN_MINIMIZE", 0) != 0, gen::ci_sequential_exclusions());
    for (const auto& f : b.failures) FAIL_CHECK(f);
    CHECK(b.functions == 30 * b.programs);
    std::cout << "gen: " << b.programs << " sequential programs, " << b.functions << " functions, "
              << b.failures.size() << " mismatches\n";
}

TEST_CASE("soak: generated sequential programs for LOCKSTEP_SOAK_SECONDS", "[.soak][gen][sequential]") {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(env_long("LOCKSTEP_SOAK_SECONDS", 300) / 2);
    uint64_t seed = static_cast<uint64_t>(env_long("LOCKSTEP_SOAK_SEED", 1000000));
    int total = 0;
    while (std::chrono::steady_clock::now() < until) {
        auto b = run_sequential_batch(seed, 4, 30, true, {});
        for (const auto& f : b.failures) FAIL_CHECK(f);
        CHECK(b.programs == 4);
        seed += 4;
        total += b.functions;
    }
    std::cout << "soak: " << total << " sequential functions up to seed " << seed << "\n";
}
