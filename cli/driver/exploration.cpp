// Compile → vm::Machine → checker::explore / checker::replay. The compiler is built once
// per entry; every execution re-runs the same immutable module.
#include "cli/driver/exploration.hpp"

#include "checker/copylocks.hpp"
#include "checker/minimize.hpp"
#include "checker/preemption_coverage.hpp"
#include "checker/single_run.hpp"
#include "checker/split_fold.hpp"
#include "checker/split_search.hpp"
#include "lang/assert.hpp"
#include "vm/machine.hpp"

#if __has_include("vm/compiler.hpp")
#include "vm/compiler.hpp"
#define LOCKSTEP_HAVE_COMPILER 1
#else
#define LOCKSTEP_HAVE_COMPILER 0
#endif

namespace lockstep::cli {

namespace {

checker::Strategy strategy_of(StrategyName s) {
    switch (s) {
    case StrategyName::Dpor: return checker::Strategy::Dpor;
    case StrategyName::Naive: return checker::Strategy::Naive;
    case StrategyName::Random: return checker::Strategy::Random;
    case StrategyName::Pct: return checker::Strategy::Pct;
    }
    return checker::Strategy::Dpor;
}

vm::MachineLimits limits_of(const LoadedScenario& scenario, const Settings& settings) {
    vm::MachineLimits limits;
    if (settings.rand_choices) limits.rand_choices = *settings.rand_choices;
    if (scenario.directives.rand) limits.rand_choices = *scenario.directives.rand;
    if (scenario.directives.goroutines) limits.max_goroutines = *scenario.directives.goroutines;
    if (scenario.directives.ticks) limits.max_ticks = *scenario.directives.ticks;
    return limits;
}

std::unique_ptr<vm::Machine> make_machine(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                                          bool quiet_memory = false) {
    LOCKSTEP_ASSERT(scenario.file && scenario.types, "scenario used before it was loaded");
#if LOCKSTEP_HAVE_COMPILER
    auto module = vm::compile(*scenario.file, *scenario.types, entry);
    LOCKSTEP_ASSERT(module != nullptr, "the compiler returned no module for entry " + entry);
    vm::MachineLimits limits = limits_of(scenario, settings);
    limits.quiet_memory = quiet_memory;
    limits.keep_streams = quiet_memory;
    // Without visible loads and stores a long computation is one long resume: it is
    // preempted after about Go's time slice, so the others run meanwhile, as under `go run`.
    if (quiet_memory) {
        limits.max_instructions_per_resume = 2'000'000;
        limits.preempt = true;
        limits.ns_per_operation = 100;
    }
    // One schedule (`lockstep run`) cannot starve anyone for ever: a Ticker ticks freely.
    if (quiet_memory && !scenario.directives.ticks) limits.max_ticks = UINT32_MAX;
    // ... and draws every math/rand value from the seeded generator, as `go run` does.
    if (quiet_memory) limits.rand_choices = 0;
    return std::make_unique<vm::Machine>(std::move(module), limits);
#else
    (void)limits_of;
    throw InternalError("the compiler (vm/compiler.hpp) is not available in this build yet");
#endif
}

// --jobs N, --shard i/n: one machine per worker thread, compiled here, one after another.
checker::ScenarioResult explore_split(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                                      const checker::Options& options, vm::Machine& first) {
    std::vector<std::unique_ptr<vm::Machine>> more;
    std::vector<vm::Program*> programs{&first};
    for (uint32_t w = 1; w < settings.jobs; ++w) {
        more.push_back(make_machine(scenario, entry, settings));
        programs.push_back(more.back().get());
    }
    checker::SplitSettings split;
    split.sharded = settings.sharded;
    split.shard_index = settings.shard_index;
    split.shard_count = settings.shard_count;
    return checker::explore_split(programs, options, split);
}

// A shard's candidates are shown as the merged report would show them: minimized like
// the shard's own bugs (the shard's final bug of each kind is its last candidate).
void minimize_candidates(vm::Machine& machine, const checker::Options& options, checker::ScenarioResult& result) {
    auto& candidates = result.shard->candidates;
    for (size_t i = 0; i < candidates.size(); ++i) {
        bool last = true;
        for (size_t j = i + 1; j < candidates.size(); ++j) last &= candidates[j].identity != candidates[i].identity;
        const checker::Bug* final_bug = nullptr;
        for (const auto& b : result.bugs)
            if (b.identity == candidates[i].identity) final_bug = &b;
        if (last && final_bug) {
            candidates[i].bug = *final_bug;
            continue;
        }
        checker::ScenarioResult one;
        one.bugs.push_back(candidates[i].bug);
        checker::minimize_counterexamples(machine, options, one);
        candidates[i].bug = std::move(one.bugs.front());
    }
}

}  // namespace

checker::Options checker_options(const Settings& settings, const LoadedScenario& scenario) {
    checker::Options o;
    o.strategy = strategy_of(settings.strategy);
    o.max_executions = settings.executions;
    o.time_budget_seconds = settings.time_budget_seconds;
    o.preemption_bound = settings.preemptions;
    o.max_steps = settings.max_steps;
    o.spin_await = settings.spin_await;
    o.seed = settings.seed;
    o.pct_depth = settings.pct_depth;
    o.all = settings.all;
    o.symmetry = settings.symmetry;
    o.symmetry_audit = settings.symmetry_audit;
    // The file knows its own scenario best: //lockstep:bound wins over the command line.
    const ScenarioDirectives& d = scenario.directives;
    if (d.executions) o.max_executions = d.executions;
    if (d.max_steps) o.max_steps = *d.max_steps;
    if (d.preemptions) o.preemption_bound = d.preemptions;
    if (d.time_budget_seconds) o.time_budget_seconds = *d.time_budget_seconds;
    if (d.expected) o.expected_kinds = *d.expected;
    if (scenario.file) o.expected_output = scenario.file->expected_output;
    return o;
}

checker::ScenarioResult explore_entry(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                                      const ExploreHooks& hooks) {
    auto machine = make_machine(scenario, entry, settings);
    checker::Options options = checker_options(settings, scenario);
    options.progress = hooks.progress;
    options.interrupted = hooks.interrupted;
    checker::ScenarioResult result;
    if (settings.split) result = explore_split(scenario, entry, settings, options, *machine);
    else result = checker::explore(*machine, options);
    // The simplest schedule of each bug: fewest preemptions first (SPEC §5).
    checker::minimize_counterexamples(*machine, options, result);
    if (result.shard) minimize_candidates(*machine, options, result);
    // A bounded run with no bug: how many preemptions it covers for certain.
    checker::measure_preemption_coverage(*machine, options, result);
    result.file = scenario.source ? scenario.source->path() : std::string();
    result.entry = entry;
    // The static findings (go vet's copylocks) belong to the scenario's report too: a
    // copied lock is a bug kind an expect line may name.
    for (auto& bug : checker::check_copylocks(*scenario.file, *scenario.types)) {
        result.bugs.push_back(std::move(bug));
        if (result.shard) ++result.shard->static_bugs;
    }
    if (scenario.directives.expected) {
        result.expected = kind_ids(*scenario.directives.expected);
        result.expectation_met = expectation_met(*scenario.directives.expected, result.bugs);
    }
    return result;
}

SingleRun run_entry(const LoadedScenario& scenario, const std::string& entry, const Settings& settings,
                    const std::string* token) {
    // A plain run reports no races, so its loads and stores need not be visible.
    auto machine = make_machine(scenario, entry, settings, token == nullptr);
    checker::Options options = checker_options(settings, scenario);
    SingleRun run;
    if (token) {
        checker::ReplayResult replayed = checker::replay(*machine, options, *token);
        run.bugs = std::move(replayed.bugs);
        run.trace = std::move(replayed.trace);
        run.output = std::move(replayed.output);
        run.token_valid = replayed.token_valid;
        run.token_error = std::move(replayed.error);
        return run;
    }
    // `run` is one execution, like `go run`: Go's scheduler, no step bound unless asked.
    options.max_steps = settings.max_steps_set || scenario.directives.max_steps ? options.max_steps : 0;
    checker::SingleRunResult result = checker::run_single(*machine, options);
    run.bugs = std::move(result.bugs);
    run.output = std::move(result.output);
    run.step_bound = result.step_bound;
    run.steps = result.steps;
    run.streams = machine->streams();
    run.exit_status = machine->exit_status();
    return run;
}

}  // namespace lockstep::cli
