// The settings of a command as the user gave them (flags as written) and as validated:
// every absurd value is a usage error with a message naming the flag (exit 2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lockstep::checker {
struct SymmetryAudit;
}

namespace lockstep::cli {

enum class StrategyName : uint8_t { Dpor, Naive, Random, Pct };
enum class ReportFormat : uint8_t { Text, Json, Sarif, Html };
enum class ColorMode : uint8_t { Auto, Always, Never };

// Flags exactly as typed (CLI11 fills these); empty means "not given".
struct RawFlags {
    std::string strategy = "dpor";
    std::string executions;
    std::string time_budget;
    std::string preemptions;
    std::string max_steps;
    std::string seed;
    std::string pct_depth;
    std::string rand_choices;
    bool all = false;
    bool no_symmetry = false;
    std::string jobs;
    std::string shard;  // --shard i/n
    std::string time = "free";
    std::string format = "text";
    std::string output;
    std::string color = "auto";
    bool no_progress = false;
    bool quiet = false;
    std::string lang;  // --lang go1.N
    bool full_trace = false;
    std::string save_trace;
    std::string outcome;  // check --outcome FILE
};

struct Settings {
    StrategyName strategy = StrategyName::Dpor;
    std::optional<uint64_t> executions;
    double time_budget_seconds = 60;
    std::optional<uint32_t> preemptions;
    uint64_t max_steps = 100000;
    bool max_steps_set = false;  // --max-steps was given (`run` has no step bound otherwise)
    // The spin-loop (await) reduction; off only in tests that check it (no flag).
    bool spin_await = true;
    uint64_t seed = 1;
    uint32_t pct_depth = 3;
    // --rand-choices N: a math/rand result with at most N values is a data choice.
    std::optional<uint32_t> rand_choices;
    bool all = false;
    bool symmetry = true;  // --no-symmetry switches dpor's symmetry reduction off
    // Tests only (no flag): dpor also rebuilds its symmetry classes at every node and
    // counts differences here (checker::SymmetryAudit in checker/explorer.hpp).
    checker::SymmetryAudit* symmetry_audit = nullptr;
    // --jobs N / --shard i/n: the split search (checker/split_search.hpp), on N threads,
    // this shard's part of it; without either, the one unsplit search.
    uint32_t jobs = 1;
    bool split = false;
    uint32_t shard_index = 0, shard_count = 1;
    bool sharded = false;
    ReportFormat format = ReportFormat::Text;
    std::string output;  // report destination; empty = stdout
    ColorMode color = ColorMode::Auto;
    bool progress = true;
    bool quiet = false;
    // --lang go1.N: the language version, overriding go.mod's `go` line (default: go.mod,
    // else Go 1.19).
    std::optional<int> lang_minor;
    bool full_trace = false;  // every format: a lane for every goroutine, every step shown
    std::string save_trace;   // write every bug's full trace (JSON) to this file; empty = no
    // check --outcome FILE: is the file's text one of the outputs the explored executions
    // can print (in some order their prints allow)?
    std::string outcome_file;
};

// The validated settings, or the usage error to print.
std::variant<Settings, std::string> make_settings(const RawFlags& raw);

std::string_view strategy_name(StrategyName s);  // "dpor", ...

}  // namespace lockstep::cli
