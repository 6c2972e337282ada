// Go's type relations (identity, assignability, method sets, selector lookup), type
// printing, and the TypeInfo arena.
#include "lang/types.hpp"

#include "lang/constant.hpp"

#include <algorithm>
#include <set>

#include "lang/assert.hpp"

namespace lockstep::lang {


uint8_t basic_info(BasicKind kind) {
    using namespace BasicInfo;
    static constexpr uint8_t flags[] = {
#define LOCKSTEP_BASIC(name, spelling, f) static_cast<uint8_t>(0 | (f)),
#include "lang/basic_kinds.def"
#undef LOCKSTEP_BASIC
    };
    return flags[static_cast<size_t>(kind)];
}

std::string_view basic_name(BasicKind kind) {
    static constexpr std::string_view names[] = {
#define LOCKSTEP_BASIC(name, spelling, flags) spelling,
#include "lang/basic_kinds.def"
#undef LOCKSTEP_BASIC
    };
    return names[static_cast<size_t>(kind)];
}

std::string_view builtin_name(BuiltinKind kind) {
    static constexpr std::string_view names[] = {
#define LOCKSTEP_BUILTIN(name, spelling) spelling,
#include "lang/builtin_kinds.def"
#undef LOCKSTEP_BUILTIN
    };
    return names[static_cast<size_t>(kind)];
}

const Type* Tuple::at(size_t i) const { return vars[i]->type; }

int Interface::method_index(std::string_view name) const {
    for (size_t i = 0; i < methods.size(); ++i)
        if (methods[i]->name == name) return static_cast<int>(i);
    return -1;
}

bool Selection::indirect() const {
    return std::any_of(path.begin(), path.end(), [](const FieldStep& s) { return s.deref; });
}

Object* Package::lookup(std::string_view name) const {
    auto it = members.find(std::string(name));
    return it == members.end() ? nullptr : it->second;
}

// ---------------------------------------------------------------------------------------
// Classification

const Type* underlying(const Type* t) {
    if (!t) return t;
    if (auto n = t->as<Named>()) return n->underlying;
    return t;
}

static uint8_t flags_of(const Type* t) {
    t = underlying(t);
    if (!t) return 0;
    if (auto b = t->as<Basic>()) return basic_info(b->basic);
    return 0;
}

bool is_boolean(const Type* t) { return flags_of(t) & BasicInfo::IsBoolean; }
bool is_integer(const Type* t) { return flags_of(t) & BasicInfo::IsInteger; }
bool is_unsigned(const Type* t) { return flags_of(t) & BasicInfo::IsUnsigned; }
bool is_float(const Type* t) { return flags_of(t) & BasicInfo::IsFloat; }
bool is_complex(const Type* t) { return flags_of(t) & BasicInfo::IsComplex; }
bool is_numeric(const Type* t) {
    return flags_of(t) & (BasicInfo::IsInteger | BasicInfo::IsFloat | BasicInfo::IsComplex);
}
bool is_string(const Type* t) { return flags_of(t) & BasicInfo::IsString; }
bool is_untyped(const Type* t) {
    auto b = t ? t->as<Basic>() : nullptr;
    return b && (basic_info(b->basic) & BasicInfo::IsUntyped);
}
bool is_interface(const Type* t) { t = underlying(t); return t && t->is<Interface>(); }
bool is_pointer(const Type* t) { t = underlying(t); return t && t->is<Pointer>(); }
bool is_const_type(const Type* t) {
    return flags_of(t) & (BasicInfo::IsBoolean | BasicInfo::IsInteger | BasicInfo::IsFloat |
                          BasicInfo::IsComplex | BasicInfo::IsString);
}

bool comparable(const Type* t) {
    t = underlying(t);
    if (!t) return false;
    switch (t->kind) {
    case TypeKind::Basic: return t->as<Basic>()->basic != BasicKind::UntypedNil;
    case TypeKind::Pointer:
    case TypeKind::Chan:
    case TypeKind::Interface: return true;
    case TypeKind::Struct:
        for (auto f : t->as<Struct>()->fields)
            if (!comparable(f->type)) return false;
        return true;
    case TypeKind::Array: return comparable(t->as<Array>()->elem);
    default: return false;
    }
}

bool ordered(const Type* t) {
    return flags_of(t) & (BasicInfo::IsInteger | BasicInfo::IsFloat | BasicInfo::IsString);
}

bool has_nil(const Type* t) {
    t = underlying(t);
    if (!t) return false;
    switch (t->kind) {
    case TypeKind::Pointer:
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Chan:
    case TypeKind::Signature:
    case TypeKind::Interface: return true;
    case TypeKind::Basic: return t->as<Basic>()->basic == BasicKind::UntypedNil;
    default: return false;
    }
}

// ---------------------------------------------------------------------------------------
// Identity

static bool identical_tuples(const Tuple* a, const Tuple* b) {
    if (a->size() != b->size()) return false;
    for (size_t i = 0; i < a->size(); ++i)
        if (!identical(a->at(i), b->at(i))) return false;
    return true;
}

static bool identical_sigs(const Signature* a, const Signature* b) {
    return a->variadic == b->variadic && identical_tuples(a->params, b->params) &&
           identical_tuples(a->results, b->results);
}

bool identical(const Type* a, const Type* b) {
    if (a == b) return true;
    if (!a || !b || a->kind != b->kind) return false;
    switch (a->kind) {
    case TypeKind::Basic: return a->as<Basic>()->basic == b->as<Basic>()->basic;
    case TypeKind::Named: return false;  // unique per declaration
    case TypeKind::Pointer: return identical(a->as<Pointer>()->elem, b->as<Pointer>()->elem);
    case TypeKind::Slice: return identical(a->as<Slice>()->elem, b->as<Slice>()->elem);
    case TypeKind::Array:
        return a->as<Array>()->len == b->as<Array>()->len && identical(a->as<Array>()->elem, b->as<Array>()->elem);
    case TypeKind::Map:
        return identical(a->as<Map>()->key, b->as<Map>()->key) && identical(a->as<Map>()->elem, b->as<Map>()->elem);
    case TypeKind::Chan:
        return a->as<Chan>()->dir == b->as<Chan>()->dir && identical(a->as<Chan>()->elem, b->as<Chan>()->elem);
    case TypeKind::Struct: {
        auto& fa = a->as<Struct>()->fields;
        auto& fb = b->as<Struct>()->fields;
        if (fa.size() != fb.size()) return false;
        for (size_t i = 0; i < fa.size(); ++i) {
            if (fa[i]->name != fb[i]->name || fa[i]->embedded != fb[i]->embedded) return false;
            if (!identical(fa[i]->type, fb[i]->type)) return false;
            // Unexported names of different packages differ.
            if (!fa[i]->name.empty() && !(fa[i]->name[0] >= 'A' && fa[i]->name[0] <= 'Z') && fa[i]->pkg != fb[i]->pkg)
                return false;
        }
        return true;
    }
    case TypeKind::Tuple: return identical_tuples(a->as<Tuple>(), b->as<Tuple>());
    case TypeKind::Signature: return identical_sigs(a->as<Signature>(), b->as<Signature>());
    case TypeKind::Interface: {
        auto& ma = a->as<Interface>()->methods;
        auto& mb = b->as<Interface>()->methods;
        if (ma.size() != mb.size()) return false;
        for (size_t i = 0; i < ma.size(); ++i) {
            if (ma[i]->name != mb[i]->name) return false;
            if (!identical_sigs(ma[i]->type->as<Signature>(), mb[i]->type->as<Signature>())) return false;
        }
        return true;
    }
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// Printing

namespace {
struct Printer {
    const Package* rel;
    bool runtime() const { return rel == nullptr; }

    void tuple(std::string& out, const Tuple* t, bool variadic) {
        out += '(';
        for (size_t i = 0; i < t->size(); ++i) {
            if (i) out += ", ";
            // The compiler's messages name parameters and results; the runtime does not.
            if (!runtime() && !t->vars[i]->name.empty()) {
                out += t->vars[i]->name;
                out += ' ';
            }
            if (variadic && i + 1 == t->size()) {
                out += "...";
                auto s = t->at(i)->as<Slice>();
                type(out, s ? s->elem : t->at(i));
            } else {
                type(out, t->at(i));
            }
        }
        out += ')';
    }

    void signature(std::string& out, const Signature* s) {
        tuple(out, s->params, s->variadic);
        if (s->results->size() == 0) return;
        out += ' ';
        if (s->results->size() == 1 && s->results->vars[0]->name.empty()) {
            type(out, s->results->at(0));
            return;
        }
        tuple(out, s->results, false);
    }

    void type(std::string& out, const Type* t) {
        if (!t) {
            out += "invalid type";
            return;
        }
        switch (t->kind) {
        case TypeKind::Basic: {
            auto b = t->as<Basic>();
            out += (!runtime() && !b->name.empty()) ? b->name : basic_name(b->basic);
            return;
        }
        case TypeKind::Named: {
            auto n = t->as<Named>();
            const Package* pkg = n->obj ? n->obj->pkg : nullptr;
            if (pkg && pkg != rel) {
                out += pkg->name;
                out += '.';
            }
            out += n->obj ? n->obj->name : std::string("?");
            return;
        }
        case TypeKind::Pointer: out += '*'; type(out, t->as<Pointer>()->elem); return;
        case TypeKind::Slice: out += "[]"; type(out, t->as<Slice>()->elem); return;
        case TypeKind::Array:
            out += '[';
            out += std::to_string(t->as<Array>()->len);
            out += ']';
            type(out, t->as<Array>()->elem);
            return;
        case TypeKind::Map:
            out += "map[";
            type(out, t->as<Map>()->key);
            out += ']';
            type(out, t->as<Map>()->elem);
            return;
        case TypeKind::Chan: {
            auto c = t->as<Chan>();
            out += c->dir == ChanDir::Recv ? "<-chan " : c->dir == ChanDir::Send ? "chan<- " : "chan ";
            bool paren = c->dir != ChanDir::Send && c->elem->is<Chan>() && c->elem->as<Chan>()->dir == ChanDir::Recv;
            if (paren) out += '(';
            type(out, c->elem);
            if (paren) out += ')';
            return;
        }
        case TypeKind::Struct: {
            auto& fs = t->as<Struct>()->fields;
            // The runtime prints `struct { a int }`, the compiler `struct{a int}`.
            out += runtime() ? (fs.empty() ? "struct {" : "struct { ") : "struct{";
            for (size_t i = 0; i < fs.size(); ++i) {
                if (i) out += "; ";
                if (!fs[i]->embedded) {
                    out += fs[i]->name;
                    out += ' ';
                }
                type(out, fs[i]->type);
            }
            out += runtime() ? (fs.empty() ? "}" : " }") : "}";
            return;
        }
        case TypeKind::Tuple: tuple(out, t->as<Tuple>(), false); return;
        case TypeKind::Signature: out += "func"; signature(out, t->as<Signature>()); return;
        case TypeKind::Interface: {
            auto i = t->as<Interface>();
            if (i->methods.empty()) {
                out += runtime() ? "interface {}" : "interface{}";
                return;
            }
            out += runtime() ? "interface { " : "interface{";
            for (size_t k = 0; k < i->methods.size(); ++k) {
                if (k) out += "; ";
                out += i->methods[k]->name;
                signature(out, i->methods[k]->type->as<Signature>());
            }
            out += runtime() ? " }" : "}";
            return;
        }
        }
    }
};
}  // namespace

std::string type_string(const Type* t, const Package* relative_to) {
    std::string out;
    Printer{relative_to}.type(out, t);
    return out;
}

// ---------------------------------------------------------------------------------------
// Selector lookup (Go spec "Selectors": the shallowest depth wins, ambiguity hides)

namespace {
struct Candidate {
    const Type* type;              // the (dereferenced) type searched at this depth
    std::vector<FieldStep> path;   // embedded fields leading here
    bool via_pointer;              // this value is reached through a pointer (the step into it derefs)
    bool indirect;                 // some pointer was followed to get here
};

struct Found {
    Object* obj = nullptr;
    std::vector<FieldStep> path;
    bool is_field = false;
    bool dynamic = false;
    bool recv_is_ptr = false;  // method: the value the path ends at is a pointer
    bool indirect = false;
};
}  // namespace

bool lookup_field_or_method(const Type* T, bool addressable, std::string_view name, Selection& out,
                            bool* not_addressable) {
    if (not_addressable) *not_addressable = false;
    if (!T || name == "_") return false;
    bool is_ptr = false;
    const Type* start = T;
    if (auto p = T->as<Pointer>()) {
        start = p->elem;
        is_ptr = true;
        // A pointer to an interface has no methods (and no fields).
        if (is_interface(start)) return false;
    } else if (auto u = underlying(T); u && u->is<Pointer>() && !T->is<Named>()) {
        start = u->as<Pointer>()->elem;
        is_ptr = true;
    } else if (T->is<Named>() && underlying(T) && underlying(T)->is<Pointer>()) {
        // A defined pointer type has no methods but its fields are reachable.
        start = underlying(T)->as<Pointer>()->elem;
        is_ptr = true;
    }

    std::vector<Candidate> current{{start, {}, is_ptr, is_ptr}};
    std::set<const Type*> seen;
    while (!current.empty()) {
        std::vector<Found> found;
        std::vector<Candidate> next;
        for (auto& c : current) {
            const Type* t = c.type;
            if (auto n = t->as<Named>()) {
                if (!seen.insert(n).second) continue;
                for (auto m : n->methods) {
                    if (m->name == name) {
                        Found f;
                        f.obj = m;
                        f.path = c.path;
                        f.recv_is_ptr = c.via_pointer;
                        f.indirect = c.indirect;
                        found.push_back(std::move(f));
                    }
                }
                t = n->underlying;
                if (!t) continue;
            }
            if (auto s = t->as<Struct>()) {
                for (uint32_t i = 0; i < s->fields.size(); ++i) {
                    Object* f = s->fields[i];
                    if (f->name == name) {
                        Found fd;
                        fd.obj = f;
                        fd.path = c.path;
                        fd.path.push_back({i, c.via_pointer});
                        fd.is_field = true;
                        fd.indirect = c.indirect;
                        found.push_back(std::move(fd));
                    }
                    if (f->embedded) {
                        Candidate nc;
                        nc.path = c.path;
                        nc.path.push_back({i, c.via_pointer});
                        nc.type = f->type;
                        nc.via_pointer = false;
                        if (auto p = f->type->as<Pointer>()) {
                            nc.type = p->elem;
                            nc.via_pointer = true;
                        }
                        nc.indirect = c.indirect || nc.via_pointer;
                        next.push_back(std::move(nc));
                    }
                }
            } else if (auto i = t->as<Interface>()) {
                int k = i->method_index(name);
                if (k >= 0) {
                    Found f;
                    f.obj = i->methods[k];
                    f.path = c.path;
                    f.dynamic = true;
                    f.indirect = c.indirect;
                    found.push_back(std::move(f));
                }
            }
        }
        if (found.size() > 1) return false;  // ambiguous selector
        if (found.size() == 1) {
            Found& f = found[0];
            out.obj = f.obj;
            out.path = std::move(f.path);
            out.dynamic = f.dynamic;
            out.ptr_recv = false;
            out.adjust = RecvAdjust::None;
            if (f.is_field) {
                out.kind = SelectionKind::FieldVal;
                return true;
            }
            out.kind = SelectionKind::MethodVal;
            if (!f.dynamic) {
                out.ptr_recv = f.obj->ptr_recv;
                if (f.obj->ptr_recv && !f.recv_is_ptr) {
                    // Go: a pointer method needs an addressable operand, unless the
                    // embedded value was reached through a pointer (then it is addressable).
                    if (!addressable && !f.indirect) {
                        if (not_addressable) *not_addressable = true;
                        return false;
                    }
                    out.adjust = RecvAdjust::AddrOf;
                } else if (!f.obj->ptr_recv && f.recv_is_ptr) {
                    out.adjust = RecvAdjust::Deref;
                }
            }
            return true;
        }
        current = std::move(next);
    }
    return false;
}

Object* find_method(const Type* T, std::string_view name) {
    Selection sel;
    if (!lookup_field_or_method(T, false, name, sel)) return nullptr;
    if (sel.kind != SelectionKind::MethodVal) return nullptr;
    return sel.obj;
}

static bool same_method_sig(const Object* a, const Object* b) {
    auto sa = a->type->as<Signature>();
    auto sb = b->type->as<Signature>();
    return sa && sb && identical_sigs(sa, sb);
}

bool implements(const Type* T, const Type* iface, std::string* why) {
    auto it = underlying(iface) ? underlying(iface)->as<Interface>() : nullptr;
    if (!it) return false;
    auto ti = underlying(T) ? underlying(T)->as<Interface>() : nullptr;
    for (auto m : it->methods) {
        Object* have = nullptr;
        if (ti) {
            int k = ti->method_index(m->name);
            have = k >= 0 ? ti->methods[k] : nullptr;
        } else {
            Selection sel;
            bool na = false;
            if (lookup_field_or_method(T, false, m->name, sel, &na) && sel.kind == SelectionKind::MethodVal)
                have = sel.obj;
            if (!have && na) {
                if (why) *why = "(" + m->name + " method has pointer receiver)";
                return false;
            }
        }
        if (!have) {
            if (why) *why = "(missing " + m->name + " method)";
            return false;
        }
        if (!same_method_sig(have, m)) {
            if (why)
                *why = "(wrong type for " + m->name + " method)\n\t\thave " + m->name +
                       type_string(have->type, m->pkg).substr(4) + "\n\t\twant " + m->name +
                       type_string(m->type, m->pkg).substr(4);
            return false;
        }
    }
    return true;
}

bool assignable(const Type* from, const Type* to) {
    if (!from || !to) return false;
    if (identical(from, to)) return true;
    const Type* uf = underlying(from);
    const Type* ut = underlying(to);
    if (is_untyped(from)) {
        auto b = from->as<Basic>();
        if (b->basic == BasicKind::UntypedNil) return has_nil(to);
        if (ut->is<Interface>()) return ut->as<Interface>()->empty();
        uint8_t f = basic_info(b->basic);
        if (f & BasicInfo::IsBoolean) return is_boolean(to);
        if (f & BasicInfo::IsString) return is_string(to);
        return is_numeric(to);
    }
    // Predeclared types (int, string...) count as named here, as in the spec.
    auto named = [](const Type* t) { return t->is<Named>() || t->is<Basic>(); };
    if (identical(uf, ut) && (!named(from) || !named(to))) return true;
    if (ut->is<Interface>() && implements(from, to)) return true;
    if (auto cf = uf->as<Chan>(); cf && cf->dir == ChanDir::Both) {
        if (auto ct = ut->as<Chan>(); ct && identical(cf->elem, ct->elem) && (!named(from) || !named(to)))
            return true;
    }
    return false;
}

std::string contained_lock(const Type* T) {
    std::set<const Type*> seen;
    auto rec = [&](auto& self, const Type* t) -> std::string {
        if (!t || !seen.insert(t).second) return "";
        if (auto n = t->as<Named>()) {
            static constexpr std::string_view locks[] = {"sync.Mutex", "sync.RWMutex", "sync.WaitGroup",
                                                         "sync.Once",  "sync.Cond",    "sync.Pool",
                                                         "sync.Map",   "atomic.Int32", "atomic.Int64",
                                                         "atomic.Uint32", "atomic.Uint64", "atomic.Bool",
                                                         "atomic.Value"};
            for (auto l : locks)
                if (n->native == l) return type_string(t);
            return self(self, n->underlying);
        }
        if (auto s = t->as<Struct>()) {
            for (auto f : s->fields) {
                auto r = self(self, f->type);
                if (!r.empty()) return r;
            }
        }
        if (auto a = t->as<Array>()) return self(self, a->elem);
        return "";
    };
    return rec(rec, T);
}

// ---------------------------------------------------------------------------------------
// TypeInfo

TypeInfo::TypeInfo() = default;
TypeInfo::~TypeInfo() = default;

Object* TypeInfo::make_object(ObjectKind kind, std::string name, Pos pos) {
    auto o = std::make_unique<Object>();
    o->kind = kind;
    o->name = std::move(name);
    o->pos = pos;
    Object* raw = o.get();
    m_objects.push_back(std::move(o));
    return raw;
}

Selection* TypeInfo::make_selection() {
    m_selections.push_back(std::make_unique<Selection>());
    return m_selections.back().get();
}

const ConstValue* TypeInfo::make_const(ConstValue v) {
    m_consts.push_back(std::make_unique<ConstValue>(std::move(v)));
    return m_consts.back().get();
}

Package* TypeInfo::make_package(std::string path, std::string name) {
    auto p = std::make_unique<Package>();
    p->path = std::move(path);
    p->name = std::move(name);
    m_packages.push_back(std::move(p));
    return m_packages.back().get();
}

const Pointer* TypeInfo::pointer_to(const Type* elem) {
    auto it = m_pointers.find(elem);
    if (it != m_pointers.end()) return it->second;
    auto p = make_type<Pointer>(elem);
    m_pointers.emplace(elem, p);
    return p;
}

const Slice* TypeInfo::slice_of(const Type* elem) { return make_type<Slice>(elem); }

const Tuple* TypeInfo::tuple_of(std::vector<const Type*> types) {
    auto t = make_type<Tuple>();
    for (size_t i = 0; i < types.size(); ++i) {
        Object* v = make_object(ObjectKind::Var, "");
        v->var_kind = VarKind::Result;
        v->type = types[i];
        v->index = static_cast<uint32_t>(i);
        t->vars.push_back(v);
    }
    return t;
}

}  // namespace lockstep::lang
