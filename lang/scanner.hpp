// The scanner: Go's lexical grammar over a source file's text, with automatic semicolon
// insertion, lockstep directives and the comments the parser needs for `// Output:`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/diagnostic.hpp"
#include "lang/source.hpp"
#include "lang/token.hpp"

namespace lockstep::lang {

// A comment as the scanner met it. The parser groups consecutive ones (go/ast's
// CommentGroup rule) to find the Output block closing main.
struct Comment {
    std::string_view text;   // with its `//` or `/* */`, without the line's newline
    Pos pos;
    uint32_t end_line = 0;
    uint32_t tokens_before = 0;  // real (not inserted) tokens scanned before it
    bool trailing = false;       // a token precedes it on its first line
    bool is_line() const { return text.size() >= 2 && text[1] == '/'; }
};

class Scanner {
public:
    explicit Scanner(const SourceFile& src);

    // The next token; Eof forever at the end. Throws DiagnosticError at the first lexical
    // error, with the Go compiler's message and position.
    Token next();

    const std::vector<Comment>& comments() const { return m_comments; }
    // `//lockstep:NAME args...` comments seen so far, in source order.
    std::vector<Directive>& directives() { return m_directives; }

private:
    [[noreturn]] void error_at(size_t offset, std::string message) const;
    // Checks the character at m_off (NUL, UTF-8, BOM) and returns its code point and width.
    uint32_t peek_rune(size_t& width) const;
    void newline_at(size_t offset);

    void scan_ident(Token& tok);
    void scan_number(Token& tok, bool seen_point);
    size_t scan_digits(int base, long& invalid, size_t start);
    void scan_string(Token& tok);
    void scan_raw_string(Token& tok);
    void scan_rune(Token& tok);
    bool scan_escape(char quote);
    void scan_line_comment(size_t start, Pos pos);
    // Returns whether the comment spanned a newline.
    bool scan_block_comment(size_t start, Pos pos);
    void skip_to_end_of_line();
    void add_comment(size_t start, Pos pos);

    char ch() const { return m_off < m_text.size() ? m_text[m_off] : '\0'; }
    bool at_end() const { return m_off >= m_text.size(); }
    Pos pos_here() const { return Pos{m_line, static_cast<uint32_t>(m_off - m_line_start + 1)}; }

    const SourceFile& m_src;
    std::string_view m_text;
    size_t m_off = 0;
    uint32_t m_line = 1;
    size_t m_line_start = 0;
    bool m_nlsemi = false;  // a newline or EOF here becomes a semicolon
    uint32_t m_count = 0;   // real tokens returned
    uint32_t m_last_token_line = 0;
    std::vector<Comment> m_comments;
    std::vector<Directive> m_directives;
};

// Helpers shared with the parser and tests.
bool is_unicode_letter(uint32_t r);
bool is_unicode_digit(uint32_t r);
// Decodes one UTF-8 sequence at s[off]; returns its width, 0 if invalid (Go's RuneError).
size_t decode_utf8(std::string_view s, size_t off, uint32_t& rune);
// Go's %#U: `U+0040 '@'` (the quoted character only when printable).
std::string format_rune_u(uint32_t r);

}  // namespace lockstep::lang
