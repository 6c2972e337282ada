// PrintOrder: what one explored execution printed, as a partial order. Prints of
// different goroutines commute in the search (their order decides nothing else), so one
// explored execution stands for every order of its prints that respects program order and
// the execution's dependencies (a print after a receive stays after the matching send's
// prints). Every such order is an output Go can print; the outcomes list shows one
// representative per execution and how many orders it stands for, and admits() decides
// whether a given output is one of them (`lockstep check --outcome FILE`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::checker {

class Execution;
struct Choice;

struct PrintOrder {
    struct Print {
        std::string text;
        std::vector<uint64_t> after;  // bitset over earlier prints: those that must come first
    };
    std::vector<Print> prints;  // in the order the execution printed them
    std::string tail;           // the crash line, after every print

    // The output as this execution printed it.
    std::string representative() const;
    // How many orders of the prints it stands for (linear extensions); 0 when too many
    // prints to count (more than k_countable).
    uint64_t orders() const;
    // Some order of the prints, followed by the tail, is exactly `output`.
    bool admits(std::string_view output) const;
    bool operator==(const PrintOrder& o) const;

    static constexpr size_t k_countable = 20;
};

// The prints of exec up to main's return (or the crash), ordered by program order and the
// dependency relation of the steps between them; `tail` is appended as is.
PrintOrder print_order(const Execution& exec, std::string tail);

// Schedules of exec's steps that print otherwise than `expected` (normalized, as an
// ordered `// Output:` block compares): for up to `max` prints that have an unordered
// earlier print of other text, the print's predecessors and itself first, then the other
// steps, each in the order they ran. Each is a topological order of the dependencies
// print_order uses, so it runs as is (the caller replays it to check). `order` is
// print_order(exec, ...).
std::vector<std::vector<Choice>> print_reorders(const Execution& exec, const PrintOrder& order, std::string_view expected, size_t max);

}  // namespace lockstep::checker
