// The state of the testing package during one execution: the tree of tests (the root
// that go test's main runs, the top-level TestXxx, its subtests), as testing.common keeps
// it. Private to vm/ (vm/natives_testing.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/value.hpp"

namespace lockstep::vm {

struct TestRec {
    std::string name;        // "" for the root, "TestX", "TestX/sub"
    int32_t parent = -1;     // index in the tree; -1 for the root
    uint32_t cell = 0;       // the *T's heap cell (its handle holds index + 1)
    bool failed = false;
    bool skipped = false;
    bool finished = false;   // the test function returned, or FailNow/SkipNow ran
    bool done = false;
    bool goexit_parent = false;  // the subtest ended by an ancestor's FailNow: Run Goexits too       // the test and its subtests are over: Log/Fail now panic
    uint32_t fail_site = 0;  // the call that first failed it (0: none)
    std::string output;      // decorated log lines and failed subtests' reports
    std::string report;      // the top-level test's "--- FAIL: ..." block once done
    std::vector<Value> cleanups;         // funcs, run last first
    std::vector<uint32_t> helpers;       // functions that called t.Helper()
    std::vector<std::string> sub_names;  // names of subtests started so far (for #01 suffixes)
    // Parallel subtests (vm/natives_testing_parallel.cpp): a subtest that called
    // t.Parallel() runs on a goroutine of its own once its parent's function returned.
    bool parallel = false;
    uint32_t barrier = 0;   // channel the parent closes when its function returned (0: none)
    bool released = false;  // barrier closed
    uint32_t finished_ch = 0;                // channel closed when this parallel subtest is done
    std::vector<uint32_t> parallel_subs;     // indices of the parallel subtests still awaited
};

}  // namespace lockstep::vm
