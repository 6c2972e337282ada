// fuzz_check: any bytes through the whole pipeline (parse, type-check, directives, compile,
// a few executions of the explorer, a replay of each bug's schedule, the text and JSON
// reports), with small limits so each input takes milliseconds. A DiagnosticError is a
// normal outcome; a crash, a sanitizer report, InternalError, any other exception or a
// hang is a finding.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "checker/explorer.hpp"
#include "cli/driver/directives.hpp"
#include "fuzz/fuzz_input.hpp"
#include "lang/check.hpp"
#include "lang/parser.hpp"
#include "reports/json_report.hpp"
#include "reports/text_report.hpp"
#include "vm/compiler.hpp"
#include "vm/machine.hpp"

using namespace lockstep;

namespace {

// Bounds small enough for thousands of inputs a second, large enough that the scenarios in
// the seed corpus reach their bugs. A fuzzed //lockstep:bound is read but not obeyed:
// `executions=1000000000` would turn every input into a hang.
checker::Options small_options(const lang::File& file) {
    checker::Options o;
    o.strategy = checker::Strategy::Dpor;
    o.max_executions = 8;
    o.time_budget_seconds = 0.5;
    o.max_steps = 2000;
    o.expected_output = file.expected_output;
    return o;
}

vm::MachineLimits small_limits() {
    vm::MachineLimits l;
    l.max_goroutines = 64;
    l.max_heap_cells = 1u << 16;
    l.max_output_bytes = 1u << 14;
    l.max_call_depth = 200;
    l.max_instructions_per_resume = 200'000;
    return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lang::SourceFile src = fuzz::source_of(data, size);
    try {
        std::unique_ptr<lang::File> file = lang::parse_file(src);
        std::unique_ptr<lang::TypeInfo> types = lang::check_file(*file);
        (void)cli::read_directives(*file);
        std::shared_ptr<const vm::Module> module = vm::compile(*file, *types, "main");
        vm::Machine machine(module, small_limits());
        checker::Options options = small_options(*file);
        checker::ScenarioResult result = checker::explore(machine, options);
        result.file = src.path();
        result.entry = "main";
        // Search fast, explain on replay: every bug's token must replay on the same program.
        for (const checker::Bug& bug : result.bugs) {
            checker::ReplayResult replayed = checker::replay(machine, options, bug.schedule);
            if (!replayed.token_valid) fuzz::finding("a bug's own schedule does not replay", replayed.error);
        }
        std::vector<checker::ScenarioResult> results{result};
        (void)reports::render_json(results);
        (void)reports::render_text(results, reports::TextOptions{});
    } catch (const lang::DiagnosticError& e) {
        fuzz::expect_well_formed(e, src);
    }
    return 0;
}
