// Go's literals as constant values: integer, floating-point and imaginary literals as
// exact numbers, rune and string literals with their escapes, and Go's string quoting.
#include <gmpxx.h>

#include <cstdio>
#include <string>

#include "lang/constant.hpp"
#include "lang/token.hpp"

namespace lockstep::lang {

std::string go_quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

// ---------------------------------------------------------------------------------------
// Literals

static void append_utf8(std::string& out, uint32_t r) {
    if (r < 0x80) {
        out += static_cast<char>(r);
    } else if (r < 0x800) {
        out += static_cast<char>(0xC0 | (r >> 6));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += static_cast<char>(0xE0 | (r >> 12));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (r >> 18));
        out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    }
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes one (possibly escaped) character at s[i]; appends its bytes to `out` (a \x or
// octal escape is one raw byte) and returns the rune value.
static bool decode_char(std::string_view s, size_t& i, char quote, std::string& out, uint32_t& rune) {
    if (i >= s.size()) return false;
    unsigned char c = s[i];
    if (c != '\\') {
        // Copy one UTF-8 sequence.
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        uint32_t r = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < n && i + k < s.size(); ++k) r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.append(s.substr(i, n));
        i += n;
        rune = r;
        return true;
    }
    if (++i >= s.size()) return false;
    char e = s[i++];
    auto hex = [&](int n) -> bool {
        uint32_t r = 0;
        for (int k = 0; k < n; ++k) {
            if (i >= s.size() || hex_digit(s[i]) < 0) return false;
            r = r * 16 + hex_digit(s[i++]);
        }
        rune = r;
        return true;
    };
    switch (e) {
    case 'a': rune = 7; break;
    case 'b': rune = 8; break;
    case 'f': rune = 12; break;
    case 'n': rune = 10; break;
    case 'r': rune = 13; break;
    case 't': rune = 9; break;
    case 'v': rune = 11; break;
    case '\\': rune = '\\'; break;
    case '\'':
    case '"':
        if (e != quote) return false;
        rune = e;
        break;
    case 'x':
        if (!hex(2)) return false;
        out += static_cast<char>(rune);
        return true;
    case 'u':
        if (!hex(4)) return false;
        append_utf8(out, rune);
        return true;
    case 'U':
        if (!hex(8)) return false;
        append_utf8(out, rune);
        return true;
    default:
        if (e >= '0' && e <= '7') {
            uint32_t r = e - '0';
            for (int k = 0; k < 2; ++k) {
                if (i >= s.size() || s[i] < '0' || s[i] > '7') return false;
                r = r * 8 + (s[i++] - '0');
            }
            rune = r;
            out += static_cast<char>(r);
            return true;
        }
        return false;
    }
    out += static_cast<char>(rune);
    return true;
}

// The largest decimal or binary exponent a floating-point literal may have: beyond it the
// exact value would take megabytes ("unsupported: floating-point constant exponent").
constexpr long max_literal_exponent = 100000;

// An integer literal (underscores removed) in any base; nullopt if a digit is invalid.
static std::optional<mpz_class> parse_int(const std::string& clean) {
    int base = 10;
    size_t i = 0;
    if (clean.size() > 1 && clean[0] == '0') {
        char p = clean[1];
        if (p == 'x' || p == 'X') base = 16, i = 2;
        else if (p == 'b' || p == 'B') base = 2, i = 2;
        else if (p == 'o' || p == 'O') base = 8, i = 2;
        else base = 8, i = 1;
    }
    if (i >= clean.size() && base != 8) return std::nullopt;
    mpz_class v = 0;
    for (; i < clean.size(); ++i) {
        int d = hex_digit(clean[i]);
        if (d < 0 || d >= base) return std::nullopt;
        v = v * base + d;
    }
    return v;
}

// A decimal or hexadecimal floating-point literal (underscores removed) as an exact
// rational: its digits times 10^e (2^p for hexadecimal mantissas).
static std::optional<mpq_class> parse_float(const std::string& clean, std::string& err) {
    bool hex = clean.size() > 1 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'X');
    size_t i = hex ? 2 : 0;
    int base = hex ? 16 : 10;
    mpz_class digits = 0;
    long frac = 0, n = 0;
    bool dot = false;
    for (; i < clean.size(); ++i) {
        char c = clean[i];
        if (c == '.' && !dot) {
            dot = true;
            continue;
        }
        int d = hex_digit(c);
        if (d < 0 || d >= base) break;
        digits = digits * base + d;
        ++n;
        if (dot) ++frac;
    }
    if (n == 0) return std::nullopt;
    long exp = 0;
    if (i < clean.size()) {
        char e = clean[i];
        if (hex ? (e != 'p' && e != 'P') : (e != 'e' && e != 'E')) return std::nullopt;
        ++i;
        bool neg = false;
        if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) neg = clean[i++] == '-';
        if (i >= clean.size()) return std::nullopt;
        for (; i < clean.size(); ++i) {
            if (clean[i] < '0' || clean[i] > '9') return std::nullopt;
            if (exp <= max_literal_exponent * 10) exp = exp * 10 + (clean[i] - '0');
        }
        if (neg) exp = -exp;
    } else if (hex) {
        return std::nullopt;  // a hexadecimal mantissa needs a p exponent
    }
    // value = digits * base^-frac * (10 or 2)^exp; a hex digit is 4 binary places.
    long scale = hex ? exp - 4 * frac : exp - frac;
    if (scale > max_literal_exponent || scale < -max_literal_exponent) {
        err = "unsupported: floating-point constant exponent beyond 1e" + std::to_string(max_literal_exponent);
        return std::nullopt;
    }
    mpz_class pow;
    mpz_ui_pow_ui(pow.get_mpz_t(), hex ? 2 : 10, static_cast<unsigned long>(scale < 0 ? -scale : scale));
    mpq_class q = scale < 0 ? mpq_class(digits, pow) : mpq_class(digits * pow);
    q.canonicalize();
    return q;
}

