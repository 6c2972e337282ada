// Truncated and mutated copies of every scenario file: the front end (in process, all of
// them) answers with a diagnostic or a checked program, and the binary (a sample of them,
// through the whole pipeline) with a verdict, never a crash or a hang.
#include <catch2/catch.hpp>

#include <exception>
#include <filesystem>

#include "guarded_run.hpp"
#include "hostile_inputs.hpp"
#include "lang/check.hpp"
#include "lang/parser.hpp"

using namespace lockstep;
using namespace lockstep::hostile;

namespace {

constexpr size_t k_truncation_step = 7;
constexpr int k_mutants_per_scenario = 24;
constexpr uint64_t k_seed = 20240607;

// Parse and type-check `text`; a diagnostic is a fine answer, anything else is a failure.
void front_end_judges(const std::string& label, const std::string& text) {
    lang::SourceFile src("hostile.go", text);
    try {
        std::unique_ptr<lang::File> file = lang::parse_file(src);
        (void)lang::check_file(*file);
    } catch (const lang::DiagnosticError& e) {
        INFO(label);
        REQUIRE(!e.diagnostics().empty());
        for (const lang::Diagnostic& d : e.diagnostics()) {
            INFO(label << ": " << d.headline());
            CHECK(!d.message.empty());
            CHECK(d.pos.line <= src.line_count() + 1);
            (void)d.render();
        }
    } catch (const std::exception& e) {
        FAIL(label << ": " << e.what());
    }
}

std::string label_of(const std::string& path) {
    return std::filesystem::relative(path, LOCKSTEP_SOURCE_DIR).string();
}

}  // namespace

TEST_CASE("the scenario corpus is there to be mutated", "[hostile]") {
    CHECK(scenario_paths().size() >= 20);
}

TEST_CASE("every truncated copy of every scenario gets a diagnostic or a checked program", "[hostile][front-end]") {
    for (const std::string& path : scenario_paths()) {
        std::string text = read_file(path);
        for (const std::string& prefix : truncations(text, k_truncation_step))
            front_end_judges(label_of(path) + " cut at byte " + std::to_string(prefix.size()), prefix);
    }
}

TEST_CASE("byte-mutated copies of every scenario get a diagnostic or a checked program", "[hostile][front-end]") {
    Rng rng(k_seed);
    for (const std::string& path : scenario_paths()) {
        std::string text = read_file(path);
        for (int i = 0; i < k_mutants_per_scenario; ++i) {
            front_end_judges(label_of(path) + " mutant " + std::to_string(i), mutate_bytes(text, rng));
            front_end_judges(label_of(path) + " without a line, " + std::to_string(i), drop_line(text, rng));
        }
    }
}

// The sample through the binary: for each scenario, two truncations, two byte mutants and
// two copies without a line (which often still compile and so run the checker and the VM).
TEST_CASE("truncated and mutated scenarios get a verdict from lockstep check", "[hostile][binary][pipeline]") {
    Rng rng(k_seed + 1);
    for (const std::string& path : scenario_paths()) {
        std::string text = read_file(path);
        std::string stem = std::filesystem::path(path).stem().string();
        std::vector<std::pair<std::string, std::string>> copies = {
            {stem + "_cut1.go", text.substr(0, text.size() / 3 / k_truncation_step * k_truncation_step)},
            {stem + "_cut2.go", text.substr(0, text.size() * 2 / 3 / k_truncation_step * k_truncation_step)},
            {stem + "_mut1.go", mutate_bytes(text, rng)},
            {stem + "_mut2.go", mutate_bytes(text, rng)},
            {stem + "_drop1.go", drop_line(text, rng)},
            {stem + "_drop2.go", drop_line(text, rng)},
        };
        for (const auto& [name, copy] : copies) {
            std::string file = write_temp("copies/" + name, copy);
            Ending e = run_guarded("check --no-progress --time-budget 2s --executions 50 --max-steps 2000 " +
                                   shell_quote(file));
            INFO(label_of(path) << " as " << file << ": " << e.describe());
            CHECK(e.is_verdict());
        }
    }
}
