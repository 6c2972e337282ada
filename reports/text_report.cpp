// Text rendering of scenario results for a terminal or a log.
#include "reports/text_report.hpp"

#include <algorithm>

#include <fmt/format.h>

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

}  // namespace

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
    out += style.paint(head, Style::severity_tone(bug.severity, true));
    out += style.paint(": " + (bug.message.empty() ? std::string(kind) : bug.message), Tone::Bold);
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
            if (!line.empty()) out += wrap(line, lead, lead, options.width);
            i = j + 1;
        }
    }

    if (!bug.goroutines.empty()) {
        out += '\n';
        out += style.paint("  goroutines:", Tone::Bold) + '\n';
        for (const auto& g : bug.goroutines) {
            std::string line = fmt::format("    goroutine {} ({})", g.id, g.name.empty() ? "?" : g.name);
            if (g.created_at) line += " created at " + location_text(*g.created_at, true);
            out += line + '\n';
        }
    }

    if (!bug.trace.empty()) {
        out += '\n';
        out += style.paint(fmt::format("  counterexample ({} step{}):", bug.trace.size(), bug.trace.size() == 1 ? "" : "s"), Tone::Bold);
        out += '\n';
        SwimlaneOptions lanes;
        lanes.width = options.width;
        lanes.max_rows = options.max_trace_rows;
        // Lanes are named from the involved goroutines, then from every goroutine in the trace.
        std::vector<checker::GoroutineRef> named = bug.goroutines;
        for (const auto& ref : bug.lanes) {
            bool seen = false;
            for (const auto& g : named) seen |= g.id == ref.id;
            if (!seen) named.push_back(ref);
        }
        out += render_swimlanes(bug.trace, named, style, lanes);
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
            out += fmt::format("    {} {}\n", style.paint(style.vbar(), Tone::Dim), text.substr(i, j - i));
            i = j + 1;
        }
        if (text.back() != '\n') out += style.paint("    (no newline at end of output)", Tone::Dim) + '\n';
    }
    if (!bug.schedule.empty())
        out += style.paint("  replay:", Tone::Bold) + " " + replay_command(file, entry, bug.schedule) + '\n';
    std::string help(checker::bug_kind_help(bug.kind()));
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
        out += style.paint("verified", Tone::BoldGreen) + fmt::format(" ({})", run_figures(r));
        break;
    case Verdict::Bounded: {
        out += style.paint("no bug within bounds", Tone::BoldYellow);
        if (r.stats.bound) {
            std::string strategy = r.stats.strategy.empty() ? std::string() : r.stats.strategy + ", ";
            out += fmt::format(" ({}stopped by {} after {} execution{}, {:.2f}s)", strategy, *r.stats.bound, r.stats.executions,
                               r.stats.executions == 1 ? "" : "s", r.stats.seconds);
            if (!r.stats.bound_message.empty()) out += "\n  " + r.stats.bound_message;
        } else {
            out += fmt::format(" ({})", run_figures(r));
        }
        break;
    }
    case Verdict::Bug: {
        std::vector<std::string> kinds = found_kind_ids(r);
        out += style.paint("bug", Tone::BoldRed);
        if (!kinds.empty()) out += ": " + join(kinds, ", ");
        out += fmt::format(" ({})", run_figures(r));
        break;
    }
    case Verdict::Error:
        out += style.paint("error", Tone::BoldRed);
        if (!r.error.empty()) out += ": " + first_line(r.error);
        break;
    }
    // Warnings and notes do not make a verdict `bug`, but they were reported above.
    if ((r.verdict == Verdict::Verified || r.verdict == Verdict::Bounded) && !r.bugs.empty())
        out += "; reported: " + join(found_kind_ids(r), ", ");
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
