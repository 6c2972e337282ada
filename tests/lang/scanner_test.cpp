// Scanner tests: tokens, semicolon insertion, literals, directives and lexical errors
// (messages and positions checked against Go 1.19's compiler).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lang/scanner.hpp"

using namespace lockstep::lang;

namespace {

// Tokens as a space-separated string: source text for most, `;nl` / `;eof` for inserted
// semicolons, `;` for written ones, `EOF` at the end.
std::string scan_all(const std::string& text) {
    SourceFile src("t.go", text);
    Scanner s(src);
    std::string out;
    for (;;) {
        Token t = s.next();
        if (!out.empty()) out += ' ';
        if (t.kind == Tok::Eof) {
            out += "EOF";
            return out;
        }
        if (t.kind == Tok::Semicolon) out += t.text == "newline" ? ";nl" : t.text == "EOF" ? ";eof" : ";";
        else out += std::string(t.text);
    }
}

std::vector<Tok> kinds(const std::string& text) {
    SourceFile src("t.go", text);
    Scanner s(src);
    std::vector<Tok> out;
    for (Token t = s.next(); t.kind != Tok::Eof; t = s.next()) out.push_back(t.kind);
    return out;
}

// The headline of the error scanning `text` raises, or "" if none.
std::string scan_error(const std::string& text) {
    SourceFile src("t.go", text);
    Scanner s(src);
    try {
        while (s.next().kind != Tok::Eof) {}
    } catch (const DiagnosticError& e) {
        return e.diagnostics().front().headline();
    }
    return "";
}

}  // namespace

TEST_CASE("tok_text spells tokens as Go's compiler does", "[scanner]") {
    CHECK(tok_text(Tok::Add) == "+");
    CHECK(tok_text(Tok::AndNotAssign) == "&^=");
    CHECK(tok_text(Tok::Func) == "func");
    CHECK(tok_text(Tok::Ident) == "name");
    CHECK(tok_text(Tok::Comma) == "comma");
    CHECK(tok_text(Tok::Arrow) == "<-");
    CHECK(tok_text(Tok::Ellipsis) == "...");
    CHECK(op_of_assign(Tok::ShlAssign) == Tok::Shl);
    CHECK(binary_precedence(Tok::AndNot) == 5);
    CHECK(binary_precedence(Tok::LOr) == 1);
    CHECK(binary_precedence(Tok::Arrow) == 0);
}

TEST_CASE("every keyword scans as its keyword token", "[scanner]") {
    for (int t = static_cast<int>(Tok::Break); t <= static_cast<int>(Tok::Var); ++t) {
        auto tok = static_cast<Tok>(t);
        INFO(tok_text(tok));
        auto ks = kinds(std::string(tok_text(tok)) + " ");
        REQUIRE(!ks.empty());
        CHECK(ks[0] == tok);
    }
    CHECK(kinds("fore gox") == std::vector<Tok>{Tok::Ident, Tok::Ident, Tok::Semicolon});
}

