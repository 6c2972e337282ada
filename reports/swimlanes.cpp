// Swimlane layout of a trace. Widths are computed from the rows actually shown so short
// traces stay compact; lanes are capped so four goroutines still fit in 100 columns.
#include "reports/swimlanes.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace lockstep::reports {

using checker::GoroutineRef;
using checker::TraceStep;

std::string lane_header(uint32_t id, std::string_view name) {
    constexpr std::string_view pkg = "main.";
    if (name.size() > pkg.size() && name.substr(0, pkg.size()) == pkg) name.remove_prefix(pkg.size());
    if (name.empty()) return fmt::format("G{}", id);
    return fmt::format("G{} {}", id, name);
}

namespace {

std::string cell_text(const TraceStep& s) {
    std::string cell = s.op;
    if (s.object && !s.object->empty()) cell += " " + *s.object;
    if (s.value && !s.value->empty()) cell += " = " + *s.value;
    return cell;
}

// `file:line`, or just the line when the header already names the one file.
std::string location_text(const TraceStep& s, bool line_only) {
    if (s.location.file.empty() || s.location.line == 0) return "";
    if (line_only) return fmt::format("{}", s.location.line);
    return fmt::format("{}:{}", base_name(s.location.file), s.location.line);
}

std::string clean_source(std::string_view src) {
    std::string out;
    for (char c : src) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

}  // namespace

std::vector<bool> rows_to_show(const std::vector<TraceStep>& trace, size_t max_rows) {
    size_t n = trace.size();
    std::vector<bool> keep(n, max_rows == 0 || n <= max_rows);
    if (max_rows == 0 || n <= max_rows) return keep;
    constexpr size_t edge = 3, around = 2;
    for (size_t i = 0; i < n; ++i) {
        if (i < edge || i + edge >= n) keep[i] = true;
        if (trace[i].decisive) {
            size_t lo = i >= around ? i - around : 0;
            for (size_t j = lo; j <= std::min(n - 1, i + around); ++j) keep[j] = true;
        }
    }
    // A gap of a single step costs as much as the "... 1 step ..." line that replaces it.
    for (size_t i = 1; i + 1 < n; ++i)
        if (!keep[i] && keep[i - 1] && keep[i + 1]) keep[i] = true;
    return keep;
}

namespace {

// Too many lanes for the width (--full-trace of a thousand goroutines): one column names
// the goroutine of each row instead.
std::string render_step_list(const std::vector<TraceStep>& trace, const std::vector<bool>& keep, const Style& style,
                             const SwimlaneOptions& options) {
    constexpr size_t step_w = 6, who_w = 6, op_w = 24;
    std::string out;
    auto clip = [&](std::string line) {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        return truncate_to(line, options.width, style.ellipsis()) + "\n";
    };
    out += clip(options.indent + "  " + pad_to("step", step_w) + "  " + pad_to("G", who_w) + "  " + pad_to("operation", op_w) + "  where");
    for (size_t i = 0; i < trace.size();) {
        if (!keep[i]) {
            size_t j = i;
            while (j < trace.size() && !keep[j]) ++j;
            out += style.paint(clip(fmt::format("{}  {:>{}}  ... {} step{} ...", options.indent, "", step_w, j - i, j - i == 1 ? "" : "s")), Tone::Dim);
            i = j;
            continue;
        }
        const TraceStep& s = trace[i];
        std::string marker = s.decisive ? std::string(style.marker()) : std::string();
        std::string row = options.indent + pad_to(marker, 2) + fmt::format("{:>{}}", s.step, step_w) + "  " + pad_to(fmt::format("G{}", s.goroutine), who_w) + "  " +
                          pad_to(truncate_to(cell_text(s), op_w, style.ellipsis()), op_w) + "  " + location_text(s, false) + "  " + clean_source(s.source);
        out += clip(row);
        if (s.decisive && !s.note.empty()) out += style.paint(clip(options.indent + std::string(2 + step_w + 2 + who_w + 2, ' ') + std::string(style.arrow_left()) + " " + s.note), Tone::Yellow);
        ++i;
    }
    return out;
}

}  // namespace

std::string render_swimlanes(const std::vector<TraceStep>& trace, const std::vector<GoroutineRef>& goroutines,
                             const Style& style, const SwimlaneOptions& options) {
    // Lanes: every goroutine involved in the bug or acting in the trace, by id.
    std::vector<uint32_t> ids;
    for (const auto& g : goroutines) ids.push_back(g.id);
    for (const auto& s : trace) ids.push_back(s.goroutine);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto lane_of = [&](uint32_t id) { return static_cast<size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin()); };
    auto name_of = [&](uint32_t id) -> std::string_view {
        for (const auto& g : goroutines)
            if (g.id == id) return g.name;
        return "";
    };

    std::vector<bool> keep = rows_to_show(trace, options.max_rows);
    if (options.indent.size() + 8 + ids.size() * 12 > options.width) return render_step_list(trace, keep, style, options);

