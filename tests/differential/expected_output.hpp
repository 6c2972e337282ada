// A scenario's `// Output:` / `// Unordered output:` block read independently of lockstep's
// front end, and Go's example rule for comparing a run's stdout with it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lockstep::differential {

struct ExpectedOutput {
    std::string text;  // the block's lines, comment markers removed
    bool unordered = false;
};

// The last Output block of the file, if it has one.
std::optional<ExpectedOutput> read_expected_output(std::string_view source);

// go test's rule for examples: both sides trimmed of surrounding white space (and of
// trailing spaces on each line); an unordered block compares the sorted lines.
bool output_matches(const ExpectedOutput& expected, std::string_view got);

}  // namespace lockstep::differential
