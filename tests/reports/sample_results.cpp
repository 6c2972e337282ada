// The hand-built results behind the golden files (what the checker would produce for the
// chapter's unsafe counter, a forgotten Unlock, and the safe counter).
#include "sample_results.hpp"

namespace lockstep::reports::testing {

using namespace checker;

namespace {
constexpr const char* counter_file = "scenarios/chapter3/unsafe_counter.go";

TraceStep step(uint32_t n, uint32_t g, std::string op, std::optional<std::string> object, uint32_t line,
               uint32_t col, std::string source, std::optional<std::string> value = std::nullopt,
               const char* file = counter_file) {
    TraceStep s;
    s.step = n;
    s.goroutine = g;
    s.op = std::move(op);
    s.object = std::move(object);
    s.location = Location{file, line, col};
    s.source = std::move(source);
    s.value = std::move(value);
    return s;
}
Stats stats(std::string strategy, uint64_t executions, uint64_t steps, double seconds, bool complete,
            std::optional<std::string> bound) {
    Stats st;
    st.strategy = std::move(strategy);
    st.executions = executions;
    st.steps = steps;
    st.seconds = seconds;
    st.complete = complete;
    st.bound = std::move(bound);
    return st;
}
}  // namespace

ScenarioResult lost_update_result() {
    ScenarioResult r;
    r.file = counter_file;
    r.verdict = Verdict::Bug;
    r.stats = stats("dpor", 2, 41, 0.004, false, std::nullopt);
    r.expected = std::vector<std::string>{"data-race", "lost-update"};
    r.expectation_met = true;
    r.outcomes = {"Final count: 2\n", "Final count: 1\n"};

    Bug b;
    b.kind_index = static_cast<uint32_t>(BugKind::LostUpdate);
    b.severity = Severity::Error;
    b.message = "lost-update on counter.value";
    b.details = "goroutine 3 read counter.value (0) before goroutine 2 wrote 1, then wrote 1 itself:\n"
                "goroutine 2's increment is lost.";
    b.location = Location{counter_file, 23, 2};
    b.goroutines = {{1, "main", std::nullopt},
                    {2, "main.main.func1", Location{counter_file, 36, 3}},
                    {3, "main.main.func1", Location{counter_file, 36, 3}}};
    b.schedule = "AQIDBAUG";
    b.output = "Final count: 1\n";
    b.trace = {
        step(1, 1, "Add", "wg", 35, 3, "wg.Add(1)", "1"),
        step(2, 1, "go", std::nullopt, 36, 3, "go func() {"),
        step(3, 1, "Add", "wg", 35, 3, "wg.Add(1)", "2"),
        step(4, 1, "go", std::nullopt, 36, 3, "go func() {"),
        step(5, 2, "read", "counter.value", 23, 2, "c.value++ // Read, modify, write: not atomic!", "0"),
        step(6, 3, "read", "counter.value", 23, 2, "c.value++ // Read, modify, write: not atomic!", "0"),
        step(7, 2, "write", "counter.value", 23, 2, "c.value++ // Read, modify, write: not atomic!", "1"),
        step(8, 3, "write", "counter.value", 23, 2, "c.value++ // Read, modify, write: not atomic!", "1"),
        step(9, 2, "Add", "wg", 37, 4, "defer wg.Done()", "1"),
        step(10, 3, "Add", "wg", 37, 4, "defer wg.Done()", "0"),
        step(11, 1, "Wait", "wg", 42, 2, "wg.Wait()"),
        step(12, 1, "read", "counter.value", 27, 2, "return c.value", "1"),
        step(13, 1, "print", std::nullopt, 45, 2, "fmt.Println(\"Final count:\", counter.Value())", "\"Final count: 1\\n\""),
    };
    b.trace[5].decisive = true;
    b.trace[5].note = "reads 0: G2's write at step 7 has not happened yet";
    b.trace[6].decisive = true;
    b.trace[7].decisive = true;
    b.trace[7].note = "lost: overwrites G2's write at step 7";
    r.bugs.push_back(b);

    Bug race;
    race.kind_index = static_cast<uint32_t>(BugKind::DataRace);
    race.severity = Severity::Error;
    race.message = "data-race on counter.value";
    race.details = "write at unsafe_counter.go:23:2 by goroutine 3 is concurrent with the write at "
                   "unsafe_counter.go:23:2 by goroutine 2 (no happens-before between them)";
    race.location = Location{counter_file, 23, 2};
    race.goroutines = {b.goroutines[1], b.goroutines[2]};
    race.schedule = "AQIDBA";
    race.output = "";
    race.trace = {b.trace[0], b.trace[1], b.trace[2], b.trace[3], b.trace[4], b.trace[5]};
    for (auto& s : race.trace) s.decisive = false, s.note.clear();
    race.trace[4].decisive = true;
    race.trace[5].decisive = true;
    race.trace[5].note = "races with G2's write at step 5";
    r.bugs.push_back(race);
    return r;
}

ScenarioResult deadlock_result() {
    const char* file = "scenarios/chapter3/forgot_unlock.go";
    ScenarioResult r;
    r.file = file;
    r.verdict = Verdict::Bug;
    r.stats = stats("dpor", 1, 9, 0.001, false, std::nullopt);
    r.expected = std::vector<std::string>{"deadlock"};
    r.expectation_met = true;
    Bug b;
    b.kind_index = static_cast<uint32_t>(BugKind::Deadlock);
    b.severity = Severity::Error;
    b.message = "deadlock: all goroutines are asleep";
    b.details = "goroutine 1 (main) is blocked in Wait on wg at forgot_unlock.go:30:2\n"
                "goroutine 3 (main.main.func1) is blocked in Lock on mu at forgot_unlock.go:14:2, held by goroutine 2 (finished)";
    b.location = Location{file, 14, 2};
    b.goroutines = {{1, "main", std::nullopt}, {2, "main.main.func1", Location{file, 25, 3}}, {3, "main.main.func1", Location{file, 25, 3}}};
    b.schedule = "AQEC";
    b.output = "";
    b.trace = {
        step(1, 1, "Add", "wg", 24, 3, "wg.Add(1)", "1", file),
        step(2, 1, "go", std::nullopt, 25, 3, "go func() {", std::nullopt, file),
        step(3, 1, "Add", "wg", 24, 3, "wg.Add(1)", "2", file),
        step(4, 1, "go", std::nullopt, 25, 3, "go func() {", std::nullopt, file),
        step(5, 2, "Lock", "mu", 14, 2, "mu.Lock()", std::nullopt, file),
        step(6, 2, "write", "balance", 15, 2, "balance += amount", "100", file),
        step(7, 2, "Add", "wg", 26, 4, "defer wg.Done()", "1", file),
        step(8, 2, "exit", std::nullopt, 28, 3, "}()", std::nullopt, file),
        step(9, 1, "Wait", "wg", 30, 2, "wg.Wait()", std::nullopt, file),
    };
    b.trace[4].decisive = true;
    b.trace[4].note = "never unlocked: goroutine 2 returns holding mu";
    r.bugs.push_back(b);
    return r;
}

ScenarioResult verified_result() {
    ScenarioResult r;
    r.file = "scenarios/chapter3/safe_counter.go";
    r.verdict = Verdict::Verified;
    r.stats = stats("dpor", 90, 3120, 0.012, true, std::nullopt);
    r.expected = std::vector<std::string>{};
    r.expectation_met = true;
    r.outcomes = {"Final count: 2\n"};
    return r;
}

ScenarioResult bounded_result() {
    ScenarioResult r;
    r.file = "scenarios/chapter3/unsafe_counter_1000.go";
    r.verdict = Verdict::Bounded;
    r.stats = stats("random", 5000, 1200000, 60.0, false, std::string("time-budget"));
    return r;
}

ScenarioResult mismatch_result() {
    ScenarioResult r = deadlock_result();
    r.file = "tests/scenarios/mismatch.go";
    r.expected = std::vector<std::string>{"goroutine-leak"};
    r.expectation_met = false;
    return r;
}

ScenarioResult long_trace_result() {
    ScenarioResult r;
    r.file = "tests/scenarios/long.go";
    r.verdict = Verdict::Bug;
    r.stats = stats("dpor", 3, 180, 0.002, false, std::nullopt);
    Bug b;
    b.kind_index = static_cast<uint32_t>(BugKind::Panic);
    b.severity = Severity::Error;
    b.message = "panic: assignment to entry in nil map";
    b.location = Location{"tests/scenarios/long.go", 9, 3};
    b.goroutines = {{1, "main", std::nullopt}, {2, "main.worker", Location{"tests/scenarios/long.go", 20, 2}}};
    b.schedule = "LONG";
    for (uint32_t i = 1; i <= 60; ++i)
        b.trace.push_back(step(i, i % 2 + 1, i % 3 ? "read" : "write", "x", 10 + i % 5, 3, "x = x + 1", std::to_string(i), "tests/scenarios/long.go"));
    b.trace[29].decisive = true;
    b.trace[29].note = "the decisive step";
    r.bugs.push_back(b);
    return r;
}

}  // namespace lockstep::reports::testing
