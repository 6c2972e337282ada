// The parts of Execution that serve the fairness assumption (docs/semantics.md): the
// spin-loop (await) reduction's hooks into a step, and whether a schedule cut at
// --max-steps was fair (only a fair schedule that never ends is a livelock).
#include "checker/execution.hpp"

namespace lockstep::checker {

using vm::Gid;

void Execution::spin_after_step(Gid g, Gid partner, const vm::Operation& op, int64_t outcome, const StepRecord& rec) {
    m_spin_woken.clear();
    if (!m_spin.on()) return;
    uint32_t lock_key = 0;
    int8_t lock_delta = 0;
    SpinStepKind kind = spin_step_kind(op, outcome, lock_key, lock_delta);
    m_spin.after_step(m_program, g, partner, step_count() - 1, kind, lock_key, lock_delta, m_accesses,
                      rec.access_begin, rec.access_end, m_spin_woken);
}

void Execution::spin_refresh_woken() {
    for (Gid q : m_spin_woken) refresh(q);
}

}  // namespace lockstep::checker

namespace lockstep::checker {

bool Execution::fair_tail_ends() {
    const size_t steps = m_steps.size(), accesses = m_accesses.size(), bugs = m_bugs.size();
    const uint32_t preemptions = m_preemptions;
    const Gid last = m_last;
    m_exit_output = m_program.output().size();  // what the tail prints is not the execution's
    m_draining = true;  // no bugs, no step limit: only whether it ends
    Gid turn = last;
    for (uint64_t budget = m_config.max_steps; budget > 0 && running() && !m_enabled_list.empty(); --budget) {
        Gid pick = m_enabled_list.front();
        for (Gid g : m_enabled_list)
            if (g > turn) {
                pick = g;
                break;
            }
        turn = pick;
        step(Choice{pick, 0});
    }
    bool ended = !running() || m_enabled_list.empty();
    m_draining = false;
    m_end = EndKind::Running;
    m_steps.resize(steps);
    m_accesses.resize(accesses);
    m_bugs.resize(bugs);
    m_preemptions = preemptions;
    m_last = last;
    return ended;
}

void Execution::decide_livelock() {
    if (m_end != EndKind::StepLimit || !m_livelock_pending) return;
    m_livelock_pending = false;
    m_end = EndKind::Running;
    bool ends = fair_tail_ends();
    m_end = EndKind::StepLimit;
    if (ends) return;
    FoundBug bug;
    bug.kind = BugKind::Livelock;
    const StepRecord& last = m_steps.back();
    bug.add(last.op.site, step_count() - 1, last.choice.g);
    report(bug);
}

}  // namespace lockstep::checker
