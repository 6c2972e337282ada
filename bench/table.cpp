// The benchmark table's layout and the formatting of its figures.
#include "table.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

namespace lockstep::bench {

void Table::print(std::ostream& out) const {
    std::vector<size_t> widths;
    for (const auto& row : m_rows)
        for (size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            // Column widths count code points: the dash for "none" is one column.
            size_t w = 0;
            for (unsigned char c : row[i]) w += (c & 0xC0) != 0x80;
            widths[i] = std::max(widths[i], w);
        }
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (size_t i = 0; i < row.size(); ++i) {
            size_t w = 0;
            for (unsigned char c : row[i]) w += (c & 0xC0) != 0x80;
            // The first column is a name: left-aligned; the others are figures.
            if (i == 0) text += row[i] + std::string(widths[i] - w, ' ');
            else text += "  " + std::string(widths[i] - w, ' ') + row[i];
        }
        out << text << '\n';
    };
    line(m_rows.front());
    size_t total = 0;
    for (size_t w : widths) total += w + 2;
    out << std::string(total - 2, '-') << '\n';
    for (size_t r = 1; r < m_rows.size(); ++r) line(m_rows[r]);
}

std::string count(uint64_t n) { return std::to_string(n); }

std::string seconds(double s) { return s < 10 ? fmt::format("{:.3f}", s) : fmt::format("{:.1f}", s); }

std::string rate(double per_second) {
    if (per_second >= 1e6) return fmt::format("{:.2f}M", per_second / 1e6);
    if (per_second >= 1e3) return fmt::format("{:.1f}k", per_second / 1e3);
    return fmt::format("{:.0f}", per_second);
}

std::string ratio(double r) { return fmt::format("{:.2f}", r); }

}  // namespace lockstep::bench
