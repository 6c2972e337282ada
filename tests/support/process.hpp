// Owns the test modules' shell quoting, captured command runs, file reads and per-process temp directory.
#pragma once

#include <filesystem>
#include <string>

namespace lockstep::test_support {

// `s` as one shell word: single-quoted, embedded quotes escaped.
std::string shell_quote(const std::string& s);

// The whole file as bytes; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// A file of the source tree: read_source("tests/vm/programs/maps.go").
std::string read_source(const std::string& relative_path);

// This process's temporary directory: made on first use, removed with all it holds at exit.
std::string temp_dir();
// A fresh file NAME (subdirectories made) holding TEXT in temp_dir(); its path.
std::string write_temp(const std::string& name, const std::string& text);
// A fresh path prefix under temp_dir() for one run's `.out` and `.err` files.
std::string next_capture_base();

// The exit status of a shell command as the shell reports it: the exit code, 128+N for
// signal N, -1 when no shell could run.
int run_shell(const std::string& command);

struct Captured {
    int code = -1;  // as run_shell reports it
    std::string out;
    std::string err;
};

// `command` (shell syntax) with stdin from /dev/null, and stdout and stderr through files
// (so a flood of output can never block the child; the files are removed afterwards).
Captured run_captured(const std::string& command);

}  // namespace lockstep::test_support
