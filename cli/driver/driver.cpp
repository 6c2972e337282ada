// The commands: collect files, run the pipeline on each, render, and decide the exit code.
// The three tiers of error meet here: diagnostics (exit 2), bugs (exit 1), internal
// errors (exit 3).
#include "cli/driver/driver.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "checker/copylocks.hpp"
#include "cli/driver/exploration.hpp"
#include "cli/driver/front_end.hpp"
#include "cli/driver/loader.hpp"
#include "cli/driver/progress_line.hpp"
#include "cli/driver/terminal.hpp"
#include "lang/assert.hpp"
#include "lang/diagnostic.hpp"
#include "reports/html_report.hpp"
#include "reports/json_report.hpp"
#include "reports/sarif_report.hpp"
#include "reports/style.hpp"
#include "reports/swimlanes.hpp"
#include "reports/text_report.hpp"

namespace lockstep::cli {

using checker::ScenarioResult;
using checker::Verdict;

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_sigint(int) {
    // A second Ctrl-C kills the process the usual way.
    if (g_interrupted.load()) {
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
    g_interrupted.store(true);
}

std::string render_diagnostics(const lang::DiagnosticError& e) {
    std::string out;
    for (const auto& d : e.diagnostics()) {
        std::string r = d.render();
        // Diagnostics without a file are "lockstep: message", like other command-line tools.
        if (!d.file) r = "lockstep: " + r;
        out += r;
    }
    return out;
}

ScenarioResult error_result(const std::string& path, const std::string& entry, const std::string& error) {
    ScenarioResult r;
    r.file = path;
    r.entry = entry;
    r.verdict = Verdict::Error;
    r.error = error;
    return r;
}

struct Checked {
    ScenarioResult result;
    ExitCode code = ExitCode::Ok;
};

// One file through the whole pipeline; every failure becomes an error verdict with its code.
std::vector<Checked> check_one_file(const std::string& path, const Settings& settings, Console& console,
                                    const ExploreHooks& hooks) {
    std::vector<Checked> out;
    std::string entry = "main";
    LoadedScenario scenario;  // outlives the diagnostics, which point into its source
    try {
        load_scenario(path, scenario, settings.lang_minor);
        if (scenario.entries.empty())
            console.err << "note: " << path << ": package " << scenario.file->package_name->name << ": no test files, nothing to check\n";
        for (const auto& e : scenario.entries) {
            entry = e;
            if (hooks.interrupted && hooks.interrupted->load()) break;
            ScenarioResult r = explore_entry(scenario, e, settings, hooks);
            r.file = path;
            r.entry = e;
            out.push_back({r, scenario_exit_code(r)});
        }
    } catch (const lang::DiagnosticError& e) {
        std::string text = render_diagnostics(e);
        console.err << text << std::flush;
        out.push_back({error_result(path, entry, text), ExitCode::Usage});
    } catch (const std::bad_alloc&) {
        std::string text = "internal error: out of memory while checking " + path;
        console.err << text << "\n";
        out.push_back({error_result(path, entry, text), ExitCode::Internal});
    } catch (const std::exception& e) {
        // InternalError (LOCKSTEP_ASSERT) and anything else unexpected: lockstep's fault.
        std::string text = std::string("internal error: ") + e.what();
        console.err << text << "\n" << std::flush;
        out.push_back({error_result(path, entry, text), ExitCode::Internal});
    }
    return out;
}

// Where the report goes: stdout or the -o file.
struct ReportSink {
    std::ofstream file;
    std::ostream* stream = nullptr;
    bool terminal = false;
};

bool open_sink(ReportSink& sink, const Settings& settings, Console& console) {
    if (settings.output.empty()) {
        sink.stream = &console.out;
        sink.terminal = console.out_is_terminal;
        return true;
    }
    sink.file.open(settings.output, std::ios::binary | std::ios::trunc);
    if (!sink.file) {
        console.err << "lockstep: cannot write report to " << settings.output << "\n";
        return false;
    }
    sink.stream = &sink.file;
    return true;
}

reports::TextOptions text_options(const Settings& settings, const ReportSink& sink, const Console& console) {
    reports::TextOptions o;
    o.color = use_color(settings.color, sink.terminal);
    o.unicode = use_unicode(o.color);
    o.width = sink.terminal ? console.width : 100;
    o.full_trace = settings.full_trace;
    if (settings.full_trace) o.max_trace_rows = 0;
    return o;
}

ExitCode usage_error(Console& console, const std::string& message) {
    console.err << "lockstep: " << message << "\n";
    return ExitCode::Usage;
}

std::string indent_lines(std::string_view text, std::string_view prefix) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find('\n', i);
        if (j == std::string_view::npos) j = text.size();
        out += std::string(prefix) + std::string(text.substr(i, j - i)) + '\n';
        i = j + 1;
    }
    return out;
}

