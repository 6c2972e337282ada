#include "minimize.hpp"

namespace lockstep::gen_test {

std::vector<bool> minimize(size_t units, const std::function<bool(const std::vector<bool>&)>& still_fails,
                           int max_tries) {
    std::vector<bool> keep(units, true);
    int tries = 0;
    for (size_t chunk = units / 2; chunk >= 1 && tries < max_tries; chunk /= 2) {
        bool progress = true;
        while (progress && tries < max_tries) {
            progress = false;
            std::vector<size_t> kept;
            for (size_t i = 0; i < units; ++i)
                if (keep[i]) kept.push_back(i);
            for (size_t from = 0; from < kept.size() && tries < max_tries; from += chunk) {
                std::vector<bool> candidate = keep;
                bool changed = false;
                for (size_t i = from; i < from + chunk && i < kept.size(); ++i) {
                    candidate[kept[i]] = false;
                    changed = true;
                }
                if (!changed) continue;
                ++tries;
                if (still_fails(candidate)) {
                    keep = candidate;
                    progress = true;
                    break;
                }
            }
        }
        if (chunk == 1) break;
    }
    return keep;
}

}  // namespace lockstep::gen_test
