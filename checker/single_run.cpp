// `lockstep run`'s one execution under a fair, Go-like scheduler (see single_run.hpp).
#include "checker/single_run.hpp"

#include "checker/execution.hpp"
#include "checker/trace_builder.hpp"

namespace lockstep::checker {

namespace {

using vm::Gid;

bool is_timer_fire(const Execution& exec, Gid g) { return exec.pending(g).kind == vm::OpKind::TimerFire; }

// The goroutine to run next: the one that ran last while it can and its slice lasts;
// else, after a yield or a full slice, the next enabled one after it in turn; else (it
// blocked or ended) the lowest-numbered enabled one. A timer fires only when nothing
// else can run (time passes while everyone waits).
Gid pick_next(const Execution& exec, bool rotate) {
    const auto& enabled = exec.enabled_list();
    const Gid last = exec.last_goroutine();
    const bool started = exec.step_count() > 0;
    if (started && !rotate && exec.enabled(last) && !is_timer_fire(exec, last)) return last;
    if (started && rotate) {
        for (Gid g : enabled)
            if (g > last && !is_timer_fire(exec, g)) return g;
    }
    for (Gid g : enabled)
        if (!is_timer_fire(exec, g)) return g;
    return enabled.front();
}

}  // namespace

SingleRunResult run_single(vm::Program& program, const Options& options) {
    ExecutionConfig config;
    config.max_steps = options.max_steps ? options.max_steps : UINT64_MAX;
    config.spin_await = false;  // nothing is explored: a spin loop just spins, as in Go
    config.single_run = true;
    config.expected_output = options.expected_output ? &*options.expected_output : nullptr;
    Execution exec(program, config);
    exec.start();
    uint32_t slice = 0;
    bool rotate = false;
    while (exec.running()) {
        if (exec.enabled_list().empty()) {
            exec.finish_stuck();
            break;
        }
        Gid g = pick_next(exec, rotate);
        slice = g == exec.last_goroutine() ? slice + 1 : 1;
        const vm::OpKind kind = exec.pending(g).kind;
        exec.step(Choice{g, 0});
        // A yield (runtime.Gosched, time.Sleep, the VM's preemption of a long computation)
        // or a used-up slice lets the others run, so a goroutine that spins waiting for
        // another one's write gets it.
        rotate = kind == vm::OpKind::Yield || slice >= k_run_time_slice;
        if (rotate) slice = 0;
    }
    // Main returned: the program exits (the goroutines left are not run, as in Go).
    SingleRunResult result;
    result.steps = exec.step_count();
    result.step_bound = exec.end() == EndKind::StepLimit && exec.bugs().empty();
    result.output = std::string(exec.output());
    for (const FoundBug& b : exec.bugs()) result.bugs.push_back(describe_bug(exec, b, {}, ""));
    return result;
}

}  // namespace lockstep::checker
