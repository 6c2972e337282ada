// The scanner: Go's lexical grammar, following cmd/compile/internal/syntax/scanner.go
// (Go 1.19) closely enough that its error messages and positions are Go's own.
#include "lang/scanner.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "lang/unicode_tables.hpp"

namespace lockstep::lang {

// ---------------------------------------------------------------------------------------
// Character classes

namespace {

bool in_ranges(const UnicodeRange* begin, const UnicodeRange* end, uint32_t r) {
    auto it = std::upper_bound(begin, end, r, [](uint32_t v, const UnicodeRange& range) { return v < range.lo; });
    return it != begin && r <= (it - 1)->hi;
}

char lower(char c) { return static_cast<char>(c | ('a' - 'A')); }
bool is_letter(char c) { return ('a' <= lower(c) && lower(c) <= 'z') || c == '_'; }
bool is_decimal(char c) { return '0' <= c && c <= '9'; }
bool is_hex(char c) { return is_decimal(c) || ('a' <= lower(c) && lower(c) <= 'f'); }

const char* base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

// Printable in the sense of Go's strconv.IsPrint, approximated outside ASCII by excluding
// the control and invisible formatting characters.
bool is_printable(uint32_t r) {
    if (r < 0x80) return r >= 0x20 && r < 0x7f;
    if (r < 0xa0 || r == 0xad || r == 0xfeff) return false;
    if ((r >= 0x200b && r <= 0x200f) || (r >= 0x2028 && r <= 0x202e) || (r >= 0x2060 && r <= 0x206f)) return false;
    if (r >= 0xd800 && r < 0xe000) return false;
    return r <= 0x10ffff;
}

void append_utf8(std::string& out, uint32_t r) {
    if (r < 0x80) {
        out += static_cast<char>(r);
    } else if (r < 0x800) {
        out += static_cast<char>(0xc0 | (r >> 6));
        out += static_cast<char>(0x80 | (r & 0x3f));
    } else if (r < 0x10000) {
        out += static_cast<char>(0xe0 | (r >> 12));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (r & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (r >> 18));
        out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (r & 0x3f));
    }
}

// Go's %q of a rune: 'x', '\n', '\''.
std::string quote_rune(uint32_t r) {
    switch (r) {
    case '\a': return "'\\a'";
    case '\b': return "'\\b'";
    case '\f': return "'\\f'";
    case '\n': return "'\\n'";
    case '\r': return "'\\r'";
    case '\t': return "'\\t'";
    case '\v': return "'\\v'";
    case '\\': return "'\\\\'";
    case '\'': return "'\\''";
    default: break;
    }
    if (!is_printable(r)) return r < 0x10000 ? fmt::format("'\\u{:04x}'", r) : fmt::format("'\\U{:08x}'", r);
    std::string out = "'";
    append_utf8(out, r);
    out += '\'';
    return out;
}

// Keywords by Go's perfect hash over (first two bytes, length).
constexpr size_t keyword_hash(std::string_view s) {
    return (((static_cast<size_t>(static_cast<unsigned char>(s[0])) << 4) ^
             static_cast<size_t>(static_cast<unsigned char>(s[1]))) + s.size()) & 63;
}

constexpr std::string_view k_tok_text[] = {
#define LOCKSTEP_TOKEN(name, text) text,
#include "lang/token_kinds.def"
#undef LOCKSTEP_TOKEN
};

constexpr std::array<Tok, 64> make_keyword_table() {
    std::array<Tok, 64> table{};
    for (auto& t : table) t = Tok::Illegal;
    for (int t = static_cast<int>(Tok::Break); t <= static_cast<int>(Tok::Var); ++t)
        table[keyword_hash(k_tok_text[t])] = static_cast<Tok>(t);
    return table;
}

constexpr auto k_keywords = make_keyword_table();

constexpr bool keyword_hash_is_perfect() {
    for (int t = static_cast<int>(Tok::Break); t <= static_cast<int>(Tok::Var); ++t)
        if (k_keywords[keyword_hash(k_tok_text[t])] != static_cast<Tok>(t)) return false;
    return true;
}
static_assert(keyword_hash_is_perfect(), "keyword hash collides: pick another hash");

}  // namespace

