// Progress drawing with a carriage return and "erase to end of line".
#include "cli/driver/progress_line.hpp"

#include <ostream>

#include <fmt/format.h>

namespace lockstep::cli {

namespace {
// Short runs finish before a progress line would help; drawing one would only flicker.
constexpr double show_after_seconds = 0.5;
}  // namespace

ProgressLine::ProgressLine(std::ostream& err, std::string label, size_t width)
    : m_err(err), m_label(std::move(label)), m_width(width) {}

ProgressLine::~ProgressLine() { clear(); }

std::string ProgressLine::format_line(std::string_view label, const checker::Stats& stats, size_t bugs_found, size_t width) {
    double rate = stats.seconds > 0 ? static_cast<double>(stats.executions) / stats.seconds : 0;
    std::string line = fmt::format("{}: {} executions ({:.0f}/s), {:.1f}s", label, stats.executions, rate, stats.seconds);
    if (bugs_found) line += fmt::format(", {} bug{}", bugs_found, bugs_found == 1 ? "" : "s");
    if (width > 1 && line.size() > width - 1) line = "..." + line.substr(line.size() - (width - 4));
    return line;
}

void ProgressLine::progress(const checker::Stats& stats, size_t bugs_found) {
    if (stats.seconds < show_after_seconds) return;
    m_err << '\r' << format_line(m_label, stats, bugs_found, m_width) << "\x1b[K" << std::flush;
    m_drawn = true;
}

void ProgressLine::clear() {
    if (!m_drawn) return;
    m_err << "\r\x1b[K" << std::flush;
    m_drawn = false;
}

}  // namespace lockstep::cli
