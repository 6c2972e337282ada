// The longer texts of each bug kind (bug_descriptions.def) and its PascalCase name, for
// reports that describe their rules (SARIF).
#pragma once

#include <string>
#include <string_view>

#include "checker/result.hpp"

namespace lockstep::checker {

std::string_view bug_kind_name(BugKind kind);               // "DataRace" (never the id in other case)
std::string_view bug_kind_short_description(BugKind kind);  // one sentence
std::string_view bug_kind_full_description(BugKind kind);   // a paragraph

// The help line under one bug: the kind's help, or a more precise one when the bug's own
// trace shows the cause (lazy initialization, a copied WaitGroup, a Pool that calls New
// again). A cause is named only when the evidence is in the bug.
std::string bug_help(const Bug& bug);

}  // namespace lockstep::checker
