// The concurrent program generator: a seed and a feature set name one program.
#pragma once

#include <cstdint>

#include "concurrent_program.hpp"
#include "features.hpp"

namespace lockstep::gen {

ConcurrentProgram generate_concurrent(uint64_t seed, const FeatureSet& features);

}  // namespace lockstep::gen
