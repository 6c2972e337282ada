// The checker's entry points: explore a program's interleavings under a strategy and
// bounds, and replay one recorded schedule with its full trace.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/execution.hpp"
#include "checker/result.hpp"
#include "lang/source.hpp"
#include "vm/program.hpp"

namespace lockstep::checker {

enum class Strategy { Dpor, Naive, Random, Pct, First };
std::string_view strategy_name(Strategy s);  // "dpor", "naive", "random", "pct", "first"
std::optional<Strategy> strategy_from_name(std::string_view name);

// Where the explorer reports how far it got (a terminal's progress line). Called from the
// exploring thread at most about every 100 ms.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void progress(const Stats& stats, size_t bugs_found) = 0;
};

// dpor's symmetry audit (a reference check for tests): at every fresh node the classes are
// also rebuilt from scratch, pairwise, and compared with the incrementally kept ones.
struct SymmetryAudit {
    uint64_t nodes = 0;      // nodes audited
    uint64_t differing = 0;  // nodes where the incremental redundant set differs from the rebuilt one
    uint64_t unsound = 0;    // pairs the incremental classes merged that are not interchangeable
};

struct Options {
    Strategy strategy = Strategy::Dpor;
    std::optional<uint64_t> max_executions;
    // A budget of visible steps over the whole search, looked at before each execution: a
    // bound that, unlike time, gives the same result on every machine (minimization uses it).
    std::optional<uint64_t> max_total_steps;
    double time_budget_seconds = 60;
    std::optional<uint32_t> preemption_bound;
    uint64_t max_steps = 100000;
    // The spin-loop (await) reduction (checker/spin_await.hpp); off only to check it.
    bool spin_await = true;
    uint64_t seed = 1;
    uint32_t pct_depth = 3;
    // dpor: explore one of each set of interchangeable goroutines (checker/symmetry.hpp).
    bool symmetry = true;
    SymmetryAudit* symmetry_audit = nullptr;  // tests only: rebuild the classes as a reference
    bool all = false;  // keep exploring after the first bug, report each distinct bug once
    std::optional<lang::ExpectedOutput> expected_output;
    // Keep exploring until each of these kinds is found, even without `all`.
    std::vector<BugKind> expected_kinds;
    ProgressSink* progress = nullptr;
    const std::atomic<bool>* interrupted = nullptr;
    size_t max_outcomes = 64;
    // Counterexample minimization: stop as soon as the bug of this identity (bug_identity
    // in checker/minimize.hpp) is found, whatever else is; empty = off.
    std::string target;
    // Split search (checker/split_search.hpp): explore only the subtree below this prefix
    // of choices (dpor and naive); empty = the whole tree.
    std::vector<Choice> split_prefix;
    // and the sleep set below it (dpor only): goroutines with what their explored step touched.
    std::vector<std::pair<vm::Gid, std::vector<Access>>> split_sleep;
};

// Explores the program's executions; fills verdict, stats, bugs (each with its replayed
// trace and schedule token) and outcomes. Leaves file/entry/expected to the caller.
ScenarioResult explore(vm::Program& program, const Options& options);

struct ReplayResult {
    std::vector<Bug> bugs;         // the bugs this execution shows, with traces
    std::vector<TraceStep> trace;  // every visible operation of the execution
    std::string output;
    bool token_valid = false;
    std::string error;             // why the token does not fit the program, if it does not
};

// Re-runs one schedule exactly (options: max_steps, expected_output).
ReplayResult replay(vm::Program& program, const Options& options, std::string_view token);

}  // namespace lockstep::checker
