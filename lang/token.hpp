// Go's tokens: the kinds (from lang/token_kinds.def), their texts, and the token the
// scanner hands the parser.
#pragma once

#include <cstdint>
#include <string_view>

#include "lang/source.hpp"

namespace lockstep::lang {

enum class Tok : uint8_t {
#define LOCKSTEP_TOKEN(name, text) name,
#include "lang/token_kinds.def"
#undef LOCKSTEP_TOKEN
};

// "+", "func", "name", "literal", "comma", "EOF", ... as Go's compiler spells them.
std::string_view tok_text(Tok tok);

// Binary operator precedence as in the Go spec (5 = * / % << >> & &^, ... 1 = ||);
// 0 for a token that is not a binary operator.
int binary_precedence(Tok tok);

inline bool is_keyword(Tok tok) { return tok >= Tok::Break && tok <= Tok::Var; }
inline bool is_literal(Tok tok) { return tok >= Tok::Int && tok <= Tok::String; }
// One of += -= ... &^= (not = or :=).
inline bool is_op_assign(Tok tok) { return tok >= Tok::AddAssign && tok <= Tok::AndNotAssign; }
// The binary operator of an op-assignment (+= gives +).
Tok op_of_assign(Tok tok);

struct Token {
    Tok kind = Tok::Eof;
    Pos pos;
    // The token's source text. For a Semicolon, what produced it as Go names it in
    // messages: "semicolon", "newline" or "EOF" (the last two were inserted).
    std::string_view text;
    // How many real (non-inserted) tokens came before this one in the file.
    uint32_t index = 0;
};

}  // namespace lockstep::lang
