// Schedule tokens: varints in base64url behind a version prefix (see schedule_token.hpp).
#include "checker/schedule_token.hpp"

#include <fmt/format.h>

namespace lockstep::checker {

namespace {
constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void put_varint(std::vector<uint8_t>& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<uint8_t>(v));
}

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

std::string to_text(std::string_view prefix, const std::vector<uint64_t>& values) {
    std::vector<uint8_t> bytes;
    for (uint64_t v : values) put_varint(bytes, v);
    std::string out(prefix);
    uint32_t acc = 0;
    int bits = 0;
    for (uint8_t b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(acc >> bits) & 63];
        }
        acc &= (1u << bits) - 1;
    }
    if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
    return out;
}

// The varints of the text after the version prefix.
std::optional<std::vector<uint64_t>> from_text(std::string_view body) {
    std::vector<uint8_t> bytes;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : body) {
        int v = b64_value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<uint8_t>(acc >> bits));
        }
        acc &= (1u << bits) - 1;
    }
    std::vector<uint64_t> out;
    uint64_t v = 0;
    int shift = 0;
    for (uint8_t b : bytes) {
        if (shift > 56) return std::nullopt;
        v |= static_cast<uint64_t>(b & 0x7f) << shift;
        if (b & 0x80) {
            shift += 7;
        } else {
            out.push_back(v);
            v = 0;
            shift = 0;
        }
    }
    if (shift != 0) return std::nullopt;
    return out;
}
}  // namespace

std::string encode_schedule(const std::vector<StepRecord>& steps) {
    std::vector<uint64_t> values;
    for (const auto& s : steps) {
        values.push_back(s.choice.g);
        if (s.alts > 1) values.push_back(s.choice.alt);
    }
    return to_text("1.", values);
}

std::optional<std::vector<uint64_t>> decode_schedule(std::string_view token) {
    if (token.substr(0, 2) != "1.") return std::nullopt;
    return from_text(token.substr(2));
}

Choice default_choice(const Execution& exec) {
    const auto& steps = exec.steps();
    if (!steps.empty() && exec.enabled(steps.back().choice.g)) return Choice{steps.back().choice.g, 0};
    return Choice{exec.enabled_list().front(), 0};
}

std::optional<ScheduleReader> ScheduleReader::open(std::string_view token, std::string& error) {
    ScheduleReader r;
    size_t dot = token.find('.');
    std::string_view version = dot == std::string_view::npos ? std::string_view() : token.substr(0, dot);
    if (version != "1" && version != "2") {
        if (dot == std::string_view::npos || version.empty())
            error = "malformed schedule token (expected \"2.\" followed by base64url, as a report prints it)";
        else
            error = fmt::format("schedule token of unknown version \"{}\" (this lockstep reads versions 1 and 2): run lockstep check again for a fresh token",
                                version);
        return std::nullopt;
    }
    auto values = from_text(token.substr(dot + 1));
    if (!values) {
        error = "malformed schedule token (expected \"2.\" followed by base64url, as a report prints it)";
        return std::nullopt;
    }
    r.m_values = std::move(*values);
    if (version == "1") {
        r.m_version = 1;
        return r;
    }
    if (r.m_values.empty()) {
        error = "malformed schedule token: no step count";
        return std::nullopt;
    }
    r.m_total = r.m_values[0];
    r.m_pos = 1;
    r.m_next_dev = r.m_pos < r.m_values.size() ? r.m_values[r.m_pos++] : UINT64_MAX;
    return r;
}

bool ScheduleReader::at_end(const Execution& exec) const {
    if (m_version == 1) return m_pos >= m_values.size();
    return exec.steps().size() >= m_total;
}

bool ScheduleReader::next(const Execution& exec, Choice& out, std::string& error) {
    const uint64_t step = exec.steps().size();
    auto misfit = [&](uint64_t g) {
        error = fmt::format("the schedule does not fit this program: at step {} goroutine {} cannot run", step + 1, g + 1);
        return false;
    };
    auto read_alt = [&](vm::Gid g) {
        uint32_t alts = exec.alternatives(g);
        out = Choice{g, 0};
        if (alts <= 1) return true;
        if (m_pos >= m_values.size() || m_values[m_pos] >= alts) {
            error = fmt::format("the schedule does not fit this program: bad choice at step {}", step + 1);
            return false;
        }
        out.alt = static_cast<uint32_t>(m_values[m_pos++]);
        return true;
    };
    if (m_version == 1) {
        uint64_t g = m_values[m_pos++];
        if (g >= exec.goroutine_count() || !exec.enabled(static_cast<vm::Gid>(g))) return misfit(g);
        return read_alt(static_cast<vm::Gid>(g));
    }
    if (m_next_dev != 0) {
        out = default_choice(exec);
        if (m_next_dev != UINT64_MAX) --m_next_dev;
        return true;
    }
    if (m_pos >= m_values.size()) {
        error = "malformed schedule token: a deviation without its goroutine";
        return false;
    }
    uint64_t g = m_values[m_pos++];
    if (g >= exec.goroutine_count() || !exec.enabled(static_cast<vm::Gid>(g))) return misfit(g);
    if (!read_alt(static_cast<vm::Gid>(g))) return false;
    m_next_dev = m_pos < m_values.size() ? m_values[m_pos++] : UINT64_MAX;
    return true;
}

bool ScheduleReader::fully_used(const Execution& exec) const {
    if (m_version == 1) return m_pos == m_values.size();
    return exec.steps().size() == m_total && m_next_dev == UINT64_MAX;
}

void ScheduleWriter::record(const Execution& exec, Choice c) {
    Choice d = default_choice(exec);
    ++m_steps;
    if (c.g == d.g && c.alt == 0) {
        ++m_since;
        return;
    }
    m_deviations.push_back(m_since);
    m_deviations.push_back(c.g);
    if (exec.alternatives(c.g) > 1) m_deviations.push_back(c.alt);
    m_since = 0;
}

std::string ScheduleWriter::token() const {
    std::vector<uint64_t> values;
    values.reserve(m_deviations.size() + 1);
    values.push_back(m_steps);
    values.insert(values.end(), m_deviations.begin(), m_deviations.end());
    return to_text("2.", values);
}

}  // namespace lockstep::checker
