// UTF-8 encoding and decoding with Go's rules (invalid bytes decode as U+FFFD, width 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lockstep::vm {

struct Utf8Rune {
    int32_t rune;
    uint32_t width;
};

inline size_t utf8_encode(int64_t r, char* out) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    if (r < 0x80) { out[0] = static_cast<char>(r); return 1; }
    if (r < 0x800) {
        out[0] = static_cast<char>(0xC0 | (r >> 6));
        out[1] = static_cast<char>(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (r >> 12));
        out[1] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (r & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (r >> 18));
    out[1] = static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (r & 0x3F));
    return 4;
}

inline Utf8Rune utf8_decode(std::string_view s, size_t i) {
    if (i >= s.size()) return {0xFFFD, 1};
    auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    uint8_t c = b(i);
    if (c < 0x80) return {c, 1};
    auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c < 0xE0 && cont(i + 1)) return {((c & 0x1F) << 6) | (b(i + 1) & 0x3F), 2};
    if (c >= 0xE0 && c < 0xF0 && cont(i + 1) && cont(i + 2)) {
        int32_t r = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
        if (r >= 0x800 && (r < 0xD800 || r > 0xDFFF)) return {r, 3};
    }
    if (c >= 0xF0 && c < 0xF5 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
        int32_t r = ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
        if (r >= 0x10000 && r <= 0x10FFFF) return {r, 4};
    }
    return {0xFFFD, 1};
}

}  // namespace lockstep::vm
