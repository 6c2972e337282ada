// Tables from bug_kinds.def and bug_descriptions.def, which must list the same kinds in
// the same order.
#include "checker/bug_text.hpp"

#include <array>

#include <fmt/format.h>

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
namespace {
// "data-race on cfg" -> "cfg"
std::string_view object_of(const Bug& bug) {
    std::string_view m = bug.message;
    size_t on = m.find(" on ");
    if (on == std::string_view::npos) return {};
    m.remove_prefix(on + 4);
    return m.substr(0, m.find(':'));
}

bool zero_value(std::string_view v) { return v == "<nil>" || v == "0" || v == "false" || v == "\"\"" || v == "nil"; }

// `if cfg == nil {`, `if cfg != nil`, `if n == 0`, `if !ready`: the line tests obj against its zero value.
bool zero_check(std::string_view line, std::string_view obj) {
    if (line.substr(0, 3) != "if ") return false;
    std::string o(obj);
    for (const std::string& form : {o + " == nil", o + " != nil", "nil == " + o, o + " == 0", "!" + o})
        if (line.find(form) != std::string_view::npos) return true;
    return false;
}

// One goroutine tests the variable against its zero value in an if, reads it zero, and
// then writes it on another line, with no lock taken in between: a check-then-act
// initialization. (A plain counter++ reads zero and writes too, but tests nothing.)
bool lazy_initialization(const Bug& bug) {
    std::string_view obj = object_of(bug);
    if (obj.empty()) return false;
    for (size_t i = 0; i < bug.trace.size(); ++i) {
        const TraceStep& r = bug.trace[i];
        if (r.op != "read" || r.object != obj || !r.value || !zero_value(*r.value) || !zero_check(r.source, obj)) continue;
        for (size_t j = i + 1; j < bug.trace.size(); ++j) {
            const TraceStep& w = bug.trace[j];
            if (w.goroutine != r.goroutine) continue;
            if (w.op == "Lock" || w.op == "Unlock" || w.op == "RLock" || w.op == "RUnlock") break;
            if (w.op == "write" && w.object == obj) return w.location.line != r.location.line;
        }
    }
    return false;
}

// The trace marks a Pool Get that ran New although a Put had returned an object.
bool pool_new_again(const Bug& bug) {
    for (const TraceStep& s : bug.trace)
        if (s.decisive && s.op == "Get" && s.note.find("New") != std::string::npos) return true;
    return false;
}
}  // namespace

std::string bug_help(const Bug& bug) {
    switch (bug.kind()) {
    case BugKind::DataRace:
    case BugKind::LostUpdate:
        if (lazy_initialization(bug))
            return fmt::format("this is a lazy initialization checked and set without synchronization: initialize {} once with sync.Once (once.Do), or guard the check and the set with one mutex",
                               object_of(bug));
        break;
    case BugKind::NegativeWaitGroup:
        for (const TraceStep& s : bug.trace)
            if (s.decisive && s.note.find("no Add ever reached") != std::string::npos)
                return "no Add reached the WaitGroup this Done calls: if it was passed by value, the callee has a copy; pass *sync.WaitGroup";
        break;
    case BugKind::Deadlock: {
        // The help names what the goroutines wait on (the details list each one's
        // operation, "goroutine 2 [send out]: ..."): locks first, then channels.
        auto waits_on = [&](std::string_view op) { return bug.details.find("[" + std::string(op)) != std::string::npos; };
        if (waits_on("Lock") || waits_on("RLock")) break;
        if (waits_on("send") || waits_on("receive") || waits_on("select"))
            return "every send needs a receiver and every receive a sender or a close: buffer the channel, close it when done, or "
                   "select on ctx.Done() or a quit channel where the other side may be gone";
        if (waits_on("Wait"))
            return "a WaitGroup's Wait needs a Done for every Add, on every path (defer wg.Done()) and on the same WaitGroup (pass "
                   "*sync.WaitGroup, not a copy); a Cond's Wait needs a Signal or Broadcast after the condition changes";
        break;
    }
    case BugKind::CopiedLock:
        if (bug.message.find("sync.WaitGroup") != std::string::npos)
            return "pass the WaitGroup by pointer (*sync.WaitGroup): a copy has its own counter, so Done on the copy never releases the original's Wait";
        break;
    case BugKind::OutputMismatch:
    case BugKind::TestFailure:
        if (pool_new_again(bug))
            return "a sync.Pool is a cache, not a guarantee: Get may call New again even after a Put, so the program must not depend on reuse";
        break;
    default: break;
    }
    return std::string(bug_kind_help(bug.kind()));
}

std::string_view bug_kind_short_description(BugKind kind) { return texts[static_cast<size_t>(kind)].brief; }
std::string_view bug_kind_full_description(BugKind kind) { return texts[static_cast<size_t>(kind)].full; }

}  // namespace lockstep::checker
