// The chapter's counter programs end to end: compiled from source, run on the Machine,
// output compared with what Go 1.19 prints.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;

static std::string read_scenario(const std::string& rel) {
    std::ifstream in(std::string(LOCKSTEP_SOURCE_DIR) + "/" + rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST_CASE("safe counter prints Final count: 3", "[vm][chapter3]") {
    RunResult r = run_go(read_scenario("scenarios/chapter3/safe_counter.go"));
    CHECK(r.panic == "");
    CHECK(r.output == "Final count: 3\n");
}

TEST_CASE("unsafe counter runs sequentially to 2", "[vm][chapter3]") {
    RunResult r = run_go(read_scenario("scenarios/chapter3/unsafe_counter.go"));
    CHECK(r.output == "Final count: 2\n");
}