// Go's own words in a bug's headline: "unlock-of-unlocked on mu: fatal error: sync: ..."
// holds "fatal error: sync: ..."; "" when the headline quotes no panic or fatal error.
std::string go_words(const std::string& message) {
    if (message.rfind("panic: ", 0) == 0 || message.rfind("fatal error: ", 0) == 0) return message;
    for (const char* marker : {": fatal error: ", ": panic: "}) {
        size_t at = message.find(marker);
        if (at != std::string::npos) return message.substr(at + 2);
    }
    return {};
}

// The bug that ends a Go program (a panic, a fatal error, a deadlock), if the run has one.
const checker::Bug* crash_of(const std::vector<checker::Bug>& bugs) {
    for (const auto& b : bugs) {
        switch (b.kind()) {
        case checker::BugKind::Deadlock:
        case checker::BugKind::RecursiveLock:
        case checker::BugKind::Livelock:
            return &b;
        default:
            // Panics, and the misuse Go's runtime kills the program for (unlock of an
            // unlocked mutex, concurrent map writes, a negative WaitGroup counter).
            if (!go_words(b.message).empty()) return &b;
        }
    }
    return nullptr;
}

// What Go prints on stderr when the program dies this way.
std::string go_crash_text(const checker::Bug& bug) {
    using checker::BugKind;
    // Go's checkdead: no goroutine waits (main called runtime.Goexit, the others ended).
    if (bug.kind() == BugKind::Deadlock && bug.goroutines.empty()) return "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n";
    if (bug.kind() == BugKind::Deadlock || bug.kind() == BugKind::RecursiveLock) {
        std::string out = "fatal error: all goroutines are asleep - deadlock!\n\n";
        for (const auto& g : bug.goroutines) out += fmt::format("goroutine {} [blocked]:\n{}()\n\n", g.id, g.name == "main" ? "main.main" : g.name);
        return out;
    }
    if (bug.kind() == BugKind::Livelock) return "lockstep: " + bug.message + " (the program would run forever)\n";
    std::string out = go_words(bug.message) + "\n";
    uint32_t id = bug.goroutines.empty() ? 1 : bug.goroutines.front().id;
    std::string name = bug.goroutines.empty() ? "main" : bug.goroutines.front().name;
    out += fmt::format("\ngoroutine {} [running]:\n{}()\n", id, name == "main" ? "main.main" : name);
    if (!bug.location.file.empty() && bug.location.line) out += fmt::format("\t{}:{}\n", bug.location.file, bug.location.line);
    out += "exit status 2\n";
    return out;
}

reports::HtmlOptions html_options(const Settings& settings) {
    reports::HtmlOptions o;
    o.full_trace = settings.full_trace;
    if (settings.full_trace) o.max_rows = 0;
    return o;
}

