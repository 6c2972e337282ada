// Go-style duration parsing: a sequence of decimal numbers each followed by a unit.
#include "cli/driver/duration.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace lockstep::cli {

namespace {
constexpr std::array<std::pair<std::string_view, double>, 7> units = {{
    {"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3}, {"s", 1.0}, {"m", 60.0}, {"h", 3600.0},
}};
}

std::variant<double, std::string> parse_duration(std::string_view text) {
    auto bad = [&](std::string_view why) {
        return std::string("invalid duration \"") + std::string(text) + "\": " + std::string(why) +
               " (examples: 500ms, 30s, 2m, 1h, 1m30s)";
    };
    if (text.empty()) return bad("empty");
    if (text[0] == '-') return bad("must be positive");
    if (text[0] == '+') text.remove_prefix(1);
    double total = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
        if (i == start) return bad("expected a number");
        std::string number(text.substr(start, i - start));
        char* end = nullptr;
        double value = std::strtod(number.c_str(), &end);
        if (!end || *end != '\0' || number == ".") return bad("malformed number");
        size_t unit_start = i;
        while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '.') ++i;
        std::string_view unit = text.substr(unit_start, i - unit_start);
        if (unit.empty()) return bad("missing unit");
        double scale = 0;
        for (const auto& [name, s] : units)
            if (name == unit) scale = s;
        if (scale == 0) return bad("unknown unit \"" + std::string(unit) + "\"");
        total += value * scale;
    }
    if (total <= 0) return bad("must be positive");
    return total;
}

}  // namespace lockstep::cli