bool is_unicode_letter(uint32_t r) {
    return in_ranges(std::begin(k_unicode_letters), std::end(k_unicode_letters), r);
}

bool is_unicode_digit(uint32_t r) {
    return in_ranges(std::begin(k_unicode_digits), std::end(k_unicode_digits), r);
}

size_t decode_utf8(std::string_view s, size_t off, uint32_t& rune) {
    auto byte = [&](size_t i) -> uint32_t { return off + i < s.size() ? static_cast<unsigned char>(s[off + i]) : 0; };
    auto cont = [&](size_t i) { return (byte(i) & 0xc0) == 0x80; };
    uint32_t b0 = byte(0);
    if (b0 < 0x80) {
        rune = b0;
        return off < s.size() ? 1 : 0;
    }
    if (b0 >= 0xc2 && b0 <= 0xdf && cont(1)) {
        rune = ((b0 & 0x1f) << 6) | (byte(1) & 0x3f);
        return 2;
    }
    if (b0 >= 0xe0 && b0 <= 0xef && cont(1) && cont(2)) {
        rune = ((b0 & 0x0f) << 12) | ((byte(1) & 0x3f) << 6) | (byte(2) & 0x3f);
        if (rune < 0x800 || (rune >= 0xd800 && rune < 0xe000)) return 0;  // overlong, surrogate
        return 3;
    }
    if (b0 >= 0xf0 && b0 <= 0xf4 && cont(1) && cont(2) && cont(3)) {
        rune = ((b0 & 0x07) << 18) | ((byte(1) & 0x3f) << 12) | ((byte(2) & 0x3f) << 6) | (byte(3) & 0x3f);
        if (rune < 0x10000 || rune > 0x10ffff) return 0;
        return 4;
    }
    return 0;
}

