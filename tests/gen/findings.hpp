// Writing a minimized disagreement as a standalone Go file with a header comment (what
// happened, the command to see it), into LOCKSTEP_GEN_FINDINGS (default: gen-findings/
// next to the lockstep binary), for the owners of the part that disagreed.
#pragma once

#include <string>

namespace lockstep::gen_test {

// Writes `<dir>/<name>.go`; returns its path.
std::string write_finding(const std::string& name, const std::string& header, const std::string& source);

// Environment knobs: an integer, or the fallback.
long env_long(const char* name, long fallback);

}  // namespace lockstep::gen_test
