// Names and precedences of Go's tokens.
#include "lang/token.hpp"

#include <array>

namespace lockstep::lang {

namespace {

constexpr std::string_view k_tok_texts[] = {
#define LOCKSTEP_TOKEN(name, text) text,
#include "lang/token_kinds.def"
#undef LOCKSTEP_TOKEN
};

}  // namespace

std::string_view tok_text(Tok tok) {
    auto i = static_cast<size_t>(tok);
    return i < std::size(k_tok_texts) ? k_tok_texts[i] : std::string_view("?");
}

int binary_precedence(Tok tok) {
    switch (tok) {
    case Tok::Mul: case Tok::Quo: case Tok::Rem: case Tok::Shl: case Tok::Shr:
    case Tok::And: case Tok::AndNot:
        return 5;
    case Tok::Add: case Tok::Sub: case Tok::Or: case Tok::Xor:
        return 4;
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq:
        return 3;
    case Tok::LAnd:
        return 2;
    case Tok::LOr:
        return 1;
    default:
        return 0;
    }
}

Tok op_of_assign(Tok tok) {
    switch (tok) {
    case Tok::AddAssign: return Tok::Add;
    case Tok::SubAssign: return Tok::Sub;
    case Tok::MulAssign: return Tok::Mul;
    case Tok::QuoAssign: return Tok::Quo;
    case Tok::RemAssign: return Tok::Rem;
    case Tok::AndAssign: return Tok::And;
    case Tok::OrAssign: return Tok::Or;
    case Tok::XorAssign: return Tok::Xor;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    case Tok::AndNotAssign: return Tok::AndNot;
    default: return Tok::Illegal;
    }
}

}  // namespace lockstep::lang
