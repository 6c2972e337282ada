// The lockstep command: CLI11 parses the subcommands and flags (SPEC §3); the driver does
// the work and decides the exit code. Parse errors are usage errors: exit 2, never CLI11's
// own codes.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <variant>

#include "cli/driver/driver.hpp"
#include "cli/driver/exit_code.hpp"
#include "cli/driver/merge.hpp"
#include "cli/driver/settings.hpp"
#include "lang/assert.hpp"

#include <unistd.h>

using namespace lockstep;
using namespace lockstep::cli;

namespace {

// A crash is lockstep's own fault: say so and exit 3 rather than dying with a signal's
// status. Only async-signal-safe calls here. Not under the sanitizers, whose own handlers
// print the report we want.
extern "C" void on_crash(int sig) {
    const char* what = sig == SIGSEGV ? "segmentation fault" : sig == SIGBUS ? "bus error" : sig == SIGFPE ? "arithmetic exception" : "abort";
    const char* head = "internal error: lockstep crashed (";
    (void)!::write(2, head, std::strlen(head));
    (void)!::write(2, what, std::strlen(what));
    const char* tail = "); please report it with the scenario file\n";
    (void)!::write(2, tail, std::strlen(tail));
    ::_exit(3);
}

void install_crash_handlers() {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
    return;
#endif
#endif
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGABRT}) std::signal(sig, on_crash);
#endif
}

void add_output_flags(CLI::App& cmd, RawFlags& raw) {
    cmd.add_option("--format", raw.format, "report format: text (default), json, sarif (SARIF 2.1.0) or html (one self-contained page)")
        ->type_name("FMT");
    cmd.add_flag("--full-trace", raw.full_trace, "a lane for every goroutine and every step, in every format (default: the goroutines involved, the rest folded)");
    cmd.add_option("--save-trace", raw.save_trace, "also write every bug's full trace as JSON to FILE")->type_name("FILE");
    cmd.add_option("-o,--output", raw.output, "write the report to FILE instead of stdout")->type_name("FILE");
    cmd.add_option("--color", raw.color, "auto (default: on a terminal, unless NO_COLOR), always, never")->type_name("WHEN");
    cmd.add_flag("--no-progress", raw.no_progress, "no progress line on stderr");
    cmd.add_flag("-q,--quiet", raw.quiet, "report only scenarios that fail (bugs, mismatches, errors); no progress");
}

// The `check` flags; `replay` and `run` take the subset that makes sense for one run.
void add_check_flags(CLI::App& cmd, RawFlags& raw) {
    cmd.add_option("--strategy", raw.strategy, "dpor (exhaustive, partial-order reduction), naive (exhaustive), random, pct")
        ->type_name("NAME");
    cmd.add_option("--executions", raw.executions, "stop after N executions")->type_name("N");
    cmd.add_option("--time-budget", raw.time_budget, "stop after this long: 500ms, 30s, 2m, 1h (default 60s)")->type_name("DUR");
    cmd.add_option("--preemptions", raw.preemptions, "preemption bound (unbounded by default)")->type_name("K");
    cmd.add_option("--max-steps", raw.max_steps, "visible operations per execution before livelock (default 100000)")->type_name("N");
    cmd.add_option("--seed", raw.seed, "seed for random and pct (default 1)")->type_name("N");
    cmd.add_option("--pct-depth", raw.pct_depth, "PCT bug depth (default 3)")->type_name("D");
    cmd.add_option("--rand-choices", raw.rand_choices, "a math/rand result with at most N values is a choice the search explores (default 4)")->type_name("N");
    cmd.add_flag("--no-symmetry", raw.no_symmetry, "dpor: explore goroutines of one go statement with equal state separately (symmetry reduction off)");
    cmd.add_flag("--all", raw.all, "keep exploring after the first bug; report each distinct bug once");
    cmd.add_option("--jobs", raw.jobs, "split the search into subtrees explored on N threads (same report for every N)")->type_name("N");
    cmd.add_option("--shard", raw.shard, "explore only part i of n of the split search (JSON for `lockstep merge`)")->type_name("I/N");
    cmd.add_option("--lang", raw.lang, "Go language version: go1.19 (default, or go.mod's go line), go1.22 (per-iteration loop variables, range over int)")->type_name("VERSION");
    cmd.add_option("--time", raw.time, "timing semantics: free (default) or strict (not supported yet)")->type_name("MODE");
    add_output_flags(cmd, raw);
}

}  // namespace

