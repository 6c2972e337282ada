// Finding and reading scenario files: a directory means its *.go files, recursively, in
// sorted order; a file is read as bytes. Problems are diagnostics (exit 2).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lang/source.hpp"

namespace lockstep::cli {

// The scenario files named by `paths`, in argument order, each directory expanded to its
// .go files sorted by path. Throws lang::DiagnosticError for a missing path or a
// directory without .go files.
std::vector<std::string> collect_scenario_files(const std::vector<std::string>& paths);

// The file's bytes. Throws lang::DiagnosticError when it cannot be read.
std::unique_ptr<lang::SourceFile> load_source(const std::string& path);

}  // namespace lockstep::cli
