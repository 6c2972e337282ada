// Schedule tokens: varints in base64url behind a version prefix.
#include "checker/schedule_token.hpp"

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
}  // namespace

std::string encode_schedule(const std::vector<StepRecord>& steps) {
    std::vector<uint8_t> bytes;
    for (const auto& s : steps) {
        put_varint(bytes, s.choice.g);
        if (s.alts > 1) put_varint(bytes, s.choice.alt);
    }
    std::string out = "1.";
    uint32_t acc = 0;
    int bits = 0;
    for (uint8_t b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(acc >> bits) & 63];
        }
    }
    if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
    return out;
}

std::optional<std::vector<uint64_t>> decode_schedule(std::string_view token) {
    if (token.substr(0, 2) != "1.") return std::nullopt;
    token.remove_prefix(2);
    std::vector<uint8_t> bytes;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : token) {
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

}  // namespace lockstep::checker
