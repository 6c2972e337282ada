// The shim declaration lists of lang/packages.cpp: each supported library package is a
// list of Go-like declarations read by packages.cpp's declaration reader. A package may
// have entries in both lists (its declarations are read in list order).
#pragma once

#include <string_view>
#include <vector>

namespace lockstep::lang {

struct PackageSpec {
    std::string_view path;
    std::string_view name;
    std::vector<std::string_view> decls;
};

// The concurrency packages and the first library shims (lang/packages.cpp).
const std::vector<PackageSpec>& specs();
// The sequential library beyond them: io, log, sort, unicode/utf8, io/ioutil and the
// further members of fmt, errors, strings, strconv, os and runtime
// (lang/packages_std.cpp).
const std::vector<PackageSpec>& more_specs();
// math/rand's native primitives, under its Go source (lang/packages_rand.cpp).
const std::vector<PackageSpec>& rand_specs();

}  // namespace lockstep::lang
