// The compiler's entry point: from a type-checked file to an immutable, shareable Module.
#pragma once

#include <memory>
#include <string_view>

#include "lang/ast.hpp"
#include "lang/types.hpp"
#include "vm/module.hpp"

namespace lockstep::vm {

// Compiles `file` (checked into `info`) with `entry` as goroutine 0's function. Throws
// lang::DiagnosticError (`unsupported: ...` at a position) for anything it cannot compile
// faithfully: it never compiles a construct it does not understand.
std::shared_ptr<const Module> compile(const lang::File& file, const lang::TypeInfo& info, std::string_view entry = "main");

}  // namespace lockstep::vm