// The report in a format other than text (which is streamed scenario by scenario).
std::string render_document(const std::vector<ScenarioResult>& results, const Settings& settings) {
    switch (settings.format) {
    case ReportFormat::Json: return reports::render_json(results, reports::JsonOptions{settings.full_trace});
    case ReportFormat::Sarif: return reports::render_sarif(results, reports::SarifOptions{settings.full_trace});
    case ReportFormat::Html: return reports::render_html(results, html_options(settings));
    case ReportFormat::Text: break;
    }
    return {};
}

// --save-trace FILE: every bug's whole trace as JSON.
bool save_trace(const std::vector<ScenarioResult>& results, const Settings& settings, Console& console) {
    if (settings.save_trace.empty()) return true;
    std::ofstream out(settings.save_trace, std::ios::binary | std::ios::trunc);
    if (out) out << reports::render_trace_json(results);
    if (!out) {
        console.err << "lockstep: cannot write the trace to " << settings.save_trace << "\n";
        return false;
    }
    return true;
}

}  // namespace

void install_interrupt_handler() { std::signal(SIGINT, on_sigint); }

Console Console::standard() {
    static Console console{std::cout, std::cerr, is_terminal(stdout), is_terminal(stderr), terminal_width(stdout)};
    return console;
}

ExitCode scenario_exit_code(const ScenarioResult& r) {
    if (r.verdict == Verdict::Error) return ExitCode::Usage;
    if (r.expected) return r.expectation_met ? ExitCode::Ok : ExitCode::Bug;
    for (const auto& b : r.bugs)
        if (b.severity == checker::Severity::Error) return ExitCode::Bug;
    return ExitCode::Ok;
}

// check --outcome FILE: one line per scenario on stderr; exit 1 if some scenario cannot
// print it (among the executions explored), 2 if the file cannot be read.
static ExitCode check_outcome(const std::string& file, const std::vector<ScenarioResult>& results, Console& console) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        console.err << "lockstep: " << file << ": cannot read the outcome file\n";
        return ExitCode::Usage;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ExitCode code = ExitCode::Ok;
    for (const auto& r : results) {
        bool possible = r.admits(text);
        console.err << "outcome " << file << ": " << (possible ? "possible" : "not among the outputs explored") << " for " << r.file
                    << (possible || r.stats.complete ? "" : " (the search was not complete)") << "\n";
        if (!possible) code = worst(code, ExitCode::Bug);
    }
    return code;
}

ExitCode check_command(const std::vector<std::string>& paths, const Settings& settings, Console& console) {
    std::vector<std::string> files;
    std::vector<std::string> notes;
    try {
        files = collect_scenario_files(paths, &notes);
    } catch (const lang::DiagnosticError& e) {
        console.err << render_diagnostics(e) << std::flush;
        return ExitCode::Usage;
    }
    // How each directory of several files was taken: one package, or programs file by file.
    if (!settings.quiet)
        for (const auto& note : notes) console.err << "note: " << note << "\n";
    ReportSink sink;
    if (!open_sink(sink, settings, console)) return ExitCode::Usage;
    reports::TextOptions topts = text_options(settings, sink, console);

    // Installed by main() before parsing when the command is check (a Ctrl-C that comes
    // during start-up counts too); installed here for other callers.
    auto previous = std::signal(SIGINT, on_sigint);
    bool show_progress = settings.progress && console.err_is_terminal;

    ExitCode code = ExitCode::Ok;
    std::vector<ScenarioResult> results;
    bool first = true;
    size_t started = 0;
    for (const auto& path : files) {
        if (g_interrupted.load()) break;
        ++started;
        ProgressLine line(console.err, path, console.width);
        ExploreHooks hooks;
        hooks.progress = show_progress ? &line : nullptr;
        hooks.interrupted = &g_interrupted;
        std::vector<Checked> checked_file = check_one_file(path, settings, console, hooks);
        line.clear();
        for (auto& checked : checked_file) {
            code = worst(code, checked.code);
            // Text is streamed scenario by scenario so long runs show results as they come.
            if (settings.format == ReportFormat::Text && (!settings.quiet || checked.code != ExitCode::Ok)) {
                if (!first && !checked.result.bugs.empty()) *sink.stream << '\n';
                *sink.stream << reports::render_scenario_text(checked.result, topts) << std::flush;
                first = false;
            }
            results.push_back(std::move(checked.result));
        }
    }
    std::signal(SIGINT, previous == SIG_ERR ? SIG_DFL : previous);
    const bool interrupted = g_interrupted.load();
    if (interrupted) {
        std::string msg = "lockstep: interrupted (Ctrl-C): the results above are partial";
        if (started < files.size()) {
            size_t left = files.size() - started;
            msg += fmt::format("; {} scenario file{} not checked:", left, left == 1 ? "" : "s");
            for (size_t i = started; i < files.size(); ++i) msg += " " + files[i];
        }
        console.err << msg << "\n";
        code = ExitCode::Interrupted;
    }
    if (!settings.outcome_file.empty()) code = worst(code, check_outcome(settings.outcome_file, results, console));

    if (settings.format == ReportFormat::Text) {
        if ((results.size() > 1 || interrupted) && (!settings.quiet || code != ExitCode::Ok))
            *sink.stream << '\n' << reports::render_summary_text(results, topts);
    } else {
        *sink.stream << render_document(results, settings);
    }
    sink.stream->flush();
    if (!save_trace(results, settings, console)) code = worst(code, ExitCode::Usage);
    return code;
}

