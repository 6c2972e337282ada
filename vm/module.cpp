// The compiled module's helpers: constant strings, method names, the well-known runtime
// types, and the names of opcodes and natives.
#include "vm/module.hpp"

namespace lockstep::vm {

std::string_view opcode_name(Opcode op) {
    static constexpr std::string_view names[] = {
#define LOCKSTEP_OPCODE(name) #name,
#include "vm/opcodes.def"
#undef LOCKSTEP_OPCODE
    };
    return names[static_cast<int>(op)];
}

namespace {
constexpr std::string_view native_names[] = {
#define LOCKSTEP_NATIVE(name, go) go,
#include "vm/natives.def"
#undef LOCKSTEP_NATIVE
};
}

std::string_view native_go_name(NativeId id) { return native_names[static_cast<int>(id)]; }

bool find_native(std::string_view go_name, NativeId& out) {
    for (size_t i = 0; i < std::size(native_names); i++) {
        if (native_names[i] == go_name) {
            out = static_cast<NativeId>(i);
            return true;
        }
    }
    return false;
}

Value Module::intern(std::string_view s) {
    if (s.empty()) return Value{};
    size_t at = string_pool.find(s);
    if (at == std::string::npos) {
        at = string_pool.size();
        string_pool.append(s);
    }
    return Value::of_pair(static_cast<uint32_t>(at) | const_string_bit, static_cast<uint32_t>(s.size()));
}

uint32_t Module::method_name_id(std::string_view name) {
    for (size_t i = 0; i < method_names.size(); i++)
        if (method_names[i] == name) return static_cast<uint32_t>(i);
    method_names.emplace_back(name);
    return static_cast<uint32_t>(method_names.size() - 1);
}

void Module::add_builtin_types() {
    types.resize(rt::count);
    auto set = [&](uint32_t i, RKind k, std::string name, uint32_t size) {
        types[i].kind = k;
        types[i].name = std::move(name);
        types[i].go_size = size;
    };
    set(rt::invalid, RKind::Invalid, "invalid", 0);
    set(rt::boolean, RKind::Bool, "bool", 1);
    set(rt::int_, RKind::Int, "int", 8);
    set(rt::float64, RKind::Float64, "float64", 8);
    set(rt::string, RKind::String, "string", 16);
    set(rt::any, RKind::Interface, "interface {}", 16);
    set(rt::error, RKind::Interface, "error", 16);
    types[rt::error].named = true;
    set(rt::error_string, RKind::Pointer, "*errors.errorString", 8);
    types[rt::error_string].special = RSpecial::Error;
    set(rt::join_error, RKind::Pointer, "*errors.joinError", 8);
    types[rt::join_error].special = RSpecial::Error;
    set(rt::uint8, RKind::Uint8, "uint8", 1);
    set(rt::int32, RKind::Int32, "int32", 4);
    set(rt::runtime_error, RKind::String, "runtime.Error", 16);
    types[rt::runtime_error].special = RSpecial::Error;
    set(rt::int64, RKind::Int64, "int64", 8);
    set(rt::any_map, RKind::Map, "map[interface {}]interface {}", 8);
    types[rt::any_map].key = rt::any;
    types[rt::any_map].elem = rt::any;
    error_method = method_name_id("Error");
    string_method = method_name_id("String");
    types[rt::error].iface_methods = {error_method};
    types[rt::error_string].methods = {RMethod{error_method, UINT32_MAX, RecvMode::Payload, 1}};
    types[rt::join_error].methods = {RMethod{error_method, UINT32_MAX, RecvMode::Payload, 1}};
    types[rt::runtime_error].methods = {RMethod{error_method, UINT32_MAX, RecvMode::Payload, 1}};
}

}  // namespace lockstep::vm
