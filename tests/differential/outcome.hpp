// What one execution of a scenario ended with, in the one normalized form that real Go's
// runs and lockstep's JSON "outcomes" are compared in: the program's stdout followed by
// the first line of its crash message, if it crashed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::differential {

// The crash message Go printed on stderr: the first line that starts with "panic: " or
// "fatal error: " (the race detector's reports, "runtime:" preambles and the goroutine
// dump are skipped); empty when there is none.
std::string go_crash_line(std::string_view stderr_text);

// The one normalization applied to both sides (docs/testing.md):
// - the crash message starts at the last line-start "panic: " or "fatal error: ";
// - only its first line is kept (Go prints multi-line values verbatim, then the dump);
// - a trailing " [recovered]" is dropped (Go marks a re-panicked value so);
// - hexadecimal addresses (0x followed by 6 or more hex digits) read "0x?".
std::string normalize_outcome(std::string_view outcome);

// Real Go's outcome, built as lockstep builds its own (stdout, then the crash line),
// then normalized.
std::string go_outcome(std::string_view stdout_text, std::string_view stderr_text);

// The outcome with its stdout lines sorted (the crash line stays last). lockstep treats
// prints of different goroutines as commuting unless the scenario has an ordered
// `// Output:` block, so its outcomes then stand for every order of their lines.
std::string lines_sorted(std::string_view normalized_outcome);

// The crash message of a normalized outcome ("" when the execution did not crash).
std::string crash_of(std::string_view normalized_outcome);

// The lockstep bug kinds, any one of which must be reported for a run of real Go that
// ended with `crash` (a go_crash_line): e.g. "fatal error: concurrent map writes" →
// {"concurrent-map-access"}. Every other panic or fatal error → {"panic"}.
std::vector<std::string> kinds_for_crash(std::string_view crash);

// The kinds lockstep must report where Go's race detector said "WARNING: DATA RACE"; a race
// Go found inside sync.WaitGroup (Add from zero unordered with a blocking Wait) is also
// answered by waitgroup-misuse.
enum class RaceIn : uint8_t { Program, WaitGroup };
std::vector<std::string> kinds_for_race(RaceIn where);

// "Final count: 1\n" as a one-line C-like literal, for failure messages.
std::string literal(std::string_view text);

}  // namespace lockstep::differential
