// The longer texts of each bug kind (bug_descriptions.def) and its PascalCase name, for
// reports that describe their rules (SARIF).
#pragma once

#include <string_view>

#include "checker/result.hpp"

namespace lockstep::checker {

std::string_view bug_kind_name(BugKind kind);               // "DataRace" (never the id in other case)
std::string_view bug_kind_short_description(BugKind kind);  // one sentence
std::string_view bug_kind_full_description(BugKind kind);   // a paragraph

}  // namespace lockstep::checker
