// append's capacity growth, as Go 1.19's runtime.growslice computes it (including the
// rounding up to the allocator's size classes), so cap() matches real Go.
#pragma once

#include <cstdint>

namespace lockstep::vm {

inline uint64_t round_to_size_class(uint64_t bytes) {
    static constexpr uint32_t classes[] = {
        0,    8,    16,   24,   32,   48,   64,   80,   96,   112,  128,   144,   160,   176,
        192,  208,  224,  240,  256,  288,  320,  352,  384,  416,  448,   480,   512,   576,
        640,  704,  768,  896,  1024, 1152, 1280, 1408, 1536, 1792, 2048,  2304,  2688,  3072,
        3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,  9728,  10240, 10880,
        12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
    if (bytes <= 32768) {
        for (uint32_t c : classes)
            if (c >= bytes) return c;
    }
    return (bytes + 8191) / 8192 * 8192;
}

// The new capacity when appending to a slice of capacity `old_cap` so that it holds
// `needed` elements of `elem_size` bytes.
inline uint32_t grow_capacity(uint32_t old_cap, uint32_t needed, uint32_t elem_size) {
    uint64_t newcap = old_cap;
    uint64_t doublecap = newcap + newcap;
    if (needed > doublecap) {
        newcap = needed;
    } else {
        constexpr uint64_t threshold = 256;
        if (old_cap < threshold) {
            newcap = doublecap;
        } else {
            while (newcap < needed) newcap += (newcap + 3 * threshold) / 4;
        }
    }
    if (elem_size == 0) return static_cast<uint32_t>(newcap);
    uint64_t bytes = round_to_size_class(newcap * elem_size);
    return static_cast<uint32_t>(bytes / elem_size);
}

}  // namespace lockstep::vm
