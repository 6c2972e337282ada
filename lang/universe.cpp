// The universe scope: Go's predeclared types, constants, nil and builtins, built once and
// shared (immutable) by every checked file.
#include "lang/universe.hpp"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/constant.hpp"

namespace lockstep::lang {

namespace {

constexpr size_t k_basic_count = 0
#define LOCKSTEP_BASIC(name, spelling, flags) +1
#include "lang/basic_kinds.def"
#undef LOCKSTEP_BASIC
    ;

struct Universe {
    std::vector<std::unique_ptr<Basic>> basics;
    std::unique_ptr<Basic> byte_alias, rune_alias;
    std::vector<std::unique_ptr<Object>> objects;
    std::vector<std::unique_ptr<Type>> types;
    std::vector<std::unique_ptr<ConstValue>> consts;
    std::unordered_map<std::string, Object*> scope;
    Named* error = nullptr;
    Interface* any = nullptr;

    Object* add(ObjectKind kind, std::string name, const Type* type) {
        auto o = std::make_unique<Object>();
        o->kind = kind;
        o->name = name;
        o->type = type;
        Object* raw = o.get();
        objects.push_back(std::move(o));
        if (!name.empty()) scope[name] = raw;
        return raw;
    }
    template <class T> T* type() {
        auto t = std::make_unique<T>();
        T* raw = t.get();
        types.push_back(std::move(t));
        return raw;
    }

    Universe() {
        for (size_t i = 0; i < k_basic_count; ++i) basics.push_back(std::make_unique<Basic>(static_cast<BasicKind>(i)));
        for (size_t i = static_cast<size_t>(BasicKind::Bool); i <= static_cast<size_t>(BasicKind::String); ++i)
            add(ObjectKind::TypeName, std::string(basic_name(static_cast<BasicKind>(i))), basics[i].get());
        byte_alias = std::make_unique<Basic>(BasicKind::Uint8, "byte");
        rune_alias = std::make_unique<Basic>(BasicKind::Int32, "rune");
        add(ObjectKind::TypeName, "byte", byte_alias.get());
        add(ObjectKind::TypeName, "rune", rune_alias.get());

        any = type<Interface>();
        add(ObjectKind::TypeName, "any", any);

        // type error interface { Error() string }
        error = type<Named>();
        Object* error_obj = add(ObjectKind::TypeName, "error", error);
        error->obj = error_obj;
        auto iface = type<Interface>();
        auto sig = type<Signature>();
        sig->params = type<Tuple>();
        auto results = type<Tuple>();
        Object* r = add(ObjectKind::Var, "", basics[static_cast<size_t>(BasicKind::String)].get());
        r->var_kind = VarKind::Result;
        results->vars.push_back(r);
        sig->results = results;
        Object* m = add(ObjectKind::Func, "", sig);
        m->name = "Error";
        m->iface = error;
        iface->methods.push_back(m);
        error->underlying = iface;

        for (bool b : {true, false}) {
            consts.push_back(std::make_unique<ConstValue>(const_bool(b)));
            Object* c = add(ObjectKind::Const, b ? "true" : "false", basics[static_cast<size_t>(BasicKind::UntypedBool)].get());
            c->value = consts.back().get();
        }
        consts.push_back(std::make_unique<ConstValue>(const_int(0)));
        Object* iota = add(ObjectKind::Const, "iota", basics[static_cast<size_t>(BasicKind::UntypedInt)].get());
        iota->value = consts.back().get();
        add(ObjectKind::Nil, "nil", basics[static_cast<size_t>(BasicKind::UntypedNil)].get());

#define LOCKSTEP_BUILTIN(name, spelling) add(ObjectKind::Builtin, spelling, nullptr)->builtin = BuiltinKind::name;
#include "lang/builtin_kinds.def"
#undef LOCKSTEP_BUILTIN
    }
};

const Universe& universe() {
    static const Universe u;
    return u;
}

}  // namespace

Object* universe_lookup(std::string_view name) {
    auto& s = universe().scope;
    auto it = s.find(std::string(name));
    return it == s.end() ? nullptr : it->second;
}

const Basic* basic_type(BasicKind kind) { return universe().basics[static_cast<size_t>(kind)].get(); }

const Named* error_type() { return universe().error; }

const Interface* empty_interface() { return universe().any; }

const Type* default_type(const Type* t) {
    auto b = t ? t->as<Basic>() : nullptr;
    if (!b) return t;
    switch (b->basic) {
    case BasicKind::UntypedBool: return basic_type(BasicKind::Bool);
    case BasicKind::UntypedInt: return basic_type(BasicKind::Int);
    case BasicKind::UntypedRune: return universe().rune_alias.get();
    case BasicKind::UntypedFloat: return basic_type(BasicKind::Float64);
    case BasicKind::UntypedComplex: return basic_type(BasicKind::Complex128);
    case BasicKind::UntypedString: return basic_type(BasicKind::String);
    default: return t;
    }
}

}  // namespace lockstep::lang