ExitCode run_command(const std::string& path, const std::string& entry, const Settings& settings, Console& console) {
    LoadedScenario scenario;
    try {
        // `lockstep run DIR` is `go run DIR`: the package without its _test.go files.
        load_scenario(path, scenario, settings.lang_minor, entry != "main");
        if (std::find(scenario.entries.begin(), scenario.entries.end(), entry) == scenario.entries.end())
            return usage_error(console, "no entry point " + entry + " in " + path);
        SingleRun run = run_entry(scenario, entry, settings, nullptr);
        // Both streams in the order the program wrote them, as `go run` shows them.
        for (const auto& chunk : run.streams) (chunk.to_stderr ? console.err : console.out) << chunk.text << std::flush;
        if (run.streams.empty()) console.out << run.output << std::flush;
        const checker::Bug* crash = crash_of(run.bugs);
        // What lockstep cannot model (a sync operation in a String() fmt calls) is bad
        // input, not the program's panic: a diagnostic at its position, exit 2.
        if (crash && go_words(crash->message).rfind("fatal error: unsupported: ", 0) == 0) {
            const checker::Location& at = crash->location;
            console.err << fmt::format("{}:{}:{}: {}\n", at.file.empty() ? path : at.file, at.line, at.column,
                                       go_words(crash->message).substr(13));
            return ExitCode::Usage;
        }
        if (!crash && entry != "main") {
            // A test entry, like `go test -run '^TestXxx$'`: its report, then PASS or FAIL.
            for (const auto& b : run.bugs)
                if (b.kind() == checker::BugKind::TestFailure) {
                    console.out << b.message << "\n" << (b.details.empty() ? "" : b.details + "\n") << "FAIL\n" << std::flush;
                    return ExitCode::Bug;
                }
            console.out << "PASS\n" << std::flush;
        }
        if (!crash && run.step_bound) {
            console.err << fmt::format("lockstep: stopped after {} steps (--max-steps): the program had not ended\n", run.steps);
            return ExitCode::Usage;
        }
        // os.Exit(n): the process exits n, as under `go run` (any status, not only lockstep's).
        if (!crash) return static_cast<ExitCode>(run.exit_status & 0xff);
        console.err << go_crash_text(*crash);
        return ExitCode::Usage;  // Go exits 2 on an unrecovered panic or fatal error
    } catch (const lang::DiagnosticError& e) {
        console.err << render_diagnostics(e) << std::flush;
        return ExitCode::Usage;
    } catch (const std::exception& e) {
        console.err << "internal error: " << e.what() << "\n";
        return ExitCode::Internal;
    }
}

