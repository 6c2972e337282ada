// What the driver needs to know about the terminal: whether to color, the width, and
// whether a stream is interactive (for progress lines).
#pragma once

#include <cstdio>

#include "cli/driver/settings.hpp"

namespace lockstep::cli {

bool is_terminal(std::FILE* stream);
// --color always/never win; under auto, color only on a terminal and without NO_COLOR
// (https://no-color.org: any non-empty value disables color).
bool use_color(ColorMode mode, bool to_terminal);
// $COLUMNS or the terminal's width, clamped to a readable range; 100 when unknown.
size_t terminal_width(std::FILE* stream);
// UTF-8 glyphs when the locale says UTF-8 or color is on (a modern terminal).
bool use_unicode(bool color);

}  // namespace lockstep::cli
