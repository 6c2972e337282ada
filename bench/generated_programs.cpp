#include "generated_programs.hpp"

#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "checker/explorer.hpp"
#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "table.hpp"
#include "tests/gen/lib/concurrent_gen.hpp"

namespace lockstep::bench {

namespace {

constexpr int k_programs = 300;
constexpr uint64_t k_naive_executions = 50000;  // as the gen test module's reference

struct Shape {
    int programs = 0, compared = 0;
    uint64_t dpor = 0, naive = 0;
    double dpor_seconds = 0, naive_seconds = 0;
};

}  // namespace

void generated_programs_table(const std::filesystem::path& dir) {
    std::map<std::string, Shape> shapes;
    // The CI feature set: the excluded features crash or never end today (docs/testing.md).
    gen::FeatureSet features = gen::ci_features();
    for (int seed = 1; seed <= k_programs; ++seed) {
        gen::ConcurrentProgram p = gen::generate_concurrent(static_cast<uint64_t>(seed), features);
        auto path = dir / fmt::format("gen_{}.go", seed);
        std::ofstream(path) << p.render();
        Shape& s = shapes[p.shape];
        s.programs++;
        cli::LoadedScenario scenario;
        try {
            cli::load_scenario(path.string(), scenario);
        } catch (const std::exception&) {
            continue;  // rejected: a finding of the gen tests, not a figure
        }
        checker::ScenarioResult r[2];
        cli::StrategyName strategies[2] = {cli::StrategyName::Dpor, cli::StrategyName::Naive};
        for (int k = 0; k < 2; ++k) {
            cli::Settings settings;
            settings.strategy = strategies[k];
            settings.progress = false;
            settings.all = true;
            settings.time_budget_seconds = 20;
            if (k == 1) settings.executions = k_naive_executions;
            r[k] = cli::explore_entry(scenario, "main", settings, {});
        }
        if (!r[0].stats.complete || !r[1].stats.complete) continue;
        s.compared++;
        s.dpor += r[0].stats.executions;
        s.naive += r[1].stats.executions;
        s.dpor_seconds += r[0].stats.seconds;
        s.naive_seconds += r[1].stats.seconds;
    }
    Table table({"shape", "programs", "compared", "dpor executions", "naive executions", "naive/dpor", "dpor s", "naive s"});
    Shape total;
    auto row = [&](const std::string& name, const Shape& s) {
        table.add({name, count(s.programs), count(s.compared), count(s.dpor), count(s.naive),
                   s.dpor ? fmt::format("{:.0f}x", double(s.naive) / double(s.dpor)) : "—", seconds(s.dpor_seconds),
                   seconds(s.naive_seconds)});
    };
    for (const auto& [name, s] : shapes) {
        row(name, s);
        total.programs += s.programs;
        total.compared += s.compared;
        total.dpor += s.dpor;
        total.naive += s.naive;
        total.dpor_seconds += s.dpor_seconds;
        total.naive_seconds += s.naive_seconds;
    }
    row("all", total);
    std::cout << "\nGenerated programs (tests/gen concurrent generator, seeds 1-" << k_programs
              << ", CI features): executions summed over the programs both searches finish (naive capped at "
              << k_naive_executions << "), per shape (the primitive most of a program's operations use)\n\n";
    table.print(std::cout);
}

}  // namespace lockstep::bench