std::optional<ConstValue> const_from_literal(LitKind kind, std::string_view text, std::string& err) {
    std::string clean;
    for (char c : text)
        if (c != '_') clean += c;
    switch (kind) {
    case LitKind::Int: {
        auto v = parse_int(clean);
        if (!v) {
            err = "invalid integer literal " + std::string(text);
            return std::nullopt;
        }
        return const_int(std::move(*v));
    }
    case LitKind::Float: {
        auto q = parse_float(clean, err);
        if (!q) {
            if (err.empty()) err = "invalid floating-point literal " + std::string(text);
            return std::nullopt;
        }
        return const_float(std::move(*q));
    }
    case LitKind::Imag: {
        // 0x1p-2i, 1.5i, 0b101i; a body with a leading 0 and no base prefix is decimal
        // (0123i == 123i).
        if (clean.empty() || clean.back() != 'i') break;
        clean.pop_back();
        bool prefixed = clean.size() > 1 && clean[0] == '0' && std::string("xXbBoO").find(clean[1]) != std::string::npos;
        bool floaty = clean.find_first_of(prefixed ? ".pP" : ".eE") != std::string::npos;
        std::optional<mpq_class> q;
        if (prefixed && !floaty) {
            if (auto v = parse_int(clean)) q = mpq_class(*v);
        } else {
            q = parse_float(clean, err);
        }
        if (!q) {
            if (err.empty()) err = "invalid imaginary literal " + std::string(text);
            return std::nullopt;
        }
        return const_complex(mpq_class(0), std::move(*q));
    }
    case LitKind::Char: {
        if (text.size() < 3) break;
        std::string_view body = text.substr(1, text.size() - 2);
        size_t i = 0;
        std::string bytes;
        uint32_t r = 0;
        if (!decode_char(body, i, '\'', bytes, r) || i != body.size()) break;
        ConstValue v = const_int(r);
        return v;
    }
    case LitKind::String: {
        if (text.size() < 2) break;
        std::string_view body = text.substr(1, text.size() - 2);
        if (text[0] == '`') {
            std::string s;
            for (char c : body)
                if (c != '\r') s += c;
            return const_string(std::move(s));
        }
        std::string s;
        size_t i = 0;
        uint32_t r;
        while (i < body.size())
            if (!decode_char(body, i, '"', s, r)) {
                err = "invalid string literal";
                return std::nullopt;
            }
        return const_string(std::move(s));
    }
    }
    err = "invalid literal " + std::string(text);
    return std::nullopt;
}

}  // namespace lockstep::lang
