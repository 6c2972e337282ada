// lockstep_gen: prints generated programs, for reading, for fuzz seeds (fuzz/run_fuzz.sh)
// and for reproducing a finding by its seed.
//   lockstep_gen concurrent SEED [--ci]     one concurrent program
//   lockstep_gen sequential SEED [N]        one sequential program of N functions (default 8)
//   lockstep_gen seeds DIR COUNT            COUNT programs of each kind into DIR
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/gen/lib/concurrent_gen.hpp"
#include "tests/gen/lib/sequential_program.hpp"

using namespace lockstep::gen;

int main(int argc, char** argv) {
    std::string what = argc > 1 ? argv[1] : "";
    if (what == "concurrent" && argc > 2) {
        bool ci = argc > 3 && std::string(argv[3]) == "--ci";
        std::cout << generate_concurrent(std::strtoull(argv[2], nullptr, 10), ci ? ci_features() : all_features()).render();
        return 0;
    }
    if (what == "sequential" && argc > 2) {
        int n = argc > 3 ? std::atoi(argv[3]) : 8;
        std::cout << generate_sequential(std::strtoull(argv[2], nullptr, 10), n).render();
        return 0;
    }
    if (what == "seeds" && argc > 3) {
        std::filesystem::path dir = argv[2];
        std::filesystem::create_directories(dir);
        int count = std::atoi(argv[3]);
        for (int i = 0; i < count; ++i) {
            std::ofstream(dir / ("gen-concurrent-" + std::to_string(i) + ".go"))
                << generate_concurrent(static_cast<uint64_t>(i), all_features()).render();
            std::ofstream(dir / ("gen-sequential-" + std::to_string(i) + ".go"))
                << generate_sequential(static_cast<uint64_t>(i), 3).render();
        }
        return 0;
    }
    std::cerr << "usage: lockstep_gen concurrent SEED [--ci] | sequential SEED [N] | seeds DIR COUNT\n";
    return 2;
}
