// Text rendering of scenario results for a terminal or a log.
#include "reports/text_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "checker/bug_text.hpp"
#include "reports/report_model.hpp"
#include "reports/style.hpp"
#include "reports/swimlanes.hpp"

namespace lockstep::reports {

using checker::Bug;
using checker::ScenarioResult;
using checker::Verdict;

namespace {

std::string join(const std::vector<std::string>& words, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i) out += sep;
        out += words[i];
    }
    return out;
}

std::string location_text(const checker::Location& loc, bool base_only) {
    std::string file(base_only ? base_name(loc.file) : std::string_view(loc.file));
    if (loc.line == 0) return file;
    if (loc.column == 0) return fmt::format("{}:{}", file, loc.line);
    return fmt::format("{}:{}:{}", file, loc.line, loc.column);
}

// Greedy word wrap of `text` into lines of at most `width` columns after `first` (the
// first line's prefix) and `rest` (the continuation lines' prefix).
std::string wrap(std::string_view text, std::string_view first, std::string_view rest, size_t width) {
    std::string out(first);
    size_t col = display_width(first);
    bool line_empty = true;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        i = j + 1;
        if (word.empty()) continue;
        size_t w = display_width(word);
        if (!line_empty && col + 1 + w > width) {
            out += '\n';
            out += rest;
            col = display_width(rest);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++col;
        }
        out += word;
        col += w;
        line_empty = false;
    }
    out += '\n';
    return out;
}

// The scenario's path in a details line becomes its base name: the location line above
// gives the path once, and the details stay short.
std::string shorten_paths(std::string_view line, std::string_view path) {
    std::string out(line);
    std::string_view base = base_name(path);
    if (path.empty() || base == path) return out;
    std::string from = std::string(path) + ":";
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + base.size()))
        out.replace(at, path.size(), base);
    return out;
}

// Display width of the last line of `text`, escape codes not counted.
size_t visible_width(std::string_view text) {
    size_t nl = text.rfind('\n');
    if (nl != std::string_view::npos) text.remove_prefix(nl + 1);
    std::string plain;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b') {
            while (i < text.size() && text[i] != 'm') ++i;
            continue;
        }
        plain += text[i];
    }
    return display_width(plain);
}

std::string first_line(std::string_view text) {
    size_t nl = text.find('\n');
    return std::string(nl == std::string_view::npos ? text : text.substr(0, nl));
}

std::string scenario_name(const ScenarioResult& r) {
    if (r.entry.empty() || r.entry == "main") return r.file;
    return fmt::format("{} ({})", r.file, r.entry);
}

std::string run_figures(const ScenarioResult& r) {
    std::vector<std::string> parts;
    if (!r.stats.strategy.empty()) parts.push_back(r.stats.strategy);
    parts.push_back(fmt::format("{} execution{}", r.stats.executions, r.stats.executions == 1 ? "" : "s"));
    parts.push_back(fmt::format("{:.2f}s", r.stats.seconds));
    return join(parts, ", ");
}

// " (dpor, 2 executions, 0.01s)" after the verdict, or on the next line when it does not fit.
void figures(std::string& out, const ScenarioResult& r, size_t width) {
    std::string f = fmt::format(" ({})", run_figures(r));
    if (visible_width(out) + f.size() <= width) out += f;
    else out += "\n  " + f.substr(1);
}

}  // namespace

namespace {
// "every schedule with at most 2 preemptions was explored, with no bug; " or nothing.
std::string covered_text(const checker::Stats& st) {
    if (!st.covered_preemptions) return "";
    uint32_t k = *st.covered_preemptions;
    return fmt::format("every schedule with at most {} preemption{} was explored, with no bug; ", k, k == 1 ? "" : "s");
}
}  // namespace