std::string format_rune_u(uint32_t r) {
    std::string out = fmt::format("U+{:04X}", r);
    if (is_printable(r)) {
        out += " '";
        append_utf8(out, r);
        out += '\'';
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Scanner

Scanner::Scanner(const SourceFile& src) : m_src(src), m_text(src.text()) {
    // A byte order mark is allowed only as the first character; it is skipped.
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_off = 3;
}

void Scanner::error_at(size_t offset, std::string message) const {
    throw DiagnosticError(Diagnostic{&m_src, m_src.pos_of(offset), std::move(message)});
}

uint32_t Scanner::peek_rune(size_t& width) const {
    auto c = static_cast<unsigned char>(m_text[m_off]);
    if (c == 0) error_at(m_off, "invalid NUL character");
    if (c < 0x80) {
        width = 1;
        return c;
    }
    uint32_t r = 0;
    width = decode_utf8(m_text, m_off, r);
    if (width == 0) error_at(m_off, "invalid UTF-8 encoding");
    if (r == 0xfeff) error_at(m_off, "invalid BOM in the middle of the file");
    return r;
}

void Scanner::newline_at(size_t offset) {
    ++m_line;
    m_line_start = offset + 1;
}

Token Scanner::next() {
    bool nlsemi = m_nlsemi;
    m_nlsemi = false;
    Token tok;

redo:
    while (!at_end()) {
        char c = m_text[m_off];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++m_off;
        } else if (c == '\n' && !nlsemi) {
            newline_at(m_off);
            ++m_off;
        } else {
            break;
        }
    }

    tok.pos = pos_here();
    tok.index = m_count;
    size_t start = m_off;
    if (at_end()) {
        if (nlsemi) {
            tok.kind = Tok::Semicolon;
            tok.text = "EOF";
        } else {
            tok.kind = Tok::Eof;
        }
        return tok;
    }

    char c = m_text[m_off];
    if (is_letter(c) || static_cast<unsigned char>(c) >= 0x80) {
        scan_ident(tok);
    } else if (is_decimal(c)) {
        scan_number(tok, false);
    } else {
        ++m_off;
        auto op = [&](Tok kind) { tok.kind = kind; };
        // `a op= b` or `a op b`
        auto op_or_assign = [&](Tok plain, Tok assign) {
            if (ch() == '=') {
                ++m_off;
                tok.kind = assign;
            } else {
                tok.kind = plain;
            }
        };
        switch (c) {
        case '\n':
            newline_at(start);
            tok.kind = Tok::Semicolon;
            tok.text = "newline";
            return tok;
        case '"': scan_string(tok); break;
        case '`': scan_raw_string(tok); break;
        case '\'': scan_rune(tok); break;
        case '(': op(Tok::LParen); break;
        case '[': op(Tok::LBrack); break;
        case '{': op(Tok::LBrace); break;
        case ',': op(Tok::Comma); break;
        case ';':
            tok.kind = Tok::Semicolon;
            tok.text = "semicolon";
            ++m_count;
            m_last_token_line = m_line;
            return tok;
        case ')': op(Tok::RParen); m_nlsemi = true; break;
        case ']': op(Tok::RBrack); m_nlsemi = true; break;
        case '}': op(Tok::RBrace); m_nlsemi = true; break;
        case ':': op_or_assign(Tok::Colon, Tok::Define); break;
        case '.':
            if (is_decimal(ch())) {
                m_off = start;
                scan_number(tok, true);
                break;
            }
            if (ch() == '.' && m_off + 1 < m_text.size() && m_text[m_off + 1] == '.') {
                m_off += 2;
                op(Tok::Ellipsis);
                break;
            }
            op(Tok::Period);
            break;
        case '+':
            if (ch() == '+') {
                ++m_off;
                op(Tok::Inc);
                m_nlsemi = true;
                break;
            }
            op_or_assign(Tok::Add, Tok::AddAssign);
            break;
        case '-':
            if (ch() == '-') {
                ++m_off;
                op(Tok::Dec);
                m_nlsemi = true;
                break;
            }
            op_or_assign(Tok::Sub, Tok::SubAssign);
            break;
        case '*': op_or_assign(Tok::Mul, Tok::MulAssign); break;
        case '/':
            if (ch() == '/') {
                scan_line_comment(start, tok.pos);
                goto redo;
            }
            if (ch() == '*') {
                if (scan_block_comment(start, tok.pos) && nlsemi) {
                    // A multi-line comment acts like a newline.
                    tok.kind = Tok::Semicolon;
                    tok.text = "newline";
                    return tok;
                }
                goto redo;
            }
            op_or_assign(Tok::Quo, Tok::QuoAssign);
            break;
        case '%': op_or_assign(Tok::Rem, Tok::RemAssign); break;
        case '&':
            if (ch() == '&') {
                ++m_off;
                op(Tok::LAnd);
            } else if (ch() == '^') {
                ++m_off;
                op_or_assign(Tok::AndNot, Tok::AndNotAssign);
            } else {
                op_or_assign(Tok::And, Tok::AndAssign);
            }
            break;
        case '|':
            if (ch() == '|') {
                ++m_off;
                op(Tok::LOr);
            } else {
                op_or_assign(Tok::Or, Tok::OrAssign);
            }
            break;
        case '^': op_or_assign(Tok::Xor, Tok::XorAssign); break;
        case '<':
            if (ch() == '=') {
                ++m_off;
                op(Tok::Leq);
            } else if (ch() == '<') {
                ++m_off;
                op_or_assign(Tok::Shl, Tok::ShlAssign);
            } else if (ch() == '-') {
                ++m_off;
                op(Tok::Arrow);
            } else {
                op(Tok::Lss);
            }
            break;
        case '>':
            if (ch() == '=') {
                ++m_off;
                op(Tok::Geq);
            } else if (ch() == '>') {
                ++m_off;
                op_or_assign(Tok::Shr, Tok::ShrAssign);
            } else {
                op(Tok::Gtr);
            }
            break;
        case '=': op_or_assign(Tok::Assign, Tok::Eql); break;
        case '!': op_or_assign(Tok::Not, Tok::Neq); break;
        case '~': op(Tok::Tilde); break;
        default: {
            m_off = start;
            size_t width = 0;
            uint32_t r = peek_rune(width);
            error_at(start, "invalid character " + format_rune_u(r));
        }
        }
    }

    tok.text = m_text.substr(start, m_off - start);
    ++m_count;
    m_last_token_line = m_line;
    return tok;
}

// identifier = letter { letter | unicode_digit } .
void Scanner::scan_ident(Token& tok) {
    size_t start = m_off;
    bool first = true;
    while (!at_end()) {
        char c = m_text[m_off];
        if (is_letter(c) || (!first && is_decimal(c))) {
            ++m_off;
        } else if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') {
            size_t width = 0;
            uint32_t r = peek_rune(width);
            if (is_unicode_letter(r)) {
                // ok
            } else if (is_unicode_digit(r)) {
                if (first) error_at(m_off, "identifier cannot begin with digit " + format_rune_u(r));
            } else {
                error_at(m_off, "invalid character " + format_rune_u(r) + " in identifier");
            }
            m_off += width;
        } else {
            break;
        }
        first = false;
    }
    std::string_view text = m_text.substr(start, m_off - start);
    if (text.size() >= 2) {
        Tok kw = k_keywords[keyword_hash(text)];
        if (kw != Tok::Illegal && k_tok_text[static_cast<size_t>(kw)] == text) {
            tok.kind = kw;
            m_nlsemi = kw == Tok::Break || kw == Tok::Continue || kw == Tok::Fallthrough || kw == Tok::Return;
            return;
        }
    }
    tok.kind = Tok::Ident;
    m_nlsemi = true;
}

