// Driving checker::Execution directly, without a search strategy, so the figure is the
// cost of reset + run alone (no DPOR bookkeeping, no trace).
#include "reexecution.hpp"

#include <chrono>

#include "checker/execution.hpp"
#include "cli/driver/front_end.hpp"
#include "vm/compiler.hpp"
#include "vm/machine.hpp"

namespace lockstep::bench {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }
}  // namespace

ReexecutionFigures measure_reexecution(const std::string& path, uint64_t executions) {
    ReexecutionFigures f;
    auto t0 = Clock::now();
    cli::LoadedScenario scenario;
    cli::load_scenario(path, scenario);
    vm::Machine machine(vm::compile(*scenario.file, *scenario.types, "main"));
    f.front_end_seconds = since(t0);

    checker::ExecutionConfig config;
    if (scenario.file->expected_output) config.expected_output = &*scenario.file->expected_output;
    checker::Execution exec(machine, config);
    auto t1 = Clock::now();
    for (uint64_t i = 0; i < executions; ++i) {
        exec.start();
        while (exec.running()) {
            if (exec.enabled_list().empty()) {
                exec.finish_stuck();
                break;
            }
            const auto& steps = exec.steps();
            vm::Gid g = !steps.empty() && exec.enabled(steps.back().choice.g) ? steps.back().choice.g : exec.enabled_list().front();
            exec.step(checker::Choice{g, 0});
        }
        f.steps += exec.steps().size();
        ++f.executions;
    }
    f.seconds = since(t1);
    return f;
}

}  // namespace lockstep::bench
