// Source files and their line tables.
#include "lang/source.hpp"

#include <algorithm>

namespace lockstep::lang {

SourceFile::SourceFile(std::string path, std::string text) : m_path(std::move(path)), m_text(std::move(text)) {
    m_line_starts.push_back(0);
    for (size_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

std::string_view SourceFile::line_text(uint32_t line) const {
    if (line == 0 || line > m_line_starts.size()) return {};
    size_t start = m_line_starts[line - 1];
    size_t end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
    std::string_view text(m_text.data() + start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    return text;
}

Pos SourceFile::pos_of(size_t offset) const {
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    size_t line = static_cast<size_t>(it - m_line_starts.begin());
    return Pos{static_cast<uint32_t>(line), static_cast<uint32_t>(offset - m_line_starts[line - 1] + 1)};
}

}  // namespace lockstep::lang
