// Names of AST node kinds.
#include "lang/ast.hpp"

namespace lockstep::lang {

std::string_view node_kind_name(NodeKind kind) {
    static constexpr std::string_view names[] = {
#define LOCKSTEP_NODE(name) #name,
#include "lang/node_kinds.def"
#undef LOCKSTEP_NODE
    };
    auto i = static_cast<size_t>(kind);
    return i < std::size(names) ? names[i] : std::string_view("?");
}

}  // namespace lockstep::lang
