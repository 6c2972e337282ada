// PctStrategy: random priorities plus d-1 priority change points.
#include "checker/pct_strategy.hpp"

#include <algorithm>

namespace lockstep::checker {

bool PctStrategy::next_execution() {
    std::fill(m_priority.begin(), m_priority.end(), 0);
    m_change_points.clear();
    for (uint32_t i = 1; i < m_depth; ++i) m_change_points.push_back(m_rng.below(static_cast<uint32_t>(std::max<uint64_t>(1, m_steps_estimate))));
    m_next_low = 0;
    return true;
}

uint64_t PctStrategy::priority(vm::Gid g) {
    if (g >= m_priority.size()) m_priority.resize(g + 1, 0);
    // Goroutines get random initial priorities above every change-point priority.
    if (m_priority[g] == 0) m_priority[g] = m_depth + 1 + (m_rng.next() >> 8);
    return m_priority[g];
}

bool PctStrategy::choose(const Execution& exec, Choice& out) {
    uint64_t step = exec.steps().size();
    vm::Gid best = exec.enabled_list().front();
    uint64_t best_p = 0;
    for (vm::Gid g : exec.enabled_list()) {
        uint64_t p = priority(g);
        if (p > best_p) {
            best_p = p;
            best = g;
        }
    }
    for (size_t i = 0; i < m_change_points.size(); ++i)
        if (m_change_points[i] == step) {
            // The running goroutine drops below every initial priority.
            m_priority[best] = m_depth - i;
            best_p = 0;
            for (vm::Gid g : exec.enabled_list()) {
                uint64_t p = priority(g);
                if (p > best_p) {
                    best_p = p;
                    best = g;
                }
            }
        }
    out = Choice{best, m_rng.below(exec.alternatives(best))};
    return true;
}

void PctStrategy::on_end(const Execution& exec) { m_steps_estimate = std::max<uint64_t>(m_steps_estimate, exec.steps().size()); }

}  // namespace lockstep::checker
