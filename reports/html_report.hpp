// The HTML report (SPEC §5, --format html): one self-contained page (inline CSS and
// script, no network, no external font), every bug of the run with its counterexample
// drawn as swimlanes — a column per goroutine shown, decisive steps marked, the source
// line on hover and in a panel on click, folded goroutines expandable — in light and dark
// themes (the system's, or the toggle).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/result.hpp"

namespace lockstep::reports {

struct HtmlOptions {
    size_t max_rows = 400;         // longer lanes are elided in the middle (0: every step)
    size_t max_folded_rows = 100;  // steps listed inside an expanded fold at most
    bool full_trace = false;       // a lane for every goroutine (default: the involved ones, the rest folded)
};

std::string render_html(const std::vector<checker::ScenarioResult>& results, const HtmlOptions& options = {},
                        std::string_view version = LOCKSTEP_VERSION);

// Text with & < > " ' escaped for HTML content and attribute values.
std::string html_escape(std::string_view text);

}  // namespace lockstep::reports
