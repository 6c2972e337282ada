// Scenarios on which the differential test currently finds a lockstep bug, each with what
// fails and whose it is. They are checked by a [!mayfail] test, so the failure stays
// visible without failing CI; the owner of the fix deletes the line with the fix.
#pragma once

#include <array>
#include <string_view>

namespace lockstep::differential {

struct KnownIssue {
    std::string_view file;  // relative to the source tree
    std::string_view what;
};

// None today; the array keeps the mechanism ready for the next one.
inline constexpr std::array<KnownIssue, 0> k_known_issues{};

}  // namespace lockstep::differential
