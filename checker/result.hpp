// The result of checking one scenario: verdict, statistics, and the bugs found, each with
// its rebuilt counterexample trace. What reports/ renders; nothing here formats text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/print_order.hpp"

namespace lockstep::checker {

enum class BugKind : uint8_t {
#define LOCKSTEP_BUG(name, id, sev, help) name,
#include "checker/bug_kinds.def"
#undef LOCKSTEP_BUG
};
inline constexpr int bug_kind_count = 0
#define LOCKSTEP_BUG(name, id, sev, help) +1
#include "checker/bug_kinds.def"
#undef LOCKSTEP_BUG
    ;

enum class Severity : uint8_t { Error, Warning, Note };

std::string_view bug_kind_id(BugKind kind);  // "data-race"
std::optional<BugKind> bug_kind_from_id(std::string_view id);
Severity bug_kind_severity(BugKind kind);
std::string_view bug_kind_help(BugKind kind);
std::string_view severity_name(Severity s);  // "error", "warning", "note"

struct Location {
    std::string file;
    uint32_t line = 0;
    uint32_t column = 0;
};

struct GoroutineRef {
    uint32_t id = 0;  // 1-based as shown to users (goroutine 1 is main), like Go's traces
    std::string name;
    std::optional<Location> created_at;
    bool finished = false;  // lanes only: it had returned when the execution ended
};

// One visible operation of the counterexample.
struct TraceStep {
    uint32_t step = 0;        // 1-based
    uint32_t goroutine = 0;   // 1-based id
    std::string op;           // "read", "write", "Lock", "go", ...
    std::optional<std::string> object;  // "counter.value", "mu", null
    Location location;
    std::string source;       // the source line, trimmed
    std::optional<std::string> value;   // value read or written, if any
    bool decisive = false;    // one of the steps that make the bug (marked in reports)
    std::string note;         // short remark on decisive steps ("overwrites the write at step 7")
};

struct Bug {
    uint32_t kind_index = 0;  // BugKind as integer (use kind())
    BugKind kind() const { return static_cast<BugKind>(kind_index); }
    Severity severity = Severity::Error;
    std::string message;      // headline: "lost-update on counter.value"
    std::string details;      // further explanation lines (may be empty)
    Location location;
    std::vector<GoroutineRef> goroutines;  // the goroutines involved
    std::vector<GoroutineRef> lanes;       // every goroutine with a step in the trace (swimlane names)
    std::string schedule;     // replay token
    std::string output;       // what the execution printed
    std::vector<TraceStep> trace;
    // For counterexample minimization (checker/minimize.hpp): which bug this is across
    // searches (kind, variant, sites), and the preemptions of the schedule shown.
    std::string identity;
    uint32_t preemptions = 0;
};

enum class Verdict : uint8_t { Verified, Bounded, Bug, Error };
std::string_view verdict_name(Verdict v);  // "verified", "bounded", "bug", "error"

struct Stats {
    std::string strategy;     // "dpor", "naive", "random", "pct"
    uint64_t executions = 0;
    uint64_t steps = 0;       // visible operations over all executions
    double seconds = 0;
    bool complete = false;    // the whole space was explored
    // Executions the explorer cut because they could only repeat explored ones (dpor's
    // sleep sets); not counted in `executions`, which counts complete executions only.
    uint64_t sleep_blocked = 0;
    std::optional<std::string> bound;  // which bound stopped the run: "executions", "time-budget", "preemptions", "max-steps", "interrupted", "goroutines", "heap-cells"
    std::string bound_message;         // for the VM's bounds: what it said, and how to raise the bound
    // When the execution bound or the time budget stopped the search: the largest K such
    // that every schedule with at most K preemptions was explored (checker/preemption_coverage.hpp).
    std::optional<uint32_t> covered_preemptions;
};

struct ShardInfo;  // checker/split_fold.hpp

struct ScenarioResult {
    std::string file;
    std::string entry = "main";
    Verdict verdict = Verdict::Verified;
    Stats stats;
    std::vector<Bug> bugs;
    std::string error;  // for Verdict::Error: the rendered diagnostic
    // //lockstep:expect, when present: the kinds the scenario is known to have.
    std::optional<std::vector<std::string>> expected;
    bool expectation_met = true;
    // Distinct final outputs (and crash messages) of the explored executions, bounded:
    // one representative per explored execution whose prints' partial order differs, and
    // that partial order (outcome_orders[i] stands for outcomes[i] and every other order
    // of the same prints it allows).
    std::vector<std::string> outcomes;
    std::vector<PrintOrder> outcome_orders;
    // --shard i/n: this shard's part of the split search, for `lockstep merge`.
    std::shared_ptr<ShardInfo> shard;
    // Whether `output` is one of the outputs the explored executions can print.
    bool admits(std::string_view output) const {
        for (const auto& o : outcome_orders)
            if (o.admits(output)) return true;
        return false;
    }
};

}  // namespace lockstep::checker
