// chapter_programs_table: see chapter_programs.hpp.
#include "chapter_programs.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "table.hpp"

namespace lockstep::bench {

namespace {

using Clock = std::chrono::steady_clock;

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

}  // namespace

void chapter_programs_table(const std::string& source_dir) {
    struct Case {
        const char* file;
        int goroutines;  // workers the program starts
    };
    const Case cases[] = {
        {"safe_counter.go", 3},       {"safe_counter_10.go", 10}, {"safe_counter_1000.go", 1000},
        {"once_example_10.go", 10},   {"waitgroup_workers.go", 3}, {"atomic_counter.go", 3},
        {"atomic_counter_10.go", 10}, {"cache_rwmutex.go", 3},     {"cache_rwmutex_10.go", 10},
        {"rate_limiter.go", 3},
    };
    Table table({"program", "workers", "executions", "steps", "seconds", "cpu s", "ns/step", "verdict"});
    for (const Case& c : cases) {
        std::string path = (std::filesystem::path(source_dir) / "scenarios/chapter3" / c.file).string();
        cli::LoadedScenario scenario;
        cli::load_scenario(path, scenario);
        cli::Settings settings;
        settings.progress = false;
        double c0 = cpu_seconds();
        auto t0 = Clock::now();
        checker::ScenarioResult r = cli::explore_entry(scenario, "main", settings, {});
        double wall = std::chrono::duration<double>(Clock::now() - t0).count();
        double cpu = cpu_seconds() - c0;
        std::string verdict(checker::verdict_name(r.verdict));
        if (r.stats.bound) verdict += " (" + *r.stats.bound + ")";
        table.add({c.file, std::to_string(c.goroutines), count(r.stats.executions), count(r.stats.steps), seconds(wall),
                   seconds(cpu), r.stats.steps ? fmt::format("{:.0f}", 1e9 * r.stats.seconds / double(r.stats.steps)) : "—", verdict});
    }
    std::cout << "\nThe chapter's correct programs (scenarios/chapter3), dpor with symmetry, as `lockstep check` runs them\n\n";
    table.print(std::cout);
}

}  // namespace lockstep::bench
