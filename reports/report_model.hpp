// The one model every renderer draws from (text, JSON, SARIF, HTML): per bug, the lanes
// shown (the goroutines involved, each with its steps), the goroutines folded away with a
// one-line summary, and the rows of the counterexample that belong to the shown lanes.
// --full-trace shows every goroutine. Nothing here formats for one medium only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "checker/result.hpp"

namespace lockstep::reports {

struct Lane {
    checker::GoroutineRef ref;  // id, name, created_at, finished
    bool involved = false;      // one of the bug's goroutines or has a decisive step
    size_t steps = 0;           // how many steps of the trace it performed
};

// Goroutines not shown, grouped by function and by whether they finished.
struct FoldedGroup {
    std::string function;         // "main.func1" (the package's "main." dropped once)
    bool finished = false;
    std::vector<uint32_t> ids;    // their goroutine ids, ascending
    size_t steps = 0;
    uint32_t first_step = 0, last_step = 0;
};

struct BugView {
    const checker::Bug* bug = nullptr;
    std::vector<Lane> lanes;               // shown, by goroutine id
    std::vector<FoldedGroup> folded;       // in order of first step
    std::vector<size_t> rows;              // indices into bug->trace of the shown lanes' steps
    size_t hidden_steps = 0;               // steps of folded goroutines
};

// `full_trace`: every goroutine with a step gets a lane (nothing folded).
BugView make_bug_view(const checker::Bug& bug, bool full_trace);

// "… 997 goroutines ran main.func1 to completion, steps 3–3990" (with `ellipsis` and the
// range dash given by the caller's glyph set).
std::string folded_summary(const FoldedGroup& group, std::string_view ellipsis, std::string_view dash);

// The function name as reports show it: "main.main.func1" → "main.func1", "main" stays.
std::string display_function(std::string_view name);

}  // namespace lockstep::reports
