// Finds the variable a defining identifier declares. The checker records the Object on
// every use of a variable; some defining identifiers (`x := ...`) may be left without
// one, so the compiler indexes every use by the variable's declaration position.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "lang/ast.hpp"
#include "lang/types.hpp"

namespace lockstep::vm {

class IdentIndex {
public:
    void add_file(const lang::File& file);
    // id->obj when set, else the variable declared at id's position with id's name.
    lang::Object* object_of(const lang::Ident* id) const;

private:
    void expr(const lang::Expr* e);
    void stmt(const lang::Stmt* s);
    void note(const lang::Ident* id);
    static uint64_t key(lang::Pos p) { return (uint64_t(p.line) << 32) | p.col; }
    std::unordered_map<uint64_t, lang::Object*> m_by_pos;
};

}  // namespace lockstep::vm
