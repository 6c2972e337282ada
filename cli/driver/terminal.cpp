// isatty, ioctl(TIOCGWINSZ) and the environment conventions (NO_COLOR, COLUMNS, LANG).
#include "cli/driver/terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace lockstep::cli {

bool is_terminal(std::FILE* stream) { return stream && ::isatty(::fileno(stream)) == 1; }

bool use_color(ColorMode mode, bool to_terminal) {
    if (mode == ColorMode::Always) return true;
    if (mode == ColorMode::Never) return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return to_terminal;
}

size_t terminal_width(std::FILE* stream) {
    size_t width = 100;
    if (const char* cols = std::getenv("COLUMNS")) {
        long n = std::strtol(cols, nullptr, 10);
        if (n > 0) width = static_cast<size_t>(n);
    } else if (is_terminal(stream)) {
        winsize ws{};
        if (::ioctl(::fileno(stream), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
    }
    return std::clamp<size_t>(width, 60, 160);
}

bool use_unicode(bool color) {
    if (color) return true;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) {
            std::string_view s(v);
            return s.find("UTF-8") != std::string_view::npos || s.find("utf8") != std::string_view::npos ||
                   s.find("UTF8") != std::string_view::npos || s.find("utf-8") != std::string_view::npos;
        }
    }
    return false;
}

}  // namespace lockstep::cli