ExitCode replay_command(const std::string& path, const std::string& entry, const std::string& token,
                        const Settings& settings, Console& console) {
    LoadedScenario scenario;
    try {
        load_scenario(path, scenario, settings.lang_minor);
        if (std::find(scenario.entries.begin(), scenario.entries.end(), entry) == scenario.entries.end())
            return usage_error(console, "no entry point " + entry + " in " + path);
        SingleRun run = run_entry(scenario, entry, settings, &token);
        if (!run.token_valid)
            return usage_error(console, "the schedule token does not fit " + path + ": " +
                                            (run.token_error.empty() ? "malformed token" : run.token_error));
        ReportSink sink;
        if (!open_sink(sink, settings, console)) return ExitCode::Usage;
        reports::TextOptions topts = text_options(settings, sink, console);
        topts.max_trace_rows = 0;  // a replay shows every step of every goroutine
        topts.full_trace = true;
        ScenarioResult r;
        r.file = path;
        r.entry = entry;
        r.bugs = run.bugs;
        r.verdict = run.bugs.empty() ? Verdict::Verified : Verdict::Bug;
        r.stats.executions = 1;
        r.stats.steps = run.trace.size();
        r.stats.strategy = "replay";
        if (!save_trace({r}, settings, console)) return ExitCode::Usage;
        if (settings.format != ReportFormat::Text) {
            *sink.stream << render_document({r}, settings);
        } else if (run.bugs.empty()) {
            // No bug on this schedule: show the execution itself.
            *sink.stream << fmt::format("execution ({} step{}), no bug:\n", run.trace.size(), run.trace.size() == 1 ? "" : "s");
            std::vector<checker::GoroutineRef> main_only{{1, entry == "main" ? "main" : "main." + entry, std::nullopt}};
            *sink.stream << reports::render_swimlanes(run.trace, main_only, reports::Style(topts.color, topts.unicode),
                                                      reports::SwimlaneOptions{topts.width, 0, "  "});
            *sink.stream << "\n  output:" << (run.output.empty() ? " (none)\n" : "\n");
            if (!run.output.empty()) *sink.stream << indent_lines(run.output, "    | ");
        } else {
            for (size_t i = 0; i < run.bugs.size(); ++i) {
                if (i) *sink.stream << '\n';
                *sink.stream << reports::render_bug_text(run.bugs[i], path, entry, topts);
            }
        }
        sink.stream->flush();
        return scenario_exit_code(r);
    } catch (const lang::DiagnosticError& e) {
        console.err << render_diagnostics(e) << std::flush;
        return ExitCode::Usage;
    } catch (const std::exception& e) {
        console.err << "internal error: " << e.what() << "\n";
        return ExitCode::Internal;
    }
}

ExitCode vet_command(const std::vector<std::string>& paths, Console& console) {
    std::vector<std::string> files;
    try {
        files = collect_scenario_files(paths);
    } catch (const lang::DiagnosticError& e) {
        console.err << render_diagnostics(e) << std::flush;
        return ExitCode::Usage;
    }
    // Like go vet: one `file:line:col: message` line per finding, exit 1 when there is one.
    ExitCode code = ExitCode::Ok;
    for (const auto& path : files) {
        LoadedScenario scenario;
        try {
            load_scenario(path, scenario);
            for (const auto& bug : checker::check_copylocks(*scenario.file, *scenario.types)) {
                console.out << fmt::format("{}:{}:{}: {}\n", bug.location.file.empty() ? path : bug.location.file,
                                           bug.location.line, bug.location.column, bug.message);
                code = worst(code, ExitCode::Bug);
            }
        } catch (const lang::DiagnosticError& e) {
            console.err << render_diagnostics(e) << std::flush;
            code = worst(code, ExitCode::Usage);
        } catch (const std::exception& e) {
            console.err << "internal error: " << e.what() << "\n";
            code = worst(code, ExitCode::Internal);
        }
    }
    return code;
}

}  // namespace lockstep::cli
