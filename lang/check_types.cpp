// Type expressions: names of types, pointer/array/slice/map/chan/func/struct/interface
// literals, signatures (declaring parameters), and their validity rules.
#include <algorithm>

#include "lang/checker.hpp"
#include "lang/go_api.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

bool Checker::direct_cycle(Object* o) const {
    size_t k = m_type_path.size();
    while (k > 0 && m_type_path[k - 1].first != o) --k;
    if (k == 0) return true;  // not on the path: be as strict as before
    for (size_t j = k; j < m_type_path.size(); ++j)
        if (!m_type_path[j].second) return false;
    return true;
}

const Type* Checker::type_expr(Expr* e, bool direct) {
    const Type* t = nullptr;
    switch (e->kind) {
    case NodeKind::Ident: {
        auto id = e->as<Ident>();
        if (id->name == "_") error(id->pos, "cannot use _ as value or type");
        Object* o = lookup(id->name);
        if (!o && !unsupported_universe_name(id->name).empty()) unsupported(id->pos, unsupported_universe_name(id->name));
        if (!o) error(id->pos, "undefined: " + id->name);
        if (o->kind == ObjectKind::PackageName) error(id->pos, "use of package " + id->name + " not in selector");
        if (o->kind != ObjectKind::TypeName) {
            Operand x = ident(id);
            error(id->pos, describe(x) + " is not a type");
        }
        id->obj = o;
        o->used = true;
        if (o->pkg == m_pkg) {
            auto it = m_decls.find(o);
            if (it != m_decls.end()) {
                if (it->second.state == DeclInfo::State::Resolving && direct && !it->second.type_spec->alias &&
                    direct_cycle(o))
                    error(it->second.type_spec->name->pos, "invalid recursive type " + o->name);
                m_reach_direct = direct;
                resolve_package_object(o);
                m_reach_direct = true;
            }
        }
        t = o->type;
        break;
    }
    case NodeKind::ParenExpr: t = type_expr(e->as<ParenExpr>()->x, direct); break;
    case NodeKind::SelectorExpr: {
        auto se = e->as<SelectorExpr>();
        auto pid = se->x->as<Ident>();
        Object* po = pid ? lookup(pid->name) : nullptr;
        if (pid && !po) error(pid->pos, "undefined: " + pid->name);
        if (!po || po->kind != ObjectKind::PackageName) error(start_pos(e), expr_string(e) + " is not a type");
        pid->obj = po;
        po->used = true;
        Object* m = po->imported->lookup(se->sel->name);
        if (!m && go_exports(po->imported->path, se->sel->name))
            unsupported(se->sel->pos, "library member " + po->imported->path + "." + se->sel->name);
        if (m && !(se->sel->name[0] >= 'A' && se->sel->name[0] <= 'Z'))
            error(se->sel->pos, se->sel->name + " not exported by package " + po->imported->name);
        if (!m) error(se->sel->pos, "undefined: " + expr_string(e));
        if (m->kind != ObjectKind::TypeName) error(start_pos(e), expr_string(e) + " is not a type");
        se->sel->obj = m;
        se->sel->type = m->type;
        se->sel->is_type = true;
        t = m->type;
        if (auto n = t->as<Named>(); n && n->native == "atomic.Pointer")
            error(start_pos(e), "cannot use generic type atomic.Pointer[T any] without instantiation");
        break;
    }
    case NodeKind::IndexExpr: t = instantiate_library(e->as<IndexExpr>()); break;
    case NodeKind::StarExpr: t = m_info.pointer_to(type_expr(e->as<StarExpr>()->x)); break;
    case NodeKind::ArrayType: {
        auto at = e->as<ArrayType>();
        if (at->is_slice()) {
            t = m_info.slice_of(type_expr(at->elem));
            break;
        }
        if (at->dots) error(at->pos, "invalid use of [...] array (outside a composite literal)");
        Operand n = expr(at->len);
        if (n.mode != Mode::Constant) error(start_pos(at->len), "array length " + expr_string(at->len) + " (" + describe(n).substr(expr_string(at->len).size() + 2));
        ConstValue iv;
        if (!representable(*n.val, BasicKind::Int, &iv) || !is_integer(n.type) && n.val->kind != ConstKind::Int)
            error(start_pos(at->len), "array length " + expr_string(at->len) + " must be integer");
        if (iv.i < 0) error(start_pos(at->len), "invalid array length " + expr_string(at->len));
        if (is_untyped(n.type)) convert_untyped(n, basic_type(BasicKind::Int));
        t = m_info.make_type<Array>(type_expr(at->elem, direct), iv.i.get_si());
        break;
    }
    case NodeKind::MapType: {
        auto mt = e->as<MapType>();
        const Type* k = type_expr(mt->key);
        const Type* v = type_expr(mt->elem);
        // A key type still being declared is checked once complete; others now.
        if (underlying(k) && !comparable(k)) error(start_pos(mt->key), "invalid map key type " + type_string(k, m_pkg));
        t = m_info.make_type<Map>(k, v);
        break;
    }
    case NodeKind::ChanType: {
        auto ct = e->as<ChanType>();
        t = m_info.make_type<Chan>(ct->dir, type_expr(ct->elem));
        break;
    }
    case NodeKind::FuncType: t = signature(e->as<FuncType>(), nullptr, nullptr, false); break;
    case NodeKind::StructType: t = struct_type(e->as<StructType>()); break;
    case NodeKind::InterfaceType: t = interface_type(e->as<InterfaceType>()); break;
    case NodeKind::Ellipsis: error(e->pos, "invalid use of ...");
    default: error(start_pos(e), expr_string(e) + " is not a type");
    }
    e->type = t;
    e->is_type = true;
    return t;
}

