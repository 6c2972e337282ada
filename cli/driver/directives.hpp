// The per-file lockstep directives the driver acts on: `//lockstep:expect KIND...` (the
// scenario's known bug kinds) and `//lockstep:bound key=value...` (overrides of CLI bounds).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/result.hpp"
#include "lang/ast.hpp"

namespace lockstep::cli {

struct ScenarioDirectives {
    // //lockstep:expect: the kinds, deduplicated in written order; empty for `none`.
    std::optional<std::vector<checker::BugKind>> expected;
    // //lockstep:bound overrides.
    std::optional<uint64_t> executions;
    std::optional<uint64_t> max_steps;
    std::optional<uint32_t> preemptions;
    std::optional<uint32_t> goroutines;
    std::optional<uint32_t> rand;   // math/rand: the largest range that is a data choice (vm::MachineLimits::rand_choices)
    std::optional<uint32_t> ticks;  // a Ticker's ticks per execution (vm::MachineLimits::max_ticks)
    std::optional<double> time_budget_seconds;
};

// Reads and validates the directives of a parsed file. Throws lang::DiagnosticError at the
// directive's position for an unknown bug kind, an unknown bound, a malformed value or an
// unknown directive name.
ScenarioDirectives read_directives(const lang::File& file);

// The distinct kinds of the bugs found equal the expected set exactly.
bool expectation_met(const std::vector<checker::BugKind>& expected, const std::vector<checker::Bug>& found);

// "data-race", "lost-update" for the report.
std::vector<std::string> kind_ids(const std::vector<checker::BugKind>& kinds);

}  // namespace lockstep::cli
