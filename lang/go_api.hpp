// Names that exist in Go 1.19 but not in lockstep's universe or library shims, so that a
// valid program using one is told `unsupported:` (what lockstep lacks) instead of
// `undefined:` (what Go would say of a typo).
#pragma once

#include <string>
#include <string_view>

namespace lockstep::lang {

// The feature an unsupported predeclared name belongs to ("complex numbers"), or "".
std::string unsupported_universe_name(std::string_view name);

// True if package `path` of Go 1.19 exports `name` (for the packages lockstep shims).
bool go_exports(std::string_view path, std::string_view name);

// The Go 1.N release that added library member path.name, for the members lockstep
// provides that Go 1.19 lacks (errors.Join: 20); 0 for the others. Below it the member is
// `undefined:`, as in Go 1.19.
int go_since(std::string_view path, std::string_view name);

}  // namespace lockstep::lang
