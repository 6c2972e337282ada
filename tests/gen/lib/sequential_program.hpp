// A generated sequential Go program: a fixed prelude of types and helpers, then N functions
// of self-contained statements (each a block that declares what it uses), called by main in
// order, each announced by a "#fN" line and guarded by a recover that prints what escaped.
// Any subset of a function's statements is still a well-typed program (the minimizer's
// unit), and many functions share one Go build.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "features.hpp"

namespace lockstep::gen {

struct SeqFunction {
    std::vector<std::string> stmts;
};

struct SequentialProgram {
    uint64_t seed = 0;
    std::vector<SeqFunction> functions;

    std::string render() const;
    // Only function `fn`, with the statements `keep` selects (the minimizer's candidates).
    std::string render_one(size_t fn, const std::vector<bool>& keep) const;
};

SequentialProgram generate_sequential(uint64_t seed, int functions, const SeqExclusions& exclusions = {});

// The section of a run's output that function `fn` printed (between "#fN" markers).
std::string section_of(const std::string& output, size_t fn);

}  // namespace lockstep::gen
