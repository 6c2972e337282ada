// Comparing two counterexample traces step by step, with the first difference explained.
#pragma once

#include <vector>

#include <catch2/catch.hpp>

#include "checker/result.hpp"

namespace lockstep::integration {

// Every field a user reads: goroutine, operation, object, location, source, value, marker.
inline bool same_step(const checker::TraceStep& a, const checker::TraceStep& b) {
    return a.step == b.step && a.goroutine == b.goroutine && a.op == b.op && a.object == b.object &&
           a.location.file == b.location.file && a.location.line == b.location.line &&
           a.location.column == b.location.column && a.source == b.source && a.value == b.value &&
           a.decisive == b.decisive && a.note == b.note;
}

inline bool same_trace(const std::vector<checker::TraceStep>& a, const std::vector<checker::TraceStep>& b) {
    if (a.size() != b.size()) {
        UNSCOPED_INFO("trace lengths differ: " << a.size() << " vs " << b.size());
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i)
        if (!same_step(a[i], b[i])) {
            UNSCOPED_INFO("traces differ at step " << i + 1 << ": " << a[i].op << " by goroutine " << a[i].goroutine << " vs "
                                                   << b[i].op << " by goroutine " << b[i].goroutine);
            return false;
        }
    return true;
}

}  // namespace lockstep::integration