std::string bound_explanation(const checker::Stats& st) {
    std::string runs = fmt::format("{} execution{}", st.executions, st.executions == 1 ? "" : "s");
    const std::string& b = *st.bound;
    if (b == "executions")
        return fmt::format("stopped at the execution bound after {}, before the whole space was explored; {}raise the bound with --executions N "
                           "(or //lockstep:bound executions=N in the file)",
                           runs, covered_text(st));
    if (b == "time-budget")
        return fmt::format("stopped by the time budget after {} ({:.2f}s), before the whole space was explored; {}give it longer with "
                           "--time-budget 10m",
                           runs, st.seconds, covered_text(st));
    if (b == "preemptions")
        return fmt::format("stopped at the preemption bound ({}): schedules that need more preemptions were not explored; raise "
                           "--preemptions K to go further, or leave it out to explore every interleaving",
                           runs);
    if (b == "max-steps")
        return fmt::format("an execution ran past the step bound and was cut ({} in all); raise it with --max-steps N if the program really runs "
                           "that long",
                           runs);
    if (b == "rand")
        return fmt::format("every interleaving was explored ({}), but math/rand results of more than a few values were drawn from a "
                           "seeded generator, not tried with every value; --rand-choices N (or //lockstep:bound rand=N) makes "
                           "ranges of up to N values choices",
                           runs);
    if (b == "interrupted") return fmt::format("interrupted (Ctrl-C) after {} ({:.2f}s): a partial result", runs, st.seconds);
    if (!st.bound_message.empty()) return st.bound_message;
    return fmt::format("stopped by the {} bound after {}", b, runs);
}

std::string replay_command(std::string_view file, std::string_view entry, std::string_view schedule) {
    std::string cmd = fmt::format("lockstep replay {}", file);
    if (!entry.empty() && entry != "main") cmd += fmt::format(" --entry {}", entry);
    cmd += fmt::format(" --schedule {}", schedule);
    return cmd;
}

std::vector<std::string> found_kind_ids(const ScenarioResult& result) {
    std::vector<std::string> kinds;
    for (const auto& b : result.bugs) {
        std::string id(checker::bug_kind_id(b.kind()));
        if (std::find(kinds.begin(), kinds.end(), id) == kinds.end()) kinds.push_back(id);
    }
    return kinds;
}

