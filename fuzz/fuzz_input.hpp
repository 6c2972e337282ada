// What every fuzz target does with libFuzzer's bytes: make them a source file, and treat a
// diagnostic as the normal outcome it is (rendered, so the caret code runs on hostile text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/diagnostic.hpp"
#include "lang/source.hpp"

namespace lockstep::fuzz {

// The bytes as the text of `fuzz.go` (any bytes: NULs, invalid UTF-8, no final newline).
lang::SourceFile source_of(const uint8_t* data, size_t size);

// Reports a broken invariant the target checks itself, and aborts (libFuzzer saves the input).
[[noreturn]] void finding(const char* what, const std::string& detail);

// Renders every diagnostic and checks what a user relies on: each has a message, and a
// position, when it has one, lies inside the file. A violation aborts (a finding).
void expect_well_formed(const lang::DiagnosticError& error, const lang::SourceFile& src);

}  // namespace lockstep::fuzz
