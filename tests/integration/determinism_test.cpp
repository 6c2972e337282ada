// Determinism through the binary: the same file, flags and seed give the same report, byte
// for byte apart from wall-clock seconds, in text and JSON, with one worker or two; random
// and PCT walks are reproducible from their seed.
#include <catch2/catch.hpp>

#include "pipeline.hpp"

using namespace lockstep::integration;

namespace {

const char* const k_files[] = {
    "scenarios/chapter3/unsafe_counter.go",  // bugs: data-race, lost-update
    "tests/scenarios/abba_deadlock.go",      // bugs: deadlock, lock-order-inversion
    "scenarios/chapter3/safe_counter.go",    // verified
};

std::string check_args(const std::string& file, const std::string& flags) {
    return "check --no-progress --color never " + flags + " " + shell_quote(source_path(file));
}

}  // namespace

TEST_CASE("the same inputs give byte-identical reports, text and JSON, and the split search the same for --jobs 1 and 2", "[integration][determinism]") {
    for (const char* file : k_files) {
        for (const char* format : {"text", "json"}) {
            DYNAMIC_SECTION(file << " " << format) {
                std::string flags = std::string("--format ") + format;
                Ran first = run_lockstep(check_args(file, flags));
                INFO(first.err);
                REQUIRE(first.code != 2);
                REQUIRE(first.code != 3);
                REQUIRE(!first.out.empty());
                Ran again = run_lockstep(check_args(file, flags));
                CHECK(again.code == first.code);
                CHECK(without_timings(again.out) == without_timings(first.out));
                // The split search (--jobs, docs/scale-out.md) is its own search: the same
                // report for every number of threads.
                Ran split1 = run_lockstep(check_args(file, flags + " --jobs 1"));
                Ran split2 = run_lockstep(check_args(file, flags + " --jobs 2"));
                CHECK(split1.code == first.code);
                CHECK(split2.code == split1.code);
                CHECK(without_timings(split2.out) == without_timings(split1.out));
                // --all may find more than the first run: it must still agree with itself.
                Ran all1 = run_lockstep(check_args(file, flags + " --all --jobs 1"));
                Ran all2 = run_lockstep(check_args(file, flags + " --all --jobs 2"));
                CHECK(all1.code == all2.code);
                CHECK(without_timings(all1.out) == without_timings(all2.out));
            }
        }
    }
}

TEST_CASE("random and pct walks are reproducible from their seed", "[integration][determinism][random]") {
    for (const char* strategy : {"random", "pct"}) {
        for (const char* file : {"scenarios/chapter3/unsafe_counter.go", "tests/scenarios/abba_deadlock.go"}) {
            DYNAMIC_SECTION(strategy << " " << file) {
                for (const char* seed : {"1", "17", "123456789"}) {
                    INFO("seed " << seed);
                    std::string flags = std::string("--format json --all --executions 200 --strategy ") + strategy + " --seed " + seed;
                    Ran a = run_lockstep(check_args(file, flags));
                    Ran b = run_lockstep(check_args(file, flags));
                    INFO(a.err);
                    REQUIRE(a.code != 2);
                    REQUIRE(a.code != 3);
                    CHECK(a.code == b.code);
                    CHECK(without_timings(a.out) == without_timings(b.out));
                }
            }
        }
    }
}

TEST_CASE("report normalization blanks only the wall-clock figures", "[integration][determinism]") {
    CHECK(without_timings("\"seconds\": 0.0123,\n\"steps\": 41") == "\"seconds\": T,\n\"steps\": 41");
    CHECK(without_timings("verified (dpor, 6 executions, 0.01s)") == "verified (dpor, 6 executions, Ts)");
    CHECK(without_timings("Final count: 3\n") == "Final count: 3\n");
}
