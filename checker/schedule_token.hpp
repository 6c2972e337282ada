// Schedule tokens: a recorded schedule as compact, URL-safe text (base64url, no padding,
// behind a version prefix). The same token always replays the same execution of the same
// program.
//
// Version "2" (what reports print): only the deviations from the default scheduler —
// keep running the goroutine of the previous step while it is enabled, else the lowest
// enabled id, always the first alternative (what `lockstep run` does). Varints: the number
// of steps, then per deviation the default steps before it, the goroutine taken and, when
// that step had several alternatives, the alternative. A 100,000-step execution that
// follows the default scheduler is "2." plus four characters.
//
// Version "1" (internal, and still accepted by replay): the goroutine of every step,
// followed by the alternative taken when the step had more than one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/execution.hpp"

namespace lockstep::checker {

// Version 1: every step's choice (cheap to record during the search).
std::string encode_schedule(const std::vector<StepRecord>& steps);
// The raw varints of a version-1 token; nullopt if it is malformed or of another version.
std::optional<std::vector<uint64_t>> decode_schedule(std::string_view token);

// The default scheduler's choice in exec's current state (some goroutine must be enabled).
Choice default_choice(const Execution& exec);

// Reads a token of either version during a replay.
class ScheduleReader {
public:
    // nullopt with `error` set when the token is malformed or of an unknown version.
    static std::optional<ScheduleReader> open(std::string_view token, std::string& error);
    // The recorded schedule ends at exec's current step.
    bool at_end(const Execution& exec) const;
    // The choice to take in exec's current state; false with `error` when it does not fit.
    bool next(const Execution& exec, Choice& out, std::string& error);
    // Everything recorded was used (else the token is longer than the execution).
    bool fully_used(const Execution& exec) const;

private:
    int m_version = 2;
    std::vector<uint64_t> m_values;
    size_t m_pos = 0;
    uint64_t m_total = 0;      // v2: steps recorded
    uint64_t m_next_dev = 0;   // v2: step index of the next deviation (UINT64_MAX: none)
};

// Builds a version-2 token while a schedule runs: record() each choice before taking it.
class ScheduleWriter {
public:
    void record(const Execution& exec, Choice c);
    std::string token() const;

private:
    std::vector<uint64_t> m_deviations;  // (gap, g, alt?) flattened
    uint64_t m_steps = 0;
    uint64_t m_since = 0;  // default steps since the last deviation
};

}  // namespace lockstep::checker
