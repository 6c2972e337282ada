// lockstep_bench (`make bench`): the figures of docs/benchmarks.md. The locked-counter
// family under dpor and naive against its count of Mazurkiewicz traces, the time to the
// first bug of the 1000-goroutine unsafe counter, the chapter's correct programs at their
// own sizes, the cost of re-running one schedule, and
// dpor against naive on the generator's programs per shape.
// Figures only: nothing here asserts a time.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "chapter_programs.hpp"
#include "checker/explorer.hpp"
#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "generated_programs.hpp"
#include "lang/diagnostic.hpp"
#include "locked_counter.hpp"
#include "reexecution.hpp"
#include "split_search.hpp"
#include "table.hpp"
#include "vm/compiler.hpp"
#include "vm/machine.hpp"

using namespace lockstep;
using namespace lockstep::bench;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Naive gets this long per program; past it the row says how far it got.
constexpr double k_naive_budget_seconds = 5;

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("lockstep-bench-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

std::string source_path(const char* relative) { return (fs::path(LOCKSTEP_SOURCE_DIR) / relative).string(); }

void locked_counter_table(const TempDir& dir) {
    struct Size {
        int n, k;
        bool naive;  // naive finishes within its budget
    };
    const Size sizes[] = {{2, 2, true}, {3, 2, true}, {4, 2, false}, {2, 3, true}, {3, 3, false}, {4, 3, false}, {5, 2, false}};
    Table table({"program", "strategy", "executions", "sleep-blocked", "traces", "mod symmetry", "exec/trace", "steps", "seconds",
                 "exec/s", "steps/s", "ns/step", "verdict"});
    for (Size s : sizes) {
        std::string name = fmt::format("locked counter {}x{}", s.n, s.k);
        cli::LoadedScenario scenario;
        cli::load_scenario(dir.write(fmt::format("locked_counter_{}x{}.go", s.n, s.k), locked_counter_source(s.n, s.k)), scenario);
        uint64_t traces = lock_orders(s.n, s.k);
        uint64_t orbits = traces;
        for (int g = 2; g <= s.n; ++g) orbits /= g;
        struct Run {
            cli::StrategyName strategy;
            bool symmetry;
            const char* label;
        };
        for (Run run : {Run{cli::StrategyName::Dpor, true, "dpor"}, Run{cli::StrategyName::Dpor, false, "dpor --no-symmetry"},
                        Run{cli::StrategyName::Naive, false, "naive"}}) {
            cli::StrategyName strategy = run.strategy;
            if (strategy == cli::StrategyName::Naive && !s.naive) {
                table.add({name, "naive", "—", "—", count(traces), count(orbits), "—", "—", "—", "—", "—", "—", "not run (too many interleavings)"});
                continue;
            }
            cli::Settings settings;
            settings.strategy = strategy;
            settings.symmetry = run.symmetry;
            settings.progress = false;
            if (strategy == cli::StrategyName::Naive) settings.time_budget_seconds = k_naive_budget_seconds;
            auto t = Clock::now();
            checker::ScenarioResult r = cli::explore_entry(scenario, "main", settings, {});
            double wall = since(t);
            std::string verdict(checker::verdict_name(r.verdict));
            if (r.stats.bound) verdict += " (" + *r.stats.bound + ")";
            table.add({name, run.label, count(r.stats.executions), count(r.stats.sleep_blocked), count(traces), count(orbits),
                       ratio(double(r.stats.executions) / double(traces)), count(r.stats.steps), seconds(wall),
                       rate(r.stats.executions / wall), rate(r.stats.steps / wall),
                       fmt::format("{:.0f}", 1e9 * wall / double(std::max<uint64_t>(r.stats.steps, 1))), verdict});
        }
    }
    std::cout << "Locked counter: N goroutines x K locked increments; traces = (N*K)!/(K!^N), mod symmetry = traces/N!\n\n";
    table.print(std::cout);
}

void unsafe_counter_table() {
    std::string path = source_path("scenarios/chapter3/unsafe_counter_1000.go");
    auto t0 = Clock::now();
    cli::LoadedScenario scenario;
    cli::load_scenario(path, scenario);
    vm::Machine machine(vm::compile(*scenario.file, *scenario.types, "main"));
    double front_end = since(t0);

    // The first bug, whatever its kind: no expect line, no --all.
    checker::Options options;
    auto t1 = Clock::now();
    checker::ScenarioResult r = checker::explore(machine, options);
    double total = since(t1);
    std::string first = r.bugs.empty() ? "none" : std::string(checker::bug_kind_id(r.bugs.front().kind()));

    // Both kinds the chapter's text promises, as `lockstep check` looks for them.
    cli::Settings settings;
    settings.progress = false;
    auto t2 = Clock::now();
    checker::ScenarioResult both = cli::explore_entry(scenario, "main", settings, {});
    double both_total = since(t2);
    std::string kinds;
    for (const auto& b : both.bugs) kinds += (kinds.empty() ? "" : "+") + std::string(checker::bug_kind_id(b.kind()));

    Table table({"search", "found", "executions", "steps", "search s", "with traces s", "front end ms"});
    table.add({"first bug", first, count(r.stats.executions), count(r.stats.steps), seconds(r.stats.seconds), seconds(total),
               fmt::format("{:.2f}", 1e3 * front_end)});
    table.add({"expected kinds", kinds, count(both.stats.executions), count(both.stats.steps), seconds(both.stats.seconds),
               seconds(both_total), "—"});
    std::cout << "\nUnsafe counter, 1000 goroutines (scenarios/chapter3/unsafe_counter_1000.go), dpor\n\n";
    table.print(std::cout);
}

void reexecution_table(const TempDir& dir) {
    struct Case {
        std::string name, path;
        uint64_t executions;
    };
    const Case cases[] = {
        {"locked counter 3x2", dir.write("reexec_3x2.go", locked_counter_source(3, 2)), 20000},
        {"unsafe counter 1000", source_path("scenarios/chapter3/unsafe_counter_1000.go"), 20},
    };
    Table table({"program", "executions", "steps/exec", "seconds", "exec/s", "steps/s", "us/exec", "front end ms"});
    for (const Case& c : cases) {
        ReexecutionFigures f = measure_reexecution(c.path, c.executions);
        table.add({c.name, count(f.executions), count(f.steps / std::max<uint64_t>(f.executions, 1)), seconds(f.seconds),
                   rate(f.executions / f.seconds), rate(f.steps / f.seconds), fmt::format("{:.1f}", 1e6 * f.seconds / f.executions),
                   fmt::format("{:.2f}", 1e3 * f.front_end_seconds)});
    }
    std::cout << "\nRe-execution cost: one fixed schedule re-run on one Machine (reset + run, no search)\n\n";
    table.print(std::cout);
}

}  // namespace

int main() {
    try {
        TempDir dir;
#ifdef NDEBUG
        const char* build = "optimized build";
#else
        const char* build = "debug build: figures not representative, use `make bench`";
#endif
        std::cout << "lockstep " << LOCKSTEP_VERSION << " benchmark (" << build << ")\n\n";
        locked_counter_table(dir);
        unsafe_counter_table();
        chapter_programs_table(LOCKSTEP_SOURCE_DIR);
        reexecution_table(dir);
        generated_programs_table(dir.path);
        split_search_table(dir.path);
        return 0;
    } catch (const lang::DiagnosticError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.render() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "lockstep_bench: " << e.what() << '\n';
        return 3;
    }
}
