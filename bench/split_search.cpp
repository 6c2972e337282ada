// split_search_table: see split_search.hpp.
#include "split_search.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "locked_counter.hpp"
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

void split_search_table(const std::filesystem::path& dir) {
    struct Size {
        int n, k;
    };
    const Size sizes[] = {{4, 2}, {4, 3}};
    Table table({"program", "search", "executions", "traces", "seconds", "cpu s", "speed-up vs jobs 1", "verdict"});
    for (Size s : sizes) {
        std::string name = fmt::format("locked counter {}x{}", s.n, s.k);
        std::filesystem::path path = dir / fmt::format("split_counter_{}x{}.go", s.n, s.k);
        std::ofstream(path, std::ios::binary) << locked_counter_source(s.n, s.k);
        cli::LoadedScenario scenario;
        cli::load_scenario(path.string(), scenario);
        double jobs1 = 0;
        for (int jobs : {0, 1, 2}) {
            cli::Settings settings;
            settings.progress = false;
            settings.time_budget_seconds = 300;
            settings.split = jobs > 0;
            settings.jobs = jobs > 0 ? jobs : 1;
            double c0 = cpu_seconds();
            auto t0 = Clock::now();
            checker::ScenarioResult r = cli::explore_entry(scenario, "main", settings, {});
            double wall = std::chrono::duration<double>(Clock::now() - t0).count();
            double cpu = cpu_seconds() - c0;
            if (jobs == 1) jobs1 = wall;
            std::string verdict(checker::verdict_name(r.verdict));
            if (r.stats.bound) verdict += " (" + *r.stats.bound + ")";
            table.add({name, jobs == 0 ? "unsplit" : fmt::format("--jobs {}", jobs), count(r.stats.executions), count(lock_orders(s.n, s.k)),
                       seconds(wall), seconds(cpu), jobs == 2 && wall > 0 ? ratio(jobs1 / wall) : "—", verdict});
        }
    }
    std::cout << "\nSplit search (--jobs): the same subtrees and the same report for every N; speed-up = wall(--jobs 1) / wall(--jobs 2)\n\n";
    table.print(std::cout);
}

}  // namespace lockstep::bench
