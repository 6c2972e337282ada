// The hostile corpus, generated at test time from fixed seeds: random and binary bytes,
// pathological nesting, and truncated and mutated copies of every scenario file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace lockstep::hostile {

// splitmix64: the same stream on every platform and standard library (std distributions
// are not), so a failing mutant is the same mutant everywhere.
class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t next();
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }

private:
    uint64_t m_state;
};

std::string random_bytes(uint64_t seed, size_t size);

// `package main` and a main whose body is `x := ((((1))))`, `depth` parentheses deep.
std::string nested_expression(int depth);
// `package main` and a main whose body is `{{{{}}}}`, `depth` braces deep.
std::string nested_blocks(int depth);
// A main whose body is `x := HEAD LINK LINK ...` (`links` times): `1+1+1...`, `y.a.a.a...`,
// `f()()()...` are deep in the AST although the parser builds them by a loop.
std::string long_chain(const std::string& head, const std::string& link, int links);

// Every .go file under scenarios/ and tests/scenarios/ of the source tree, sorted.
std::vector<std::string> scenario_paths();
using test_support::read_file;

// The proper prefixes of `text` whose length is a multiple of `step` (0 included).
std::vector<std::string> truncations(const std::string& text, size_t step);
// `text` with 1 to 4 random byte edits (overwrite, insert or delete).
std::string mutate_bytes(const std::string& text, Rng& rng);
// `text` without one of its lines: often still valid Go, so it reaches the checker and VM.
std::string drop_line(const std::string& text, Rng& rng);

// A per-process temporary directory, and a file written there (subdirectories made).
using test_support::temp_dir;
using test_support::write_temp;

}  // namespace lockstep::hostile