// Accepts { digit | '_' }; returns bit 0 if a digit was seen, bit 1 if a '_' was. For a
// base <= 10, records in `invalid` the offset (from `start`) of the first digit >= base.
size_t Scanner::scan_digits(int base, long& invalid, size_t start) {
    size_t digsep = 0;
    if (base <= 10) {
        char max = static_cast<char>('0' + base);
        while (is_decimal(ch()) || ch() == '_') {
            size_t ds = 1;
            if (ch() == '_') ds = 2;
            else if (ch() >= max && invalid < 0) invalid = static_cast<long>(m_off - start);
            digsep |= ds;
            ++m_off;
        }
    } else {
        while (is_hex(ch()) || ch() == '_') {
            digsep |= ch() == '_' ? 2 : 1;
            ++m_off;
        }
    }
    return digsep;
}

namespace {

// The offset of the first '_' in a number literal that does not separate digits, or -1.
long invalid_separator(std::string_view x) {
    char x1 = ' ';
    char d = '.';  // '_', '0' (a digit) or '.' (anything else)
    size_t i = 0;
    if (x.size() >= 2 && x[0] == '0') {
        x1 = lower(x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < x.size(); ++i) {
        char p = d;
        d = x[i];
        if (d == '_') {
            if (p != '0') return static_cast<long>(i);
        } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_') return static_cast<long>(i) - 1;
            d = '.';
        }
    }
    if (d == '_') return static_cast<long>(x.size()) - 1;
    return -1;
}

}  // namespace

