// The native primitives under lockstep's math/rand (lang/stdsrc/math.rand.go), as the
// package "internal/lockstep/rand": a draw that is a data choice of the search, the test
// of whether a range is small enough to be one, and the seeded generator of the others
// (vm/natives_rand.cpp). Read by lang/packages.cpp.
#include "lang/package_specs.hpp"

namespace lockstep::lang {

const std::vector<PackageSpec>& rand_specs() {
    static const std::vector<PackageSpec> all = {
        {"internal/lockstep/rand", "rand", {
            "func Small(n int64) bool",
            "func Below(n int64) int64",
            "func Uint64() uint64",
            "func Mix(seed int64, k uint64) uint64",
            "func Seed(seed int64)",
        }},
    };
    return all;
}

}  // namespace lockstep::lang