std::string render_bug_text(const Bug& bug, std::string_view file, std::string_view entry, const TextOptions& options) {
    Style style(options.color, options.unicode);
    std::string out;
    std::string_view kind = checker::bug_kind_id(bug.kind());
    std::string_view sev = checker::severity_name(bug.severity);

    // Headline: the severity, and the kind unless the message already starts with it.
    std::string head = std::string(sev);
    if (bug.message.rfind(kind, 0) != 0) head += fmt::format("[{}]", kind);
    // Wrapped on the plain text; the severity painted in front.
    std::string headline = wrap(bug.message.empty() ? std::string(kind) : bug.message, head + ": ", "    ", options.width);
    out += style.paint(head, Style::severity_tone(bug.severity, true));
    out += style.paint(headline.substr(head.size(), headline.size() - head.size() - 1), Tone::Bold);
    out += '\n';
    std::string_view arrow = style.unicode() ? "  ──▶ " : "  --> ";
    if (!bug.location.file.empty()) out += style.paint(arrow, Tone::Cyan) + location_text(bug.location, false) + '\n';

    if (!bug.details.empty()) {
        size_t i = 0;
        std::string_view details = bug.details;
        while (i <= details.size()) {
            size_t j = details.find('\n', i);
            if (j == std::string_view::npos) j = details.size();
            std::string_view line = details.substr(i, j - i);
            // A detail line's own indentation is kept (go test's nested --- FAIL blocks).
            std::string lead = "    " + std::string(line.substr(0, std::min(line.find_first_not_of(' '), line.size())));
            if (!line.empty()) out += wrap(shorten_paths(line, bug.location.file), lead, lead, options.width);
            i = j + 1;
        }
    }

    if (!bug.goroutines.empty()) {
        out += '\n';
        out += style.paint("  goroutines:", Tone::Bold) + '\n';
        // By id; goroutines of one function started by one go statement share a line.
        std::vector<checker::GoroutineRef> gs = bug.goroutines;
        std::stable_sort(gs.begin(), gs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        auto created = [&](const checker::GoroutineRef& g) { return g.created_at ? location_text(*g.created_at, true) : std::string(); };
        for (size_t i = 0; i < gs.size();) {
            size_t j = i + 1;
            while (j < gs.size() && gs[j].name == gs[i].name && created(gs[j]) == created(gs[i])) ++j;
            std::vector<std::string> ids;
            for (size_t k = i; k < j; ++k) ids.push_back(std::to_string(gs[k].id));
            std::string list = ids.size() == 1 ? ids[0] : join({ids.begin(), ids.end() - 1}, ", ") + " and " + ids.back();
            std::string line = fmt::format("    goroutine{} {} ({})", ids.size() == 1 ? "" : "s", list, display_function(gs[i].name));
            if (gs[i].created_at) line += " created at " + created(gs[i]);
            out += truncate_to(line, options.width, style.ellipsis()) + '\n';
            i = j;
        }
    }

    if (!bug.trace.empty()) {
        BugView view = make_bug_view(bug, options.full_trace);
        out += '\n';
        out += style.paint(fmt::format("  counterexample ({} step{}):", bug.trace.size(), bug.trace.size() == 1 ? "" : "s"), Tone::Bold);
        out += '\n';
        SwimlaneOptions lanes;
        lanes.width = options.width;
        lanes.max_rows = options.max_trace_rows;
        std::vector<checker::TraceStep> rows;
        rows.reserve(view.rows.size());
        for (size_t i : view.rows) rows.push_back(bug.trace[i]);
        std::vector<checker::GoroutineRef> named;
        for (const auto& l : view.lanes) named.push_back(l.ref);
        out += render_swimlanes(rows, named, style, lanes);
        // The hint goes on the last fold line when it fits there.
        constexpr std::string_view hint = " (--full-trace shows them)";
        for (size_t i = 0; i < view.folded.size(); ++i) {
            std::string line = "  " + folded_summary(view.folded[i], style.ellipsis(), style.unicode() ? "–" : "-");
            bool last = i + 1 == view.folded.size();
            if (last && display_width(line) + hint.size() <= options.width) line += hint;
            else if (last) line = truncate_to(line, options.width, style.ellipsis()) + "\n " + std::string(hint);
            else line = truncate_to(line, options.width, style.ellipsis());
            out += style.paint(line, Tone::Dim) + '\n';
        }
    }

    // A static finding has no execution, hence no output to show.
    bool executed = !bug.trace.empty() || !bug.output.empty();
    if (executed) out += '\n';
    if (!executed) {
    } else if (bug.output.empty()) {
        out += style.paint("  output:", Tone::Bold) + " (none)\n";
    } else {
        out += style.paint("  output:", Tone::Bold) + '\n';
        std::string_view text = bug.output;
        size_t i = 0;
        while (i < text.size()) {
            size_t j = text.find('\n', i);
            if (j == std::string_view::npos) j = text.size();
            std::string line = truncate_to(text.substr(i, j - i), options.width > 6 ? options.width - 6 : 1, style.ellipsis());
            out += fmt::format("    {} {}\n", style.paint(style.vbar(), Tone::Dim), line);
            i = j + 1;
        }
        if (text.back() != '\n') out += style.paint("    (no newline at end of output)", Tone::Dim) + '\n';
    }
    if (!bug.schedule.empty()) {
        // Never wrapped (it is copied whole): on a line of its own when it does not fit beside the label.
        std::string cmd = replay_command(file, entry, bug.schedule);
        if (display_width(cmd) + 10 <= options.width) {
            out += style.paint("  replay:", Tone::Bold) + " " + cmd + '\n';
        } else {
            // Split with shell line continuations (still one command to paste): before
            // --schedule, and after `lockstep replay` when the path is long.
            size_t at = cmd.rfind(" --schedule ");
            std::string head = cmd.substr(0, at), tail = cmd.substr(at + 1);
            out += style.paint("  replay:", Tone::Bold) + '\n';
            constexpr std::string_view verb = "lockstep replay ";
            if (display_width(head) + 6 > options.width && head.rfind(verb, 0) == 0)
                out += "    lockstep replay \\\n      " + head.substr(verb.size()) + " \\\n      " + tail + '\n';
            else
                out += "    " + head + " \\\n      " + tail + '\n';
        }
    }
    std::string help = checker::bug_help(bug);
    if (!help.empty()) {
        std::string label = style.paint("help:", Tone::BoldCyan);
        // Wrap on the plain text, then put the colored label in front.
        std::string wrapped = wrap(help, "  help: ", "        ", options.width);
        out += "  " + label + wrapped.substr(std::string_view("  help:").size());
    }
    return out;
}

std::string render_verdict_text(const ScenarioResult& r, const TextOptions& options) {
    Style style(options.color, options.unicode);
    std::string out = scenario_name(r) + ": ";
    switch (r.verdict) {
    case Verdict::Verified:
        out += style.paint("verified", Tone::BoldGreen);
        figures(out, r, options.width);
        break;
    case Verdict::Bounded: {
        out += style.paint("no bug within bounds", Tone::BoldYellow);
        if (r.stats.bound) {
            figures(out, r, options.width);
            std::string m = wrap(bound_explanation(r.stats), "  ", "  ", options.width);
            out += "\n" + m.substr(0, m.size() - 1);
        } else {
            figures(out, r, options.width);
        }
        break;
    }
    case Verdict::Bug: {
        std::vector<std::string> kinds = found_kind_ids(r);
        out += style.paint("bug", Tone::BoldRed);
        if (!kinds.empty()) {
            std::string list = join(kinds, ", ");
            if (visible_width(out) + 2 + list.size() <= options.width) out += ": " + list;
            else out += ":\n  " + list;
        }
        figures(out, r, options.width);
        break;
    }
    case Verdict::Error:
        out += style.paint("error", Tone::BoldRed);
        if (!r.error.empty()) out += ": " + first_line(r.error);
        break;
    }
    // Warnings and notes do not make a verdict `bug`, but they were reported above.
    if ((r.verdict == Verdict::Verified || r.verdict == Verdict::Bounded) && !r.bugs.empty()) {
        std::string reported = "; reported: " + join(found_kind_ids(r), ", ");
        if (visible_width(out) + reported.size() <= options.width) out += reported;
        else out += "\n  " + reported.substr(2);
    }
    out += '\n';
    if (r.expected && r.verdict != Verdict::Error) {
        std::string want = r.expected->empty() ? std::string("none") : join(*r.expected, " ");
        if (r.expectation_met) {
            out += fmt::format("  expected {}: {}\n", want, style.paint("ok", Tone::Green));
        } else {
            std::vector<std::string> found = found_kind_ids(r);
            std::string got = found.empty() ? std::string("none") : join(found, " ");
            out += "  " + style.paint("MISMATCH", Tone::BoldRed) + fmt::format(": expected {}, found {}\n", want, got);
        }
    }
    return out;
}

std::string render_scenario_text(const ScenarioResult& r, const TextOptions& options) {
    std::string out;
    for (const auto& bug : r.bugs) {
        out += render_bug_text(bug, r.file, r.entry, options);
        out += '\n';
    }
    out += render_verdict_text(r, options);
    return out;
}

std::string render_summary_text(const std::vector<ScenarioResult>& results, const TextOptions& options) {
    Style style(options.color, options.unicode);
    size_t counts[4] = {0, 0, 0, 0};
    size_t with_expect = 0, met = 0;
    for (const auto& r : results) {
        ++counts[static_cast<size_t>(r.verdict)];
        if (r.expected) {
            ++with_expect;
            if (r.expectation_met && r.verdict != Verdict::Error) ++met;
        }
    }
    std::vector<std::string> parts;
    const char* names[4] = {"verified", "no bug within bounds", "bug", "error"};
    for (size_t i = 0; i < 4; ++i)
        if (counts[i]) parts.push_back(fmt::format("{} {}", counts[i], names[i]));
    std::string out = fmt::format("checked {} scenario{}: {}", results.size(), results.size() == 1 ? "" : "s", join(parts, ", "));
    if (with_expect) {
        out += fmt::format("; expectations: {} ok", met);
        if (met != with_expect) out += ", " + style.paint(fmt::format("{} MISMATCH", with_expect - met), Tone::BoldRed);
    }
    out += '\n';
    return out;
}

std::string render_text(const std::vector<ScenarioResult>& results, const TextOptions& options) {
    std::string out;
    for (const auto& r : results) out += render_scenario_text(r, options);
    if (results.size() > 1) out += '\n' + render_summary_text(results, options);
    return out;
}

}  // namespace lockstep::reports