const Signature* Checker::signature(FuncType* ft, Field* recv, Node* owner, bool declare_params) {
    auto sig = m_info.make_type<Signature>();
    auto make_tuple = [&](std::vector<Field>& fields, VarKind kind, bool allow_variadic) {
        auto tup = m_info.make_type<Tuple>();
        for (size_t fi = 0; fi < fields.size(); ++fi) {
            Field& f = fields[fi];
            const Type* t = type_expr(f.type);
            if (f.variadic) {
                if (!allow_variadic || fi + 1 != fields.size() || f.names.size() > 1)
                    error(f.pos, "can only use ... with final parameter in list");
                t = m_info.slice_of(t);
                f.type->type = t;
                sig->variadic = true;
            }
            if (f.names.empty()) {
                Object* v = m_info.make_object(ObjectKind::Var, "", f.pos);
                v->var_kind = kind;
                v->type = t;
                v->pkg = m_pkg;
                v->owner = owner;
                v->index = static_cast<uint32_t>(tup->vars.size());
                tup->vars.push_back(v);
            }
            for (Ident* id : f.names) {
                Object* v = m_info.make_object(ObjectKind::Var, id->name, id->pos);
                v->var_kind = kind;
                v->type = t;
                v->pkg = m_pkg;
                v->owner = owner;
                v->decl = id;
                v->index = static_cast<uint32_t>(tup->vars.size());
                id->obj = v;
                id->type = t;
                tup->vars.push_back(v);
            }
        }
        return tup;
    };
    if (recv) {
        Object* r = m_info.make_object(ObjectKind::Var, recv->names.empty() ? "" : recv->names[0]->name, recv->pos);
        r->var_kind = VarKind::Receiver;
        r->type = recv->type->type;
        r->pkg = m_pkg;
        r->owner = owner;
        if (!recv->names.empty()) {
            r->decl = recv->names[0];
            r->pos = recv->names[0]->pos;
            recv->names[0]->obj = r;
            recv->names[0]->type = r->type;
        }
        sig->recv = r;
    }
    sig->params = make_tuple(ft->params, VarKind::Param, true);
    sig->results = make_tuple(ft->results, VarKind::Result, false);
    ft->type = sig;
    ft->is_type = true;
    (void)declare_params;
    return sig;
}

static std::string embedded_name(const Expr* e) {
    while (true) {
        if (auto p = e->as<ParenExpr>()) e = p->x;
        else if (auto s = e->as<StarExpr>()) e = s->x;
        else break;
    }
    if (auto id = e->as<Ident>()) return id->name;
    if (auto se = e->as<SelectorExpr>()) return se->sel->name;
    return "";
}

const Struct* Checker::struct_type(StructType* st) {
    auto s = m_info.make_type<Struct>();
    std::unordered_set<std::string> names;
    for (Field& f : st->fields) {
        const Type* t = type_expr(f.type, true);
        auto add = [&](const std::string& name, Ident* id, bool embedded, Pos pos) {
            if (name != "_" && !names.insert(name).second) error(pos, name + " redeclared");
            Object* v = m_info.make_object(ObjectKind::Var, name, pos);
            v->var_kind = VarKind::Field;
            v->type = t;
            v->pkg = m_pkg;
            v->embedded = embedded;
            v->decl = id;
            v->index = static_cast<uint32_t>(s->fields.size());
            if (id) {
                id->obj = v;
                id->type = t;
            }
            s->fields.push_back(v);
        };
        if (f.names.empty()) {
            std::string name = embedded_name(f.type);
            if (name.empty()) error(f.pos, "invalid embedded field type " + expr_string(f.type));
            const Type* base = t->is<Pointer>() ? t->as<Pointer>()->elem : t;
            if (t->is<Pointer>() && (is_pointer(base) || is_interface(base)))
                error(start_pos(f.type), "embedded field type cannot be a pointer to an interface");
            add(name, nullptr, true, start_pos(f.type));
        }
        for (Ident* id : f.names) add(id->name, id, false, id->pos);
    }
    return s;
}

const Interface* Checker::interface_type(InterfaceType* it) {
    auto iface = m_info.make_type<Interface>();
    for (Field& f : it->methods) {
        if (f.names.empty()) {
            const Type* t = type_expr(f.type);
            auto ei = underlying(t) ? underlying(t)->as<Interface>() : nullptr;
            if (!ei) {
                if (!underlying(t)) unsupported(start_pos(f.type), "recursive interface embedding");
                unsupported(start_pos(f.type), "type constraints in interfaces (generics)");
            }
            iface->embedded.push_back(t);
            for (Object* m : ei->methods) {
                int k = iface->method_index(m->name);
                if (k >= 0) {
                    if (!identical(iface->methods[k]->type, m->type)) error(start_pos(f.type), "duplicate method " + m->name);
                    continue;
                }
                iface->methods.push_back(m);
            }
            continue;
        }
        auto ft = f.type->as<FuncType>();
        if (!ft) unsupported(f.pos, "interface element");
        Ident* id = f.names[0];
        if (iface->method_index(id->name) >= 0) error(id->pos, "duplicate method " + id->name);
        Object* m = m_info.make_object(ObjectKind::Func, id->name, id->pos);
        m->pkg = m_pkg;
        m->decl = id;
        m->iface = iface;
        id->obj = m;
        m->type = signature(ft, nullptr, nullptr, false);
        iface->methods.push_back(m);
    }
    std::sort(iface->methods.begin(), iface->methods.end(), [](Object* a, Object* b) { return a->name < b->name; });
    return iface;
}

}  // namespace lockstep::lang
