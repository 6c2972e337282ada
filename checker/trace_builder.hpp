// Trace rebuilding: replay a schedule token with tracing on, turn each step into a
// TraceStep (goroutine, op, object, location, source line, value), and describe the bugs
// found in words (Go's where Go has them), marking their decisive steps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/execution.hpp"

namespace lockstep::checker {

struct ReplayRun {
    bool valid = false;
    std::string error;
    std::vector<TraceStep> trace;  // filled when tracing
    std::string token;             // the schedule replayed, as a version-2 token (what reports print)
};

// Runs exec from the start following the token; stops where the schedule ends or the
// execution does. With `trace`, records every step.
ReplayRun run_schedule(Execution& exec, std::string_view token, bool trace);

// Runs exec from the start taking exactly these choices (unrecorded by any strategy), then
// drains it as the explorer does; false when a choice does not fit (its goroutine is not
// enabled, or has fewer alternatives) or the execution ends before or after the last one.
bool run_choices(Execution& exec, const std::vector<Choice>& choices);

// The Bug for a FoundBug of the execution exec has just run (the program is still in its
// final state), with the trace's decisive steps marked.
Bug describe_bug(const Execution& exec, const FoundBug& found, const std::vector<TraceStep>& trace, std::string_view token);

// "panic: ..." / "fatal error: ..." for an execution that crashed or deadlocked; "" otherwise.
std::string crash_text(const Execution& exec);

}  // namespace lockstep::checker
