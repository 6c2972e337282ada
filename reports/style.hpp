// Terminal styling for text reports: ANSI colors when enabled, the glyph set (UTF-8 or
// pure ASCII), and display-width helpers that count code points rather than bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "checker/result.hpp"

namespace lockstep::reports {

enum class Tone : uint8_t { Plain, Bold, Red, Yellow, Cyan, Green, Dim, BoldRed, BoldYellow, BoldCyan, BoldGreen };

class Style {
public:
    Style(bool color, bool unicode) : m_color(color), m_unicode(unicode) {}

    // `text` wrapped in the tone's escape codes, or unchanged when color is off.
    std::string paint(std::string_view text, Tone tone) const;
    static Tone severity_tone(checker::Severity s, bool bold);

    bool unicode() const { return m_unicode; }
    // Glyphs, with their ASCII fallbacks.
    std::string_view marker() const { return m_unicode ? "▶" : ">>"; }
    std::string_view arrow_left() const { return m_unicode ? "←" : "<-"; }
    std::string_view arrow_right() const { return m_unicode ? "→" : "->"; }
    std::string_view ellipsis() const { return m_unicode ? "…" : "~"; }
    std::string_view rule() const { return m_unicode ? "─" : "-"; }
    std::string_view vbar() const { return m_unicode ? "│" : "|"; }

private:
    bool m_color;
    bool m_unicode;
};

// Width on a terminal: code points, since everything we print is narrow (no CJK in Go
// identifiers of the scenarios we render, and the glyphs above are one column).
size_t display_width(std::string_view text);
// At most `width` columns of `text`; ends in `ellipsis` when something was cut.
std::string truncate_to(std::string_view text, size_t width, std::string_view ellipsis);
// `text` padded with spaces on the right to `width` columns.
std::string pad_to(std::string_view text, size_t width);
// The last path component ("unsafe_counter.go"), as shown in trace rows.
std::string_view base_name(std::string_view path);

}  // namespace lockstep::reports
