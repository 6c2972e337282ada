// The locked-counter family, shared by the benchmark and the integration tests: the Go
// program of N goroutines each doing K locked increments of one counter, and its number of
// Mazurkiewicz traces (its lock orders), (N·K)!/(K!^N).
#pragma once

#include <cstdint>
#include <sstream>
#include <string>

namespace lockstep::bench {

// (n*k)! / (k!^n): the multinomial coefficient, built one factor at a time so that every
// intermediate is itself a multinomial (exact, no overflow for the sizes we run).
inline uint64_t lock_orders(uint64_t n, uint64_t k) {
    uint64_t result = 1, placed = 0;
    for (uint64_t g = 0; g < n; ++g)
        for (uint64_t j = 1; j <= k; ++j) result = result * ++placed / j;
    return result;
}

// The program: wg.Add(1) before each go, defer wg.Done(), K times
// `mu.Lock(); counter++; mu.Unlock()`, wg.Wait(), the count printed under an // Output:
// block (so every execution is also checked for the right total).
inline std::string locked_counter_source(int n, int k) {
    std::ostringstream go;
    go << "// The locked counter, " << n << " goroutines x " << k << " locked increments: (" << n << "*" << k << ")!/("
       << k << "!^" << n << ") = " << lock_orders(n, k) << " lock orders.\n"
       << "package main\n\n"
       << "//lockstep:expect none\n\n"
       << "import (\n\t\"fmt\"\n\t\"sync\"\n)\n\n"
       << "func main() {\n"
       << "\tvar mu sync.Mutex\n"
       << "\tvar wg sync.WaitGroup\n"
       << "\tcounter := 0\n"
       << "\tfor i := 0; i < " << n << "; i++ {\n"
       << "\t\twg.Add(1)\n"
       << "\t\tgo func() {\n"
       << "\t\t\tdefer wg.Done()\n"
       << "\t\t\tfor j := 0; j < " << k << "; j++ {\n"
       << "\t\t\t\tmu.Lock()\n"
       << "\t\t\t\tcounter++\n"
       << "\t\t\t\tmu.Unlock()\n"
       << "\t\t\t}\n"
       << "\t\t}()\n"
       << "\t}\n"
       << "\twg.Wait()\n"
       << "\tfmt.Println(\"Final count:\", counter)\n"
       << "\t// Output:\n"
       << "\t// Final count: " << n * k << "\n"
       << "}\n";
    return go.str();
}

}  // namespace lockstep::bench