TEST_CASE("operators and punctuation", "[scanner]") {
    struct Case {
        const char* src;
        const char* tokens;
    };
    const Case cases[] = {
        {"a := b", "a := b ;eof EOF"},
        {"+ += ++ - -= -- * *= / /= % %=", "+ += ++ - -= -- * *= / /= % %= EOF"},
        {"& &= && &^ &^= | |= || ^ ^=", "& &= && &^ &^= | |= || ^ ^= EOF"},
        {"< <= << <<= <- > >= >> >>= = == ! != ~", "< <= << <<= <- > >= >> >>= = == ! != ~ EOF"},
        {"( ) [ ] { } , ; . ... : :=", "( ) [ ] { } , ; . ... : := EOF"},
        {"a..b", "a . . b ;eof EOF"},
        {"x.y", "x . y ;eof EOF"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(scan_all(c.src) == c.tokens);
    }
}

TEST_CASE("automatic semicolon insertion follows Go's rule", "[scanner]") {
    struct Case {
        const char* src;
        const char* tokens;
    };
    const Case cases[] = {
        {"x\ny", "x ;nl y ;eof EOF"},
        {"1\n'a'\n\"s\"\n`r`\n1.5\n2i\n", "1 ;nl 'a' ;nl \"s\" ;nl `r` ;nl 1.5 ;nl 2i ;nl EOF"},
        {"break\ncontinue\nfallthrough\nreturn\n", "break ;nl continue ;nl fallthrough ;nl return ;nl EOF"},
        {"x++\ny--\n", "x ++ ;nl y -- ;nl EOF"},
        {")\n]\n}\n", ") ;nl ] ;nl } ;nl EOF"},
        // No semicolon after operators, keywords that start something, or opening brackets.
        {"a +\nb", "a + b ;eof EOF"},
        {"func\n(\n[\n{\n,\n", "func ( [ { , EOF"},
        {"if x {\n}\n", "if x { } ;nl EOF"},
        // A line comment does not hide the newline; a multi-line block comment acts as one.
        {"x // c\ny", "x ;nl y ;eof EOF"},
        {"x /* a\nb */ y", "x ;nl y ;eof EOF"},
        {"x /* a */ y", "x y ;eof EOF"},
        {"x\n\n\n", "x ;nl EOF"},
        {"return // done", "return ;eof EOF"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(scan_all(c.src) == c.tokens);
    }
}

TEST_CASE("number literals in every form", "[scanner]") {
    struct Case {
        const char* src;
        Tok kind;
    };
    const Case cases[] = {
        {"42", Tok::Int}, {"4_2", Tok::Int}, {"0600", Tok::Int}, {"0_600", Tok::Int},
        {"0o600", Tok::Int}, {"0O600", Tok::Int}, {"0xBadFace", Tok::Int}, {"0x_67_7a", Tok::Int},
        {"0b1011", Tok::Int}, {"0B_1", Tok::Int}, {"0", Tok::Int}, {"0x1e3", Tok::Int},
        {"0.", Tok::Float}, {"72.40", Tok::Float}, {"072.40", Tok::Float}, {"2.71828", Tok::Float},
        {"1.e+0", Tok::Float}, {"6.67428e-11", Tok::Float}, {"1E6", Tok::Float}, {".25", Tok::Float},
        {".12345E+5", Tok::Float}, {"1_5.", Tok::Float}, {"0.15e+0_2", Tok::Float}, {"0x1p-2", Tok::Float},
        {"0x2.p10", Tok::Float}, {"0x1.Fp+0", Tok::Float}, {"0X.8p-0", Tok::Float}, {"0x_1FFFp-16", Tok::Float},
        {"09.5", Tok::Float}, {"0i", Tok::Imag}, {"0123i", Tok::Imag}, {"0o123i", Tok::Imag},
        {"1.e+0i", Tok::Imag}, {"0x1p-2i", Tok::Imag}, {".25i", Tok::Imag},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        SourceFile src("t.go", c.src);
        Scanner s(src);
        Token t = s.next();
        CHECK(t.kind == c.kind);
        CHECK(t.text == c.src);
        CHECK(s.next().kind == Tok::Semicolon);
    }
}

TEST_CASE("string and rune literals keep their source text", "[scanner]") {
    struct Case {
        const char* src;
        Tok kind;
    };
    const Case cases[] = {
        {R"('a')", Tok::Char}, {R"('ä')", Tok::Char}, {R"('本')", Tok::Char}, {R"('\t')", Tok::Char},
        {R"('\000')", Tok::Char}, {R"('\007')", Tok::Char}, {R"('\x07')", Tok::Char}, {R"('\u12e4')", Tok::Char},
        {R"('\U00101234')", Tok::Char}, {R"('\'')", Tok::Char}, {R"("")", Tok::String},
        {R"("Hello, world!\n")", Tok::String}, {R"("日本語")", Tok::String}, {R"("\u65e5本\U00008a9e")", Tok::String},
        {R"("\xff\u00FF")", Tok::String}, {R"("\"")", Tok::String}, {"`abc`", Tok::String},
        {"`\\n\n\\n`", Tok::String}, {R"("%d\t%q")", Tok::String},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        SourceFile src("t.go", c.src);
        Scanner s(src);
        Token t = s.next();
        CHECK(t.kind == c.kind);
        CHECK(t.text == c.src);
    }
}

TEST_CASE("identifiers may use Unicode letters and digits", "[scanner]") {
    CHECK(scan_all("αβ := x1_ + _ + 日本語 + a٣") == "αβ := x1_ + _ + 日本語 + a٣ ;eof EOF");
    CHECK(kinds("ÿ")[0] == Tok::Ident);
}

TEST_CASE("token positions are 1-based line and byte column", "[scanner]") {
    SourceFile src("t.go", "package main\n\tx := \"é\" + y\n");
    Scanner s(src);
    std::vector<Token> toks;
    for (Token t = s.next(); t.kind != Tok::Eof; t = s.next()) toks.push_back(t);
    REQUIRE(toks.size() == 9);
    CHECK(toks[0].pos == Pos{1, 1});
    CHECK(toks[1].pos == Pos{1, 9});
    CHECK(toks[2].pos == Pos{1, 13});  // inserted semicolon at the newline
    CHECK(toks[3].pos == Pos{2, 2});
    CHECK(toks[4].pos == Pos{2, 4});
    CHECK(toks[5].pos == Pos{2, 7});
    CHECK(toks[6].pos == Pos{2, 12});  // é is two bytes
    CHECK(toks[7].pos == Pos{2, 14});
    // Inserted semicolons do not count as real tokens.
    CHECK(toks[3].index == 2);
}

TEST_CASE("lexical errors report Go's message at Go's position", "[scanner]") {
    // Each case is the expression in `_ = X` on line 4 of a small program; the expected
    // positions come from `go build` (Go 1.19).
    struct Case {
        const char* expr;
        const char* error;
    };
    const Case cases[] = {
        {"@", "t.go:4:6: invalid character U+0040 '@'"},
        {"\"abc", "t.go:4:10: newline in string"},
        {R"("a\qb")", "t.go:4:9: unknown escape"},
        {R"("\xZZ")", "t.go:4:9: invalid character 'Z' in hexadecimal escape"},
        {R"('\400')", "t.go:4:11: octal escape value 256 > 255"},
        {R"("\uD800")", "t.go:4:13: escape is invalid Unicode code point U+D800"},
        {R"("\U00110000")", "t.go:4:17: escape is invalid Unicode code point U+110000"},
        {"''", "t.go:4:7: empty rune literal or unescaped '"},
        {"'ab'", "t.go:4:6: more than one character in rune literal"},
        {"0x", "t.go:4:8: hexadecimal literal has no digits"},
        {"0b102", "t.go:4:10: invalid digit '2' in binary literal"},
        {"1__0", "t.go:4:8: '_' must separate successive digits"},
        {"1_", "t.go:4:7: '_' must separate successive digits"},
        {"09", "t.go:4:7: invalid digit '9' in octal literal"},
        {"0o1.5", "t.go:4:9: invalid radix point in octal literal"},
        {"1e", "t.go:4:8: exponent has no digits"},
        {"0x1.5", "t.go:4:11: hexadecimal mantissa requires a 'p' exponent"},
        {"`abc", "t.go:4:6: string not terminated"},
        {"x /* never closed", "t.go:4:8: comment not terminated"},
        {"'a", "t.go:4:8: newline in rune literal"},
        {"\\", "t.go:4:6: invalid character U+005C '\\'"},
        {"a·b", "t.go:4:7: invalid character U+00B7 '·' in identifier"},
    };
    for (const auto& c : cases) {
        INFO(c.expr);
        CHECK(scan_error(std::string("package main\n\nfunc main() {\n\t_ = ") + c.expr + "\n}\n") == c.error);
    }
}

TEST_CASE("encoding errors: invalid UTF-8, NUL, BOM", "[scanner]") {
    CHECK(scan_error("x := \"a\xff\"") == "t.go:1:8: invalid UTF-8 encoding");
    CHECK(scan_error("// \xc3\x28 bad\n") == "t.go:1:4: invalid UTF-8 encoding");
    CHECK(scan_error("x\xed\xa0\x80") == "t.go:1:2: invalid UTF-8 encoding");  // encoded surrogate
    CHECK(scan_error(std::string("x := 1\ny\0", 9)) == "t.go:2:2: invalid NUL character");
    CHECK(scan_error("x \xEF\xBB\xBF") == "t.go:1:3: invalid BOM in the middle of the file");
    CHECK(scan_error("\xEF\xBB\xBFpackage main\n").empty());
    CHECK(scan_error("x := `a\nb` + \"\xe2\x82\"") == "t.go:2:7: invalid UTF-8 encoding");
}

TEST_CASE("lockstep directives are collected from line comments", "[scanner]") {
    SourceFile src("t.go",
                   "package main\n"
                   "//lockstep:expect data-race  lost-update\n"
                   "// lockstep:expect ignored (a space makes it prose)\n"
                   "/*lockstep:expect ignored */\n"
                   "//lockstep:bound goroutines=3\n");
    Scanner s(src);
    while (s.next().kind != Tok::Eof) {}
    auto& ds = s.directives();
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].name == "expect");
    CHECK(ds[0].args == std::vector<std::string>{"data-race", "lost-update"});
    CHECK(ds[0].pos == Pos{2, 1});
    CHECK(ds[1].name == "bound");
    CHECK(ds[1].args == std::vector<std::string>{"goroutines=3"});
    CHECK(s.comments().size() == 4);
}

TEST_CASE("comments record whether they trail a token", "[scanner]") {
    SourceFile src("t.go", "x := 1 // trailing\n// own line\n");
    Scanner s(src);
    while (s.next().kind != Tok::Eof) {}
    REQUIRE(s.comments().size() == 2);
    CHECK(s.comments()[0].trailing);
    CHECK(s.comments()[0].text == "// trailing");
    CHECK_FALSE(s.comments()[1].trailing);
    CHECK(s.comments()[1].tokens_before == 3);
}