int main(int argc, char** argv) {
    install_crash_handlers();
    if (argc > 1 && std::string_view(argv[1]) == "check") install_interrupt_handler();
    try {
        CLI::App app{"lockstep: a model checker for Go concurrency scenarios", "lockstep"};
        app.set_version_flag("--version", std::string("lockstep ") + LOCKSTEP_VERSION);
        app.require_subcommand(1);
        app.failure_message(CLI::FailureMessage::help);

        RawFlags check_raw, run_raw, replay_raw;
        std::vector<std::string> check_paths, vet_paths;
        std::string run_file, replay_file, token, run_entry = "main", replay_entry = "main";

        CLI::App* check = app.add_subcommand("check", "explore every interleaving of each scenario (a directory means its *.go files)");
        check->add_option("PATH", check_paths, "scenario files or directories")->required();
        add_check_flags(*check, check_raw);
        check->add_option("--outcome", check_raw.outcome, "say whether FILE's text is an output the scenario can print (exit 1 if not)")
            ->type_name("FILE");

        CLI::App* run = app.add_subcommand("run", "run one execution, like `go run` (exit 2 on a panic or deadlock)");
        run->add_option("FILE", run_file, "the scenario file")->required();
        run->add_option("--entry", run_entry, "entry point (default main)")->type_name("NAME");
        run->add_option("--max-steps", run_raw.max_steps, "visible operations before livelock (default 100000)")->type_name("N");
        run->add_option("--lang", run_raw.lang, "Go language version (default: go.mod's go line, else go1.19)")->type_name("VERSION");

        CLI::App* replay = app.add_subcommand("replay", "re-run one recorded schedule and print its full trace");
        replay->add_option("FILE", replay_file, "the scenario file")->required();
        replay->add_option("--schedule", token, "the schedule token from a report")->required()->type_name("TOKEN");
        replay->add_option("--entry", replay_entry, "entry point (default main)")->type_name("NAME");
        replay->add_option("--max-steps", replay_raw.max_steps, "visible operations before livelock (default 100000)")->type_name("N");
        replay->add_option("--lang", replay_raw.lang, "Go language version (default: go.mod's go line, else go1.19)")->type_name("VERSION");
        replay->add_option("--format", replay_raw.format, "text (default), json, sarif or html")->type_name("FMT");
        replay->add_flag("--full-trace", replay_raw.full_trace, "a lane for every goroutine (default: the goroutines involved)");
        replay->add_option("--save-trace", replay_raw.save_trace, "also write the full trace as JSON to FILE")->type_name("FILE");
        replay->add_option("-o,--output", replay_raw.output, "write the report to FILE")->type_name("FILE");
        replay->add_option("--color", replay_raw.color, "auto (default), always, never")->type_name("WHEN");

        CLI::App* vet = app.add_subcommand("vet", "static checks only (copied locks, ...)");
        vet->add_option("PATH", vet_paths, "scenario files or directories")->required();

        std::vector<std::string> merge_files;
        std::string merge_output;
        bool merge_quiet = false;
        CLI::App* merge = app.add_subcommand("merge", "combine the JSON reports of the shards of one search (--shard i/n) into one report");
        merge->add_option("REPORT", merge_files, "the shards' JSON reports")->required();
        merge->add_option("-o,--output", merge_output, "write the merged report to FILE instead of stdout")->type_name("FILE");
        merge->add_flag("-q,--quiet", merge_quiet, "no verdict lines on stderr unless a scenario fails");

        // CLI11 would say "A subcommand is required" for a misspelt one; name it instead.
        if (argc > 1 && argv[1][0] != '-') {
            std::string_view word = argv[1];
            if (word != "check" && word != "run" && word != "replay" && word != "vet" && word != "merge") {
                std::cerr << "lockstep: unknown command \"" << word << "\" (commands: check, run, replay, vet, merge)\n";
                return to_int(ExitCode::Usage);
            }
        }
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return app.exit(e);
        } catch (const CLI::CallForVersion& e) {
            return app.exit(e);
        } catch (const CLI::ParseError& e) {
            std::cerr << "lockstep: " << e.what() << "\n";
            std::cerr << "run 'lockstep --help' (or 'lockstep COMMAND --help') for usage\n";
            return to_int(ExitCode::Usage);
        }

        auto settings_of = [](const RawFlags& raw) -> std::optional<Settings> {
            auto made = make_settings(raw);
            if (auto* err = std::get_if<std::string>(&made)) {
                std::cerr << "lockstep: " << *err << "\n";
                return std::nullopt;
            }
            return std::get<Settings>(made);
        };

        Console console = Console::standard();
        if (check->parsed()) {
            auto s = settings_of(check_raw);
            if (!s) return to_int(ExitCode::Usage);
            return to_int(check_command(check_paths, *s, console));
        }
        if (run->parsed()) {
            auto s = settings_of(run_raw);
            if (!s) return to_int(ExitCode::Usage);
            return to_int(run_command(run_file, run_entry, *s, console));
        }
        if (replay->parsed()) {
            auto s = settings_of(replay_raw);
            if (!s) return to_int(ExitCode::Usage);
            return to_int(replay_command(replay_file, replay_entry, token, *s, console));
        }
        if (vet->parsed()) return to_int(vet_command(vet_paths, console));
        if (merge->parsed()) return to_int(merge_command(merge_files, merge_output, merge_quiet, console));
        return to_int(ExitCode::Usage);
    } catch (const InternalError& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return to_int(ExitCode::Internal);
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return to_int(ExitCode::Internal);
    }
}

