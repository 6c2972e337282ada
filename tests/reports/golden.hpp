// Golden-file comparison for rendered reports. LOCKSTEP_UPDATE_GOLDEN=1 rewrites the files
// instead of comparing (see docs/report-formats.md).
#pragma once

#include <string>

namespace lockstep::reports::testing {

// The golden file's content, or "" when it does not exist; rewrites it first when
// LOCKSTEP_UPDATE_GOLDEN=1.
std::string golden(const std::string& name, const std::string& actual);

}  // namespace lockstep::reports::testing
