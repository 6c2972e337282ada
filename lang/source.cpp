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

SourceFile SourceFile::package(std::string path, const std::vector<std::pair<std::string, std::string>>& files,
                               const std::vector<std::string>& import_paths) {
    std::string text;
    std::vector<Segment> segments;
    uint32_t line = 1;
    for (size_t i = 0; i < files.size(); ++i) {
        const auto& [file, body] = files[i];
        segments.push_back({line, file, i < import_paths.size() ? import_paths[i] : std::string()});
        text += body;
        if (text.empty() || text.back() != '\n') text += '\n';
        line = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    }
    SourceFile source(std::move(path), std::move(text));
    source.m_segments = std::move(segments);
    return source;
}

FileLine SourceFile::file_line(uint32_t line) const {
    if (m_segments.empty() || line == 0) return {m_path, line};
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), line,
                               [](uint32_t l, const Segment& s) { return l < s.first_line; });
    if (it == m_segments.begin()) return {m_path, line};
    --it;
    return {it->path, line - it->first_line + 1};
}

const std::string& SourceFile::import_path(uint32_t line) const {
    static const std::string none;
    const Segment* found = nullptr;
    for (const auto& s : m_segments)
        if (s.first_line <= line) found = &s;
    return found ? found->import_path : none;
}

std::string SourceFile::where_line(uint32_t line) const {
    FileLine fl = file_line(line);
    return fl.path + ":" + std::to_string(fl.line);
}

std::string SourceFile::where(Pos pos) const { return where_line(pos.line) + ":" + std::to_string(pos.col); }

bool SourceFile::starts_file(uint32_t line, uint32_t since) const {
    // The segment of a line: the last one starting at or before it.
    auto segment = [&](uint32_t l) {
        size_t s = 0;
        for (size_t i = 1; i < m_segments.size(); ++i)
            if (m_segments[i].first_line <= l) s = i;
        return s;
    };
    return !m_segments.empty() && segment(line) > segment(since);
}

Pos SourceFile::pos_of(size_t offset) const {
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    size_t line = static_cast<size_t>(it - m_line_starts.begin());
    return Pos{static_cast<uint32_t>(line), static_cast<uint32_t>(offset - m_line_starts[line - 1] + 1)};
}

}  // namespace lockstep::lang