    // Column widths. Lanes keep their natural width (capped) so operations stay whole; the
    // "where" column (file:line and source) goes on the same row when it fits in the
    // terminal, and on a line of its own under the row otherwise.
    constexpr size_t marker_w = 2, step_w = 4, gap = 2, min_lane = 10, max_lane = 24, min_source = 14;
    size_t fixed = options.indent.size() + marker_w + step_w + gap;
    size_t loc_w = 0;
    std::vector<size_t> lane_w(ids.size(), 0);
    for (size_t l = 0; l < ids.size(); ++l) lane_w[l] = display_width(lane_header(ids[l], name_of(ids[l])));
    for (size_t i = 0; i < trace.size(); ++i) {
        if (!keep[i]) continue;
        size_t l = lane_of(trace[i].goroutine);
        lane_w[l] = std::max(lane_w[l], display_width(cell_text(trace[i])));
        loc_w = std::max(loc_w, display_width(location_text(trace[i], false)));
    }
    size_t lanes_total = 0;
    for (auto& w : lane_w) {
        w = std::min(w, max_lane);
        lanes_total += w + gap;
    }
    // A scenario is one file: when every row is in it and `file:line` does not fit, the
    // header names the file and rows show the line alone.
    std::string where_header = "where";
    bool line_only = false;
    bool inline_where = fixed + lanes_total + loc_w + gap + min_source <= options.width;
    if (!inline_where && !trace.empty()) {
        std::string_view file = trace.front().location.file;
        bool one_file = std::all_of(trace.begin(), trace.end(), [&](const TraceStep& s) { return s.location.file == file; });
        size_t line_w = 0;
        for (const auto& s : trace) line_w = std::max(line_w, location_text(s, true).size());
        if (one_file && fixed + lanes_total + std::max<size_t>(line_w, 4) + gap + min_source <= options.width) {
            line_only = inline_where = true;
            loc_w = std::max<size_t>(line_w, 4);
            where_header = fmt::format("line  {}", base_name(file));
        }
    }
    if (!inline_where) {
        // Stacked: lanes may use the whole width, shrinking evenly if they must.
        while (fixed + lanes_total > options.width) {
            auto widest = std::max_element(lane_w.begin(), lane_w.end());
            if (widest == lane_w.end() || *widest <= min_lane) break;
            --*widest;
            --lanes_total;
        }
    }
    size_t where_col = inline_where ? fixed + lanes_total : fixed;
    size_t source_w = options.width > where_col + loc_w + gap + min_source ? options.width - where_col - loc_w - gap : min_source;

    std::string out;
    std::string_view ell = style.ellipsis();
    // The marker is painted separately so escape codes do not count towards its width.
    auto line_start = [&](std::string_view marker) {
        out += options.indent;
        if (!marker.empty()) out += style.paint(marker, Tone::BoldRed);
        out += std::string(marker_w - std::min(marker_w, display_width(marker)), ' ');
    };
    auto rule = [&](size_t w) {
        std::string r;
        for (size_t i = 0; i < w; ++i) r += style.rule();
        return r;
    };
    auto trim_right = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
    };

    // Header and rule.
    line_start("");
    out += style.paint(pad_to("step", step_w), Tone::Bold);
    out += std::string(gap, ' ');
    for (size_t l = 0; l < ids.size(); ++l) {
        std::string h = truncate_to(lane_header(ids[l], name_of(ids[l])), lane_w[l], ell);
        out += style.paint(h, Tone::Bold) + std::string(lane_w[l] - display_width(h) + gap, ' ');
    }
    if (inline_where) {
        size_t room = options.width > where_col ? options.width - where_col : 4;
        out += style.paint(truncate_to(where_header, std::max<size_t>(room, 4), ell), Tone::Bold);
    }
    trim_right();
    out += '\n';
    line_start("");
    out += style.paint(rule(step_w), Tone::Dim) + std::string(gap, ' ');
    for (size_t l = 0; l < ids.size(); ++l) out += style.paint(rule(lane_w[l]), Tone::Dim) + std::string(gap, ' ');
    if (inline_where) out += style.paint(rule(std::min<size_t>(loc_w + gap + source_w, 30)), Tone::Dim);
    trim_right();
    out += '\n';

    auto lane_column = [&](size_t lane) {
        size_t col = fixed;
        for (size_t l = 0; l < lane; ++l) col += lane_w[l] + gap;
        return col;
    };

    for (size_t i = 0; i < trace.size();) {
        if (!keep[i]) {
            size_t j = i;
            while (j < trace.size() && !keep[j]) ++j;
            size_t skipped = j - i;
            line_start("");
            out += style.paint(fmt::format("{:>{}}  ... {} step{} ...", "", step_w, skipped, skipped == 1 ? "" : "s"), Tone::Dim);
            out += '\n';
            i = j;
            continue;
        }
        const TraceStep& s = trace[i];
        size_t lane = lane_of(s.goroutine);
        line_start(s.decisive ? style.marker() : std::string_view());
        out += fmt::format("{:>{}}", s.step, step_w) + std::string(gap, ' ');
        for (size_t l = 0; l < ids.size(); ++l) {
            if (l == lane) {
                std::string cell = truncate_to(cell_text(s), lane_w[l], ell);
                size_t pad = lane_w[l] - display_width(cell) + gap;
                out += (s.decisive ? style.paint(cell, Tone::Bold) : cell) + std::string(pad, ' ');
            } else {
                out += std::string(lane_w[l] + gap, ' ');
            }
        }
        std::string where = location_text(s, line_only);
        if (!inline_where) {
            // On its own line, aligned for every row so the lanes stay easy to scan.
            trim_right();
            out += '\n' + std::string(where_col, ' ');
        }
        out += style.paint(line_only ? fmt::format("{:>{}}", where, loc_w) : pad_to(where, loc_w), Tone::Dim) + std::string(gap, ' ');
        out += truncate_to(clean_source(s.source), source_w, ell);
        trim_right();
        out += '\n';
        if (s.decisive && !s.note.empty()) {
            // Under the operation when it fits, else pulled left to stay in the width.
            std::string note = fmt::format("{} {}", style.arrow_left(), s.note);
            size_t col = lane_column(lane), w = display_width(note);
            if (col + w > options.width) col = options.width > fixed + w ? options.width - w : fixed;
            out += std::string(col, ' ');
            out += style.paint(note, Tone::Yellow);
            out += '\n';
        }
        ++i;
    }
    return out;
}

}  // namespace lockstep::reports
