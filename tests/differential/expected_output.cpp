// Reading a scenario's Output block and comparing stdout with it as `go test` does for
// examples.
#include "expected_output.hpp"

#include <algorithm>
#include <vector>

namespace lockstep::differential {

namespace {

std::vector<std::string> lines_of(std::string_view s) {
    std::vector<std::string> lines;
    size_t p = 0;
    while (p <= s.size()) {
        size_t nl = s.find('\n', p);
        if (nl == std::string_view::npos) nl = s.size();
        std::string line(s.substr(p, nl - p));
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
        lines.push_back(std::move(line));
        p = nl + 1;
    }
    return lines;
}

std::string_view trim_left(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

// Lines without leading and trailing blank lines, optionally sorted.
std::vector<std::string> canonical(std::string_view text, bool sorted) {
    auto lines = lines_of(text);
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return !l.empty(); });
    lines.erase(lines.begin(), first);
    if (sorted) std::sort(lines.begin(), lines.end());
    return lines;
}

}  // namespace

std::optional<ExpectedOutput> read_expected_output(std::string_view source) {
    std::optional<ExpectedOutput> found;
    auto lines = lines_of(source);
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view l = trim_left(lines[i]);
        bool ordered = l.substr(0, 10) == "// Output:";
        bool unordered = l.substr(0, 20) == "// Unordered output:";
        if (!ordered && !unordered) continue;
        ExpectedOutput e;
        e.unordered = unordered;
        std::string_view rest = trim_left(l.substr(ordered ? 10 : 20));
        std::string text(rest);
        size_t j = i + 1;
        for (; j < lines.size(); ++j) {
            std::string_view c = trim_left(lines[j]);
            if (c.substr(0, 2) != "//") break;
            c.remove_prefix(2);
            if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
            text += "\n";
            text += c;
        }
        e.text = text;
        found = e;
        i = j - 1;
    }
    return found;
}

bool output_matches(const ExpectedOutput& expected, std::string_view got) {
    return canonical(expected.text, expected.unordered) == canonical(got, expected.unordered);
}

}  // namespace lockstep::differential
