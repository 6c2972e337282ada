// Go's constant arithmetic: exact integers up to 127 bits, IEEE doubles for floats.
#include "lang/constant.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "lang/token.hpp"

namespace lockstep::lang {

using i128 = __int128;

ConstValue const_bool(bool b) {
    ConstValue v;
    v.kind = ConstKind::Bool;
    v.b = b;
    return v;
}
ConstValue const_int(i128 i) {
    ConstValue v;
    v.kind = ConstKind::Int;
    v.i = i;
    return v;
}
ConstValue const_float(double f) {
    ConstValue v;
    v.kind = ConstKind::Float;
    v.f = f;
    return v;
}
ConstValue const_string(std::string s) {
    ConstValue v;
    v.kind = ConstKind::String;
    v.s = std::move(s);
    return v;
}

int64_t ConstValue::as_int64() const {
    if (kind == ConstKind::Float) return static_cast<int64_t>(f);
    if (kind == ConstKind::Bool) return b;
    return static_cast<int64_t>(i);
}
uint64_t ConstValue::as_uint64() const {
    if (kind == ConstKind::Float) return static_cast<uint64_t>(f);
    if (kind == ConstKind::Bool) return b;
    return static_cast<uint64_t>(i);
}
double ConstValue::as_double() const {
    if (kind == ConstKind::Int) return static_cast<double>(i);
    return f;
}

static std::string i128_string(i128 v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    std::string s;
    while (u) {
        s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
        u /= 10;
    }
    return neg ? "-" + s : s;
}

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

std::string ConstValue::to_string() const {
    switch (kind) {
    case ConstKind::Bool: return b ? "true" : "false";
    case ConstKind::Int: return i128_string(i);
    case ConstKind::String: return go_quote(s);
    case ConstKind::Float: {
        if (std::floor(f) == f && std::fabs(f) < 1e21) return i128_string(static_cast<i128>(f));
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", f);
        return buf;
    }
    }
    return "?";
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

std::optional<ConstValue> const_from_literal(LitKind kind, std::string_view text, std::string& err) {
    std::string clean;
    for (char c : text)
        if (c != '_') clean += c;
    switch (kind) {
    case LitKind::Int: {
        int base = 10;
        size_t i = 0;
        if (clean.size() > 1 && clean[0] == '0') {
            char p = clean[1];
            if (p == 'x' || p == 'X') base = 16, i = 2;
            else if (p == 'b' || p == 'B') base = 2, i = 2;
            else if (p == 'o' || p == 'O') base = 8, i = 2;
            else base = 8, i = 1;
        }
        unsigned __int128 v = 0;
        const unsigned __int128 limit = static_cast<unsigned __int128>(std::numeric_limits<i128>::max());
        for (; i < clean.size(); ++i) {
            int d = hex_digit(clean[i]);
            if (d < 0 || d >= base) {
                err = "invalid integer literal " + std::string(text);
                return std::nullopt;
            }
            v = v * base + d;
            if (v > limit) {
                err = "constant overflow";
                return std::nullopt;
            }
        }
        return const_int(static_cast<i128>(v));
    }
    case LitKind::Float: {
        char* end = nullptr;
        double d = std::strtod(clean.c_str(), &end);
        if (!end || *end) {
            err = "invalid floating-point literal " + std::string(text);
            return std::nullopt;
        }
        return const_float(d);
    }
    case LitKind::Imag:
        err = "unsupported: complex numbers";
        return std::nullopt;
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

// ---------------------------------------------------------------------------------------
// Operators

static std::optional<ConstValue> overflow(std::string& err) {
    err = "constant overflow";
    return std::nullopt;
}

std::optional<ConstValue> const_binary(Tok op, const ConstValue& a, const ConstValue& b, bool integer,
                                       std::string& err) {
    if (a.kind == ConstKind::Bool) {
        if (op == Tok::LAnd) return const_bool(a.b && b.b);
        if (op == Tok::LOr) return const_bool(a.b || b.b);
    } else if (a.kind == ConstKind::String) {
        if (op == Tok::Add) return const_string(a.s + b.s);
    } else if (a.kind == ConstKind::Int && b.kind == ConstKind::Int && (integer || op != Tok::Quo)) {
        i128 r = 0;
        switch (op) {
        case Tok::Add: if (__builtin_add_overflow(a.i, b.i, &r)) return overflow(err); return const_int(r);
        case Tok::Sub: if (__builtin_sub_overflow(a.i, b.i, &r)) return overflow(err); return const_int(r);
        case Tok::Mul: if (__builtin_mul_overflow(a.i, b.i, &r)) return overflow(err); return const_int(r);
        case Tok::Quo:
        case Tok::Rem:
            if (b.i == 0) {
                err = "invalid operation: division by zero";
                return std::nullopt;
            }
            return const_int(op == Tok::Quo ? a.i / b.i : a.i % b.i);
        case Tok::And: return const_int(a.i & b.i);
        case Tok::Or: return const_int(a.i | b.i);
        case Tok::Xor: return const_int(a.i ^ b.i);
        case Tok::AndNot: return const_int(a.i & ~b.i);
        default: break;
        }
    } else {
        double x = a.as_double(), y = b.as_double();
        switch (op) {
        case Tok::Add: return const_float(x + y);
        case Tok::Sub: return const_float(x - y);
        case Tok::Mul: return const_float(x * y);
        case Tok::Quo:
            if (y == 0) {
                err = "invalid operation: division by zero";
                return std::nullopt;
            }
            return const_float(x / y);
        default: break;
        }
    }
    err = "invalid constant operation";
    return std::nullopt;
}

bool const_compare(Tok op, const ConstValue& a, const ConstValue& b) {
    int c = 0;
    if (a.kind == ConstKind::Bool) {
        c = a.b == b.b ? 0 : 1;
    } else if (a.kind == ConstKind::String) {
        c = a.s.compare(b.s);
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if (a.kind == ConstKind::Int && b.kind == ConstKind::Int) {
        c = a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    } else {
        double x = a.as_double(), y = b.as_double();
        c = x < y ? -1 : x > y ? 1 : 0;
    }
    switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
    }
}

std::optional<ConstValue> const_shift(Tok op, const ConstValue& a, uint64_t s, std::string& err) {
    i128 v = a.kind == ConstKind::Float ? static_cast<i128>(a.f) : a.i;
    if (op == Tok::Shr) return const_int(s >= 127 ? (v < 0 ? -1 : 0) : v >> s);
    if (v == 0) return const_int(0);
    if (s >= 126) {
        err = "constant shift overflow";
        return std::nullopt;
    }
    i128 r = v * (static_cast<i128>(1) << s);
    if ((r >> s) != v) {
        err = "constant shift overflow";
        return std::nullopt;
    }
    return const_int(r);
}

std::optional<ConstValue> const_unary(Tok op, const ConstValue& a, unsigned unsigned_bits, std::string& err) {
    switch (op) {
    case Tok::Add: return a;
    case Tok::Sub:
        if (a.kind == ConstKind::Int) return const_int(-a.i);
        if (a.kind == ConstKind::Float) return const_float(-a.f);
        break;
    case Tok::Not:
        if (a.kind == ConstKind::Bool) return const_bool(!a.b);
        break;
    case Tok::Xor:
        if (a.kind == ConstKind::Int) {
            if (unsigned_bits) {
                unsigned __int128 mask = (static_cast<unsigned __int128>(1) << unsigned_bits) - 1;
                return const_int(static_cast<i128>(~static_cast<unsigned __int128>(a.i) & mask));
            }
            return const_int(~a.i);
        }
        break;
    default: break;
    }
    err = "invalid constant operation";
    return std::nullopt;
}

unsigned int_bits(BasicKind k) {
    switch (k) {
    case BasicKind::Int8:
    case BasicKind::Uint8: return 8;
    case BasicKind::Int16:
    case BasicKind::Uint16: return 16;
    case BasicKind::Int32:
    case BasicKind::Uint32:
    case BasicKind::UntypedRune: return 32;
    default: return 64;
    }
}

bool representable(const ConstValue& v, BasicKind k, ConstValue* out) {
    uint8_t info = basic_info(k);
    if (info & BasicInfo::IsBoolean) {
        if (v.kind != ConstKind::Bool) return false;
        if (out) *out = v;
        return true;
    }
    if (info & BasicInfo::IsString) {
        if (v.kind != ConstKind::String) return false;
        if (out) *out = v;
        return true;
    }
    if (info & BasicInfo::IsInteger) {
        i128 x;
        if (v.kind == ConstKind::Int) {
            x = v.i;
        } else if (v.kind == ConstKind::Float) {
            if (std::floor(v.f) != v.f || std::fabs(v.f) > 1.6e38) return false;
            x = static_cast<i128>(v.f);
        } else {
            return false;
        }
        if (!(info & BasicInfo::IsUntyped)) {
            unsigned bits = int_bits(k);
            if (info & BasicInfo::IsUnsigned) {
                if (x < 0) return false;
                if (bits < 128 && x > ((static_cast<i128>(1) << bits) - 1)) return false;
            } else {
                i128 lim = static_cast<i128>(1) << (bits - 1);
                if (x < -lim || x >= lim) return false;
            }
        }
        if (out) *out = const_int(x);
        return true;
    }
    if (info & (BasicInfo::IsFloat | BasicInfo::IsComplex)) {
        if (v.kind != ConstKind::Int && v.kind != ConstKind::Float) return false;
        double d = v.as_double();
        if (!std::isfinite(d)) return false;
        if (k == BasicKind::Float32) {
            if (std::fabs(d) > std::numeric_limits<float>::max()) return false;
            d = static_cast<float>(d);
        }
        if (out) {
            // Untyped float constants keep an integral value as Int for exactness.
            *out = (info & BasicInfo::IsUntyped) ? v : const_float(d);
        }
        return true;
    }
    return false;
}

}  // namespace lockstep::lang
