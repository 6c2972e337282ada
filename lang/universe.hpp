// The universe scope: Go's predeclared identifiers (basic types and the byte/rune/any
// aliases, error, true/false/iota/nil, the builtin functions). Immutable singletons
// shared by every TypeInfo.
#pragma once

#include <string_view>

#include "lang/types.hpp"

namespace lockstep::lang {

// The predeclared object called `name`, or null.
Object* universe_lookup(std::string_view name);

// The unique Basic type of a kind (untyped kinds included).
const Basic* basic_type(BasicKind kind);

// The predeclared `error` type (a Named whose underlying is interface{ Error() string }).
const Named* error_type();
// The empty interface `any` / interface{}.
const Interface* empty_interface();

}  // namespace lockstep::lang
