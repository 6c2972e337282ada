// The counterexample drawn as swimlanes: one column per goroutine, one row per visible
// operation in step order, decisive steps marked, long traces elided in the middle.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/result.hpp"
#include "reports/style.hpp"

namespace lockstep::reports {

struct SwimlaneOptions {
    size_t width = 100;     // target terminal width (lanes shrink to fit; never below a minimum)
    size_t max_rows = 40;   // longer traces are elided in the middle; 0 = show every step
    std::string indent = "  ";
};

std::string render_swimlanes(const std::vector<checker::TraceStep>& trace,
                             const std::vector<checker::GoroutineRef>& goroutines, const Style& style,
                             const SwimlaneOptions& options);

// Which rows of a long trace to show: all when it has at most max_rows (or max_rows is 0);
// else the first and last few and every decisive step with its neighbours.
std::vector<bool> rows_to_show(const std::vector<checker::TraceStep>& trace, size_t max_rows);

// "G2 main.func1": the lane header of a goroutine (the package prefix "main." dropped).
std::string lane_header(uint32_t id, std::string_view name);

}  // namespace lockstep::reports
