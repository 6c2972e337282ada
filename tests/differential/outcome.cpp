// The normalized outcome both sides of the differential test are compared in, and the bug
// kinds each of real Go's crash messages corresponds to.
#include "outcome.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace lockstep::differential {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_crash_start(std::string_view s) { return starts_with(s, "panic: ") || starts_with(s, "fatal error: "); }

// The position of the last line-start crash message, or npos.
size_t crash_start(std::string_view s) {
    size_t found = std::string_view::npos;
    size_t p = 0;
    while (true) {
        if (is_crash_start(s.substr(p))) found = p;
        size_t nl = s.find('\n', p);
        if (nl == std::string_view::npos) return found;
        p = nl + 1;
    }
}

std::string without_addresses(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (s[i] == '0' && i + 1 < s.size() && s[i + 1] == 'x') {
            size_t j = i + 2;
            while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
            if (j - (i + 2) >= 6) {
                out += "0x?";
                i = j;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace

std::string go_crash_line(std::string_view err) {
    size_t p = 0;
    while (p < err.size()) {
        size_t nl = err.find('\n', p);
        std::string_view line = err.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
        if (is_crash_start(line)) return std::string(line);
        if (nl == std::string_view::npos) break;
        p = nl + 1;
    }
    return {};
}

std::string normalize_outcome(std::string_view outcome) {
    size_t start = crash_start(outcome);
    if (start == std::string_view::npos) return std::string(outcome);
    std::string_view crash = outcome.substr(start);
    crash = crash.substr(0, crash.find('\n'));
    constexpr std::string_view recovered = " [recovered]";
    if (crash.size() >= recovered.size() && crash.substr(crash.size() - recovered.size()) == recovered)
        crash.remove_suffix(recovered.size());
    return std::string(outcome.substr(0, start)) + without_addresses(crash);
}

std::string go_outcome(std::string_view stdout_text, std::string_view stderr_text) {
    return normalize_outcome(std::string(stdout_text) + go_crash_line(stderr_text));
}

std::string crash_of(std::string_view normalized) {
    size_t start = crash_start(normalized);
    return start == std::string_view::npos ? std::string() : std::string(normalized.substr(start));
}

std::string lines_sorted(std::string_view normalized) {
    std::string crash = crash_of(normalized);
    std::string_view out = normalized.substr(0, normalized.size() - crash.size());
    std::vector<std::string> lines;
    size_t p = 0;
    while (p < out.size()) {
        size_t nl = out.find('\n', p);
        size_t end = nl == std::string_view::npos ? out.size() : nl + 1;
        lines.emplace_back(out.substr(p, end - p));
        p = end;
    }
    // A last line without its newline sorts as if it had one (it may be the one that
    // moved).
    if (!lines.empty() && lines.back().back() != '\n') lines.back() += '\n';
    std::sort(lines.begin(), lines.end());
    std::string sorted;
    for (const auto& l : lines) sorted += l;
    return sorted + crash;
}

std::vector<std::string> kinds_for_crash(std::string_view crash) {
    if (crash.empty()) return {};
    // Go reports a goroutine blocked on a lock it holds itself as a deadlock; lockstep
    // names the cause.
    if (crash == "fatal error: all goroutines are asleep - deadlock!") return {"deadlock", "recursive-lock"};
    if (starts_with(crash, "fatal error: sync: unlock of unlocked mutex") ||
        starts_with(crash, "fatal error: sync: Unlock of unlocked RWMutex") ||
        starts_with(crash, "fatal error: sync: RUnlock of unlocked RWMutex"))
        return {"unlock-of-unlocked"};
    if (starts_with(crash, "panic: sync: negative WaitGroup counter")) return {"negative-waitgroup"};
    if (starts_with(crash, "panic: sync: WaitGroup misuse") || starts_with(crash, "panic: sync: WaitGroup is reused"))
        return {"waitgroup-misuse"};
    if (starts_with(crash, "fatal error: concurrent map")) return {"concurrent-map-access"};
    return {"panic"};
}

std::vector<std::string> kinds_for_race(RaceIn where) {
    std::vector<std::string> kinds{"data-race", "lost-update", "concurrent-map-access"};
    if (where == RaceIn::WaitGroup) kinds.push_back("waitgroup-misuse");
    return kinds;
}

std::string literal(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

}  // namespace lockstep::differential
