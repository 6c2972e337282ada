// Finding and reading scenarios: files, and directories that are one Go package; a
// directory of independent programs means each of its files. Problems are diagnostics (exit 2).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lang/source.hpp"

namespace lockstep::cli {

// The scenarios named by `paths`, in argument order: files, and directories that are one
// Go package (see loader.cpp for the rule; DIR/... walks subdirectories). `notes`, when
// given, gets a line per directory of several files saying how it was taken. Throws
// lang::DiagnosticError for a missing path or a directory without .go files.
std::vector<std::string> collect_scenario_files(const std::vector<std::string>& paths,
                                                std::vector<std::string>* notes = nullptr);

// The file's bytes; for a directory (a package), its .go files one after the other
// (lang::SourceFile::package). Throws lang::DiagnosticError when it cannot be read.
// `tests` false leaves a directory's _test.go files out.
std::unique_ptr<lang::SourceFile> load_source(const std::string& path, bool tests = true);

}  // namespace lockstep::cli
