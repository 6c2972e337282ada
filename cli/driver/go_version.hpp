// The Go language version a scenario is written for: `--lang go1.N`, or the `go 1.N`
// line of the go.mod in the scenario's directory or the nearest one above it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lockstep::cli {

// The minor version N of "go1.N", "1.N" or "1.N.P" (N in 0..99); nullopt otherwise.
std::optional<int> parse_lang_version(std::string_view text);

// The `go` directive of the go.mod governing `path` (a file or directory), searched in
// its directory and then each parent; nullopt when there is none or it has no `go` line.
std::optional<int> go_mod_lang(const std::string& path);

// The `module` path of that go.mod; empty when there is none. `root`, when given, gets
// the go.mod's directory.
std::string go_mod_module(const std::string& path, std::string* root = nullptr);

}  // namespace lockstep::cli
