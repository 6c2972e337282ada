// Delta debugging over a generated program's units (statements, goroutines): the smallest
// keep-mask found, by removing halves, quarters, ... and then single units, for which
// `still_fails` holds. Every candidate is a well-typed program (the generators' promise).
#pragma once

#include <functional>
#include <vector>

namespace lockstep::gen_test {

std::vector<bool> minimize(size_t units, const std::function<bool(const std::vector<bool>&)>& still_fails,
                           int max_tries = 200);

}  // namespace lockstep::gen_test
