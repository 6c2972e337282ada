// HTML markup of the report model: per scenario its verdict, per bug its swimlanes.
#include "reports/html_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "checker/bug_text.hpp"
#include "reports/html_page.hpp"
#include "reports/report_model.hpp"
#include "reports/style.hpp"
#include "reports/swimlanes.hpp"
#include "reports/text_report.hpp"

namespace lockstep::reports {

using checker::Bug;
using checker::ScenarioResult;
using checker::TraceStep;

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

std::string loc_text(const checker::Location& l) {
    if (l.file.empty()) return "";
    if (l.line == 0) return l.file;
    return l.column ? fmt::format("{}:{}:{}", l.file, l.line, l.column) : fmt::format("{}:{}", l.file, l.line);
}

std::string op_text(const TraceStep& s) {
    std::string t = s.op;
    if (s.object && !s.object->empty()) t += " " + *s.object;
    if (s.value && !s.value->empty()) t += " = " + *s.value;
    return t;
}

std::string step_title(const TraceStep& s) {
    return fmt::format("{}:{}: {}", base_name(s.location.file), s.location.line, s.source);
}

void render_lanes(std::string& out, const Bug& bug, const BugView& view, const HtmlOptions& options) {
    const size_t n = view.lanes.size();
    out += fmt::format("<div class=\"lanes\" data-lanes=\"{}\" style=\"grid-template-columns: 4.5em repeat({}, minmax(11em, 1fr))\">\n", n, n);
    out += "<div class=\"lane-head step-no\">step</div>";
    for (const Lane& l : view.lanes) {
        out += fmt::format("<div class=\"lane-head\" data-goroutine=\"{}\">{}", l.ref.id, html_escape(lane_header(l.ref.id, l.ref.name)));
        if (l.ref.created_at) out += fmt::format("<small>created at {}:{}</small>", html_escape(base_name(l.ref.created_at->file)), l.ref.created_at->line);
        else if (l.ref.id == 1) out += "<small>main goroutine</small>";
        out += "</div>";
    }
    out += "\n";
    std::vector<TraceStep> rows;
    for (size_t i : view.rows) rows.push_back(bug.trace[i]);
    std::vector<bool> keep = rows_to_show(rows, options.max_rows);
    for (size_t r = 0; r < rows.size();) {
        if (!keep[r]) {
            size_t j = r;
            while (j < rows.size() && !keep[j]) ++j;
            out += fmt::format("<div class=\"elided\">… {} step{} of these goroutines not shown …</div>\n", j - r, j - r == 1 ? "" : "s");
            r = j;
            continue;
        }
        const TraceStep& s = rows[r];
        out += fmt::format("<div class=\"step-no\">{}</div>", s.step);
        for (const Lane& l : view.lanes) {
            if (l.ref.id != s.goroutine) {
                out += "<div class=\"cell\"></div>";
                continue;
            }
            out += fmt::format("<div class=\"cell\"><div class=\"op{}\" data-step=\"{}\" data-goroutine=\"{}\" title=\"{}\">{}", s.decisive ? " decisive" : "",
                               s.step, s.goroutine, html_escape(step_title(s)), html_escape(op_text(s)));
            if (s.decisive && !s.note.empty()) out += fmt::format("<span class=\"note\">← {}</span>", html_escape(s.note));
            out += "</div></div>";
        }
        out += "\n";
        ++r;
    }
    out += "</div>\n";
    out += "<div class=\"src-panel\" aria-live=\"polite\">Click a step to see its source line (hover shows it too).</div>\n";
}

void render_folded(std::string& out, const Bug& bug, const BugView& view, const HtmlOptions& options) {
    for (const FoldedGroup& g : view.folded) {
        out += fmt::format("<details class=\"folded\" data-goroutines=\"{}\"><summary>{}</summary>\n<table>", g.ids.size(), html_escape(folded_summary(g, "…", "–")));
        size_t listed = 0, total = 0;
        for (const TraceStep& s : bug.trace) {
            if (!std::binary_search(g.ids.begin(), g.ids.end(), s.goroutine)) continue;
            ++total;
            if (listed >= options.max_folded_rows) continue;
            ++listed;
            out += fmt::format("<tr><td>{}</td><td>G{}</td><td class=\"op-text\">{}</td><td class=\"where\">{}</td></tr>", s.step, s.goroutine,
                               html_escape(op_text(s)), html_escape(step_title(s)));
        }
        if (listed < total)
            out += fmt::format("<tr><td colspan=\"4\">… {} more steps (--full-trace shows every goroutine's lane, --save-trace writes them all)</td></tr>",
                               total - listed);
        out += "</table></details>\n";
    }
}

void render_bug(std::string& out, const Bug& bug, const ScenarioResult& r, size_t index, const HtmlOptions& options) {
    std::string_view kind = checker::bug_kind_id(bug.kind());
    std::string_view sev = checker::severity_name(bug.severity);
    out += fmt::format("<article class=\"bug\" id=\"bug-{}\" data-kind=\"{}\">\n", index, kind);
    out += fmt::format("<h3><span class=\"sev sev-{}\">{}</span>{}</h3>\n", sev, sev, html_escape(bug.message.empty() ? std::string(kind) : bug.message));
    if (!bug.location.file.empty()) out += fmt::format("<div class=\"where\">{}</div>\n", html_escape(loc_text(bug.location)));
    if (!bug.details.empty()) out += fmt::format("<div class=\"details\">{}</div>\n", html_escape(bug.details));
    if (!bug.trace.empty()) {
        BugView view = make_bug_view(bug, options.full_trace);
        out += fmt::format("<p>Counterexample: {} steps.</p>\n", bug.trace.size());
        render_lanes(out, bug, view, options);
        render_folded(out, bug, view, options);
        out += "<div>Output:</div>";
        out += fmt::format("<div class=\"output\">{}</div>\n", bug.output.empty() ? std::string("(none)") : html_escape(bug.output));
    }
    if (!bug.schedule.empty())
        out += fmt::format("<p class=\"replay\">Replay: <code>{}</code></p>\n", html_escape(replay_command(r.file, r.entry, bug.schedule)));
    out += fmt::format("<p class=\"help\"><b>help:</b> {}</p>\n", html_escape(checker::bug_help(bug)));
    out += "</article>\n";
}

std::string verdict_html(const ScenarioResult& r) {
    std::string v(checker::verdict_name(r.verdict));
    std::string text = v == "bounded" ? "no bug within bounds" : v;
    if (r.verdict == checker::Verdict::Bug) {
        std::string kinds;
        for (const auto& k : found_kind_ids(r)) kinds += (kinds.empty() ? "" : ", ") + k;
        text += ": " + kinds;
    }
    return fmt::format("<span class=\"verdict verdict-{}\">{}</span>", v, html_escape(text));
}

}  // namespace

