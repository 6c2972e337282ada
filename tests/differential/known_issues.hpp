// Scenarios on which the differential test currently finds a lockstep bug, each with what
// fails and whose it is. They are checked by a [!mayfail] test, so the failure stays
// visible without failing CI; the owner of the fix deletes the line with the fix.
#pragma once

#include <string_view>

namespace lockstep::differential {

struct KnownIssue {
    std::string_view file;  // relative to the source tree
    std::string_view what;
};

inline constexpr KnownIssue k_known_issues[] = {
    {"tests/scenarios/mixed_atomic.go",
     "checker: atomic.AddInt64 in one goroutine, plain hits++ in the other: Go's race detector reports a race, "
     "lockstep verifies the scenario (its expect line says data-race lost-update)"},
};

}  // namespace lockstep::differential
