// Tables from bug_kinds.def and bug_descriptions.def, which must list the same kinds in
// the same order.
#include "checker/bug_text.hpp"

#include <array>

namespace lockstep::checker {

namespace {
struct Text {
    BugKind kind;
    std::string_view name, brief, full;
};
constexpr std::array<Text, bug_kind_count> texts = {{
#define LOCKSTEP_BUG_TEXT(name, brief, full) {BugKind::name, #name, brief, full},
#include "checker/bug_descriptions.def"
#undef LOCKSTEP_BUG_TEXT
}};
constexpr bool in_order() {
    for (size_t i = 0; i < texts.size(); ++i)
        if (static_cast<size_t>(texts[i].kind) != i) return false;
    return true;
}
static_assert(in_order(), "bug_descriptions.def must list the kinds of bug_kinds.def in the same order");
}  // namespace

std::string_view bug_kind_name(BugKind kind) {
    // A rule's name must differ from its id even ignoring case (SARIF1001): the one-word kinds get a longer name.
    switch (kind) {
    case BugKind::Deadlock: return "AllGoroutinesAsleep";
    case BugKind::Panic: return "UnrecoveredPanic";
    case BugKind::Livelock: return "ExecutionWithoutEnd";
    default: return texts[static_cast<size_t>(kind)].name;
    }
}
std::string_view bug_kind_short_description(BugKind kind) { return texts[static_cast<size_t>(kind)].brief; }
std::string_view bug_kind_full_description(BugKind kind) { return texts[static_cast<size_t>(kind)].full; }

}  // namespace lockstep::checker