std::string render_html(const std::vector<ScenarioResult>& results, const HtmlOptions& options, std::string_view version) {
    size_t bugs = 0;
    for (const auto& r : results) bugs += r.bugs.size();
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // Nothing may come from elsewhere: no network, no external script, style or font.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n";
    out += "<link rel=\"icon\" href=\"data:,\">\n";
    out += fmt::format("<title>lockstep report: {} bug{}</title>\n", bugs, bugs == 1 ? "" : "s");
    out += "<style>";
    out += html_style();
    out += "</style>\n</head>\n<body>\n";
    out += fmt::format("<header><h1>lockstep report</h1><span class=\"summary\">{}</span>"
                       "<button id=\"theme-toggle\" type=\"button\">light / dark</button></header>\n",
                       html_escape(render_summary_text(results, TextOptions{})));
    size_t index = 0;
    for (const auto& r : results) {
        out += fmt::format("<section class=\"scenario\" data-file=\"{}\">\n<h2><code>{}</code>{}: {}</h2>\n", html_escape(r.file), html_escape(r.file),
                           r.entry.empty() || r.entry == "main" ? std::string() : " (" + html_escape(r.entry) + ")", verdict_html(r));
        if (r.verdict == checker::Verdict::Bounded && r.stats.bound) out += fmt::format("<p class=\"bound\">{}</p>\n", html_escape(bound_explanation(r.stats)));
        if (r.verdict == checker::Verdict::Error) out += fmt::format("<pre class=\"details\">{}</pre>\n", html_escape(r.error));
        for (const auto& bug : r.bugs) render_bug(out, bug, r, ++index, options);
        out += "</section>\n";
    }
    out += fmt::format("<footer class=\"where\">lockstep {}</footer>\n", html_escape(version));
    out += "<script>";
    out += html_script();
    out += "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace lockstep::reports
