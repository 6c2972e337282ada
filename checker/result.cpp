// Names and properties of bug kinds, severities and verdicts, from bug_kinds.def.
#include "checker/result.hpp"

#include <array>

namespace lockstep::checker {

namespace {
struct BugKindInfo {
    std::string_view id;
    Severity severity;
    std::string_view help;
};
constexpr std::array<BugKindInfo, bug_kind_count> bug_kind_table = {{
#define LOCKSTEP_BUG(name, id, sev, help) {id, Severity::sev, help},
#include "checker/bug_kinds.def"
#undef LOCKSTEP_BUG
}};
}  // namespace

std::string_view bug_kind_id(BugKind kind) { return bug_kind_table[static_cast<size_t>(kind)].id; }
Severity bug_kind_severity(BugKind kind) { return bug_kind_table[static_cast<size_t>(kind)].severity; }
std::string_view bug_kind_help(BugKind kind) { return bug_kind_table[static_cast<size_t>(kind)].help; }

std::optional<BugKind> bug_kind_from_id(std::string_view id) {
    for (size_t i = 0; i < bug_kind_table.size(); ++i)
        if (bug_kind_table[i].id == id) return static_cast<BugKind>(i);
    return std::nullopt;
}

std::string_view severity_name(Severity s) {
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

std::string_view verdict_name(Verdict v) {
    switch (v) {
    case Verdict::Verified: return "verified";
    case Verdict::Bounded: return "bounded";
    case Verdict::Bug: return "bug";
    case Verdict::Error: return "error";
    }
    return "error";
}

}  // namespace lockstep::checker
