// A compact S-expression rendering of the AST, for tests and debugging.
#pragma once

#include <string>

#include "lang/ast.hpp"

namespace lockstep::lang {

// `(+ a (* b c))`, `(call (sel fmt Println) "hi")`, `(for (:= i 0) (< i n) (++ i) (block ...))`.
// Absent optional parts print as `_`. See lang/ast_dump.cpp for every node's shape.
std::string dump(const Node* node);
// The whole file: `(file main decl...)`.
std::string dump(const File& file);

}  // namespace lockstep::lang
