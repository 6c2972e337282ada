// ANSI escape codes and width arithmetic for the text report.
#include "reports/style.hpp"

namespace lockstep::reports {

namespace {
std::string_view escape_of(Tone tone) {
    switch (tone) {
    case Tone::Plain: return "";
    case Tone::Bold: return "\x1b[1m";
    case Tone::Red: return "\x1b[31m";
    case Tone::Yellow: return "\x1b[33m";
    case Tone::Cyan: return "\x1b[36m";
    case Tone::Green: return "\x1b[32m";
    case Tone::Dim: return "\x1b[2m";
    case Tone::BoldRed: return "\x1b[1;31m";
    case Tone::BoldYellow: return "\x1b[1;33m";
    case Tone::BoldCyan: return "\x1b[1;36m";
    case Tone::BoldGreen: return "\x1b[1;32m";
    }
    return "";
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string Style::paint(std::string_view text, Tone tone) const {
    std::string_view esc = escape_of(tone);
    if (!m_color || esc.empty() || text.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size() + esc.size() + 4);
    out += esc;
    out += text;
    out += "\x1b[0m";
    return out;
}

Tone Style::severity_tone(checker::Severity s, bool bold) {
    switch (s) {
    case checker::Severity::Error: return bold ? Tone::BoldRed : Tone::Red;
    case checker::Severity::Warning: return bold ? Tone::BoldYellow : Tone::Yellow;
    case checker::Severity::Note: return bold ? Tone::BoldCyan : Tone::Cyan;
    }
    return Tone::Plain;
}

size_t display_width(std::string_view text) {
    size_t n = 0;
    for (char c : text)
        if (!is_continuation(c)) ++n;
    return n;
}

std::string truncate_to(std::string_view text, size_t width, std::string_view ellipsis) {
    if (display_width(text) <= width) return std::string(text);
    size_t ell = display_width(ellipsis);
    if (width <= ell) return std::string(ellipsis.substr(0, width));
    size_t keep = width - ell, cols = 0, i = 0;
    for (; i < text.size(); ++i) {
        if (!is_continuation(text[i])) {
            if (cols == keep) break;
            ++cols;
        }
    }
    std::string out(text.substr(0, i));
    out += ellipsis;
    return out;
}

std::string pad_to(std::string_view text, size_t width) {
    std::string out(text);
    for (size_t w = display_width(text); w < width; ++w) out += ' ';
    return out;
}

std::string_view base_name(std::string_view path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace lockstep::reports