// int_lit, float_lit and imaginary_lit in all their bases, with '_' separators.
void Scanner::scan_number(Token& tok, bool seen_point) {
    size_t start = m_off;
    Tok kind = Tok::Int;
    int base = 10;
    char prefix = 0;  // 0 (decimal), '0' (0-octal), 'x', 'o' or 'b'
    size_t digsep = 0;
    long invalid = -1;

    if (!seen_point) {
        if (ch() == '0') {
            ++m_off;
            switch (lower(ch())) {
            case 'x': ++m_off; base = 16; prefix = 'x'; break;
            case 'o': ++m_off; base = 8; prefix = 'o'; break;
            case 'b': ++m_off; base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; digsep = 1; break;  // leading 0
            }
        }
        digsep |= scan_digits(base, invalid, start);
        if (ch() == '.') {
            if (prefix == 'o' || prefix == 'b')
                error_at(m_off, fmt::format("invalid radix point in {} literal", base_name(base)));
            ++m_off;
            seen_point = true;
        }
    } else {
        ++m_off;  // the '.'
    }

    if (seen_point) {
        kind = Tok::Float;
        digsep |= scan_digits(base, invalid, start);
    }

    if ((digsep & 1) == 0) error_at(m_off, fmt::format("{} literal has no digits", base_name(base)));

    char e = lower(ch());
    if (e == 'e' || e == 'p') {
        if (e == 'e' && prefix != 0 && prefix != '0')
            error_at(m_off, fmt::format("{} exponent requires decimal mantissa", quote_rune(static_cast<uint8_t>(ch()))));
        if (e == 'p' && prefix != 'x')
            error_at(m_off, fmt::format("{} exponent requires hexadecimal mantissa", quote_rune(static_cast<uint8_t>(ch()))));
        ++m_off;
        kind = Tok::Float;
        if (ch() == '+' || ch() == '-') ++m_off;
        long unused = -1;
        size_t ds = scan_digits(10, unused, start);
        digsep = ds | (digsep & 2);
        if ((ds & 1) == 0) error_at(m_off, "exponent has no digits");
    } else if (prefix == 'x' && kind == Tok::Float) {
        error_at(m_off, "hexadecimal mantissa requires a 'p' exponent");
    }

    if (ch() == 'i') {
        kind = Tok::Imag;
        ++m_off;
    }

    std::string_view text = m_text.substr(start, m_off - start);
    if (kind == Tok::Int && invalid >= 0)
        error_at(start + static_cast<size_t>(invalid),
                 fmt::format("invalid digit {} in {} literal", quote_rune(static_cast<uint8_t>(text[invalid])), base_name(base)));
    if (digsep & 2) {
        long i = invalid_separator(text);
        if (i >= 0) error_at(start + static_cast<size_t>(i), "'_' must separate successive digits");
    }
    tok.kind = kind;
    m_nlsemi = true;
}

// escape after a backslash: \a \b \f \n \r \t \v \\ \' \" (per quote), octal \ooo, \xhh,
// \uhhhh, \Uhhhhhhhh. Returns false at EOF (the caller reports the literal unterminated).
bool Scanner::scan_escape(char quote) {
    int n = 0;
    uint32_t base = 0, max = 0;
    char c = ch();
    if (at_end()) return false;
    switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        ++m_off;
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3; base = 8; max = 255;
        break;
    case 'x': ++m_off; n = 2; base = 16; max = 255; break;
    case 'u': ++m_off; n = 4; base = 16; max = 0x10ffff; break;
    case 'U': ++m_off; n = 8; base = 16; max = 0x10ffff; break;
    default:
        if (c == quote) {
            ++m_off;
            return true;
        }
        error_at(m_off, "unknown escape");
    }

    uint32_t x = 0;
    for (int i = n; i > 0; --i) {
        if (at_end()) return false;
        char d_ch = ch();
        uint32_t d = base;
        if (is_decimal(d_ch)) d = static_cast<uint32_t>(d_ch - '0');
        else if ('a' <= lower(d_ch) && lower(d_ch) <= 'f') d = static_cast<uint32_t>(lower(d_ch) - 'a' + 10);
        if (d >= base) {
            size_t width = 0;
            uint32_t r = peek_rune(width);
            error_at(m_off, fmt::format("invalid character {} in {} escape", quote_rune(r), base_name(static_cast<int>(base))));
        }
        x = x * base + d;
        ++m_off;
    }
    if (x > max && base == 8) error_at(m_off, fmt::format("octal escape value {} > 255", x));
    if (x > max || (x >= 0xd800 && x < 0xe000))
        error_at(m_off, "escape is invalid Unicode code point " + format_rune_u(x));
    return true;
}

// string_lit = `"` { unicode_value | byte_value } `"` .
void Scanner::scan_string(Token& tok) {
    size_t start = m_off - 1;
    for (;;) {
        if (at_end()) error_at(start, "string not terminated");
        char c = m_text[m_off];
        if (c == '"') {
            ++m_off;
            break;
        }
        if (c == '\\') {
            ++m_off;
            if (!scan_escape('"')) error_at(start, "string not terminated");
            continue;
        }
        if (c == '\n') error_at(m_off, "newline in string");
        size_t width = 1;
        if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) peek_rune(width);
        m_off += width;
    }
    tok.kind = Tok::String;
    m_nlsemi = true;
}

// raw_string_lit = "`" { unicode_char | newline } "`" .
void Scanner::scan_raw_string(Token& tok) {
    size_t start = m_off - 1;
    for (;;) {
        if (at_end()) error_at(start, "string not terminated");
        char c = m_text[m_off];
        if (c == '`') {
            ++m_off;
            break;
        }
        size_t width = 1;
        if (c == '\n') newline_at(m_off);
        else if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) peek_rune(width);
        m_off += width;
    }
    tok.kind = Tok::String;
    m_nlsemi = true;
}

// rune_lit = "'" ( unicode_value | byte_value ) "'" .
void Scanner::scan_rune(Token& tok) {
    size_t start = m_off - 1;
    for (int n = 0;; ++n) {
        if (at_end()) error_at(start, "rune literal not terminated");
        char c = m_text[m_off];
        if (c == '\'') {
            if (n == 0) error_at(m_off, "empty rune literal or unescaped '");
            if (n != 1) error_at(start, "more than one character in rune literal");
            ++m_off;
            break;
        }
        if (c == '\\') {
            ++m_off;
            if (!scan_escape('\'')) error_at(start, "rune literal not terminated");
            continue;
        }
        if (c == '\n') error_at(m_off, "newline in rune literal");
        size_t width = 1;
        if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) peek_rune(width);
        m_off += width;
    }
    tok.kind = Tok::Char;
    m_nlsemi = true;
}

void Scanner::skip_to_end_of_line() {
    // The '\n' itself is left for the semicolon rule.
    while (!at_end()) {
        char c = m_text[m_off];
        if (c == '\n') break;
        size_t width = 1;
        if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) peek_rune(width);
        m_off += width;
    }
}

void Scanner::add_comment(size_t start, Pos pos) {
    std::string_view text = m_text.substr(start, m_off - start);
    if (!text.empty() && text.back() == '\r' && text[1] == '/') text.remove_suffix(1);
    Comment c;
    c.text = text;
    c.pos = pos;
    c.end_line = m_line;
    c.tokens_before = m_count;
    c.trailing = m_count > 0 && m_last_token_line == pos.line;
    m_comments.push_back(c);
}

void Scanner::scan_line_comment(size_t start, Pos pos) {
    skip_to_end_of_line();
    add_comment(start, pos);
    constexpr std::string_view prefix = "//lockstep:";
    std::string_view text = m_comments.back().text;
    if (text.substr(0, prefix.size()) != prefix) return;
    text.remove_prefix(prefix.size());
    Directive d;
    d.pos = pos;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    bool first = true;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        size_t j = i;
        while (j < text.size() && !is_space(text[j])) ++j;
        if (j > i) {
            if (first) d.name = std::string(text.substr(i, j - i));
            else d.args.emplace_back(text.substr(i, j - i));
            first = false;
        }
        i = j;
    }
    m_directives.push_back(std::move(d));
}

bool Scanner::scan_block_comment(size_t start, Pos pos) {
    ++m_off;  // the '*'
    uint32_t first_line = m_line;
    for (;;) {
        if (at_end()) error_at(start, "comment not terminated");
        char c = m_text[m_off];
        if (c == '*' && m_off + 1 < m_text.size() && m_text[m_off + 1] == '/') {
            m_off += 2;
            break;
        }
        size_t width = 1;
        if (c == '\n') newline_at(m_off);
        else if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) peek_rune(width);
        m_off += width;
    }
    add_comment(start, pos);
    return m_line > first_line;
}

}  // namespace lockstep::lang
