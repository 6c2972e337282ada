// Expressions: names, selectors, literals, operators, indexing, conversions of untyped
// constants to their context, and how expressions are printed in messages.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "lang/checker.hpp"
#include "lang/go_api.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

// ---------------------------------------------------------------------------------------
// Printing expressions (Go's ExprString)

static void write_fields(std::string& out, const std::vector<Field>& fields, const char* sep) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += sep;
        const Field& f = fields[i];
        for (size_t k = 0; k < f.names.size(); ++k) {
            if (k) out += ", ";
            out += f.names[k]->name;
        }
        if (!f.names.empty()) out += ' ';
        if (f.variadic) out += "...";
        out += expr_string(f.type);
    }
}

static void write_func_type(std::string& out, const FuncType* ft) {
    out += '(';
    write_fields(out, ft->params, ", ");
    out += ')';
    if (ft->results.empty()) return;
    out += ' ';
    if (ft->results.size() == 1 && ft->results[0].names.empty()) {
        out += expr_string(ft->results[0].type);
        return;
    }
    out += '(';
    write_fields(out, ft->results, ", ");
    out += ')';
}

std::string expr_string(const Expr* e) {
    if (!e) return "";
    switch (e->kind) {
    case NodeKind::Ident: return e->as<Ident>()->name;
    case NodeKind::BasicLit: return e->as<BasicLit>()->text;
    case NodeKind::CompositeLit: {
        auto cl = e->as<CompositeLit>();
        return expr_string(cl->type_expr) + (cl->elts.empty() ? "{}" : "{…}");
    }
    case NodeKind::FuncLit: {
        std::string out = "func";
        write_func_type(out, e->as<FuncLit>()->sig);
        auto body = e->as<FuncLit>()->body;
        return out + (body && !body->stmts.empty() ? " {…}" : " {}");
    }
    case NodeKind::ParenExpr: return "(" + expr_string(e->as<ParenExpr>()->x) + ")";
    case NodeKind::SelectorExpr: return expr_string(e->as<SelectorExpr>()->x) + "." + e->as<SelectorExpr>()->sel->name;
    case NodeKind::IndexExpr: return expr_string(e->as<IndexExpr>()->x) + "[" + expr_string(e->as<IndexExpr>()->index) + "]";
    case NodeKind::SliceExpr: {
        auto s = e->as<SliceExpr>();
        std::string out = expr_string(s->x) + "[" + expr_string(s->low) + ":" + expr_string(s->high);
        if (s->slice3) out += ":" + expr_string(s->max);
        return out + "]";
    }
    case NodeKind::TypeAssertExpr: {
        auto t = e->as<TypeAssertExpr>();
        return expr_string(t->x) + ".(" + (t->type_expr ? expr_string(t->type_expr) : "type") + ")";
    }
    case NodeKind::CallExpr: {
        auto c = e->as<CallExpr>();
        std::string out = expr_string(c->fun) + "(";
        for (size_t i = 0; i < c->args.size(); ++i) {
            if (i) out += ", ";
            out += expr_string(c->args[i]);
        }
        if (c->has_ellipsis) out += "...";
        return out + ")";
    }
    case NodeKind::StarExpr: return "*" + expr_string(e->as<StarExpr>()->x);
    case NodeKind::UnaryExpr: return std::string(tok_text(e->as<UnaryExpr>()->op)) + expr_string(e->as<UnaryExpr>()->x);
    case NodeKind::BinaryExpr: {
        auto b = e->as<BinaryExpr>();
        return expr_string(b->x) + " " + std::string(tok_text(b->op)) + " " + expr_string(b->y);
    }
    case NodeKind::KeyValueExpr: return expr_string(e->as<KeyValueExpr>()->key) + ": " + expr_string(e->as<KeyValueExpr>()->value_expr);
    case NodeKind::ArrayType: {
        auto a = e->as<ArrayType>();
        return "[" + (a->dots ? std::string("...") : expr_string(a->len)) + "]" + expr_string(a->elem);
    }
    case NodeKind::StructType: {
        std::string out = "struct{";
        write_fields(out, e->as<StructType>()->fields, "; ");
        return out + "}";
    }
    case NodeKind::FuncType: {
        std::string out = "func";
        write_func_type(out, e->as<FuncType>());
        return out;
    }
    case NodeKind::InterfaceType: {
        auto it = e->as<InterfaceType>();
        std::string out = "interface{";
        for (size_t i = 0; i < it->methods.size(); ++i) {
            if (i) out += "; ";
            const Field& f = it->methods[i];
            if (f.names.empty()) {
                out += expr_string(f.type);
            } else {
                out += f.names[0]->name;
                if (auto ft = f.type->as<FuncType>()) write_func_type(out, ft);
            }
        }
        return out + "}";
    }
    case NodeKind::MapType: return "map[" + expr_string(e->as<MapType>()->key) + "]" + expr_string(e->as<MapType>()->elem);
    case NodeKind::ChanType: {
        auto c = e->as<ChanType>();
        const char* p = c->dir == ChanDir::Send ? "chan<- " : c->dir == ChanDir::Recv ? "<-chan " : "chan ";
        return p + expr_string(c->elem);
    }
    case NodeKind::Ellipsis: return "..." + expr_string(e->as<Ellipsis>()->elt);
    default: return "?";
    }
}

Pos start_pos(const Expr* e) {
    while (e) {
        switch (e->kind) {
        case NodeKind::BinaryExpr: e = e->as<BinaryExpr>()->x; continue;
        case NodeKind::SelectorExpr: e = e->as<SelectorExpr>()->x; continue;
        case NodeKind::IndexExpr: e = e->as<IndexExpr>()->x; continue;
        case NodeKind::SliceExpr: e = e->as<SliceExpr>()->x; continue;
        case NodeKind::TypeAssertExpr: e = e->as<TypeAssertExpr>()->x; continue;
        case NodeKind::CallExpr: e = e->as<CallExpr>()->fun; continue;
        case NodeKind::KeyValueExpr: e = e->as<KeyValueExpr>()->key; continue;
        case NodeKind::CompositeLit:
            if (e->as<CompositeLit>()->type_expr) {
                e = e->as<CompositeLit>()->type_expr;
                continue;
            }
            return e->pos;
        default: return e->pos;
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------
// Operands

const ConstValue* Checker::constant_of(ConstValue v) { return m_info.make_const(std::move(v)); }


std::string Checker::describe(const Operand& x) {
    std::string s = expr_string(x.expr);
    std::string d;
    switch (x.mode) {
    case Mode::Invalid: d = "invalid operand"; break;
    case Mode::NoValue: d = "no value"; break;
    case Mode::Builtin: d = "built-in"; break;
    case Mode::TypeExpr: d = "type"; break;
    case Mode::PkgName: d = "package"; break;
    case Mode::Constant:
        if (is_untyped(x.type)) {
            d = std::string(basic_name(x.type->as<Basic>()->basic)) + " constant";
            if (x.val && x.val->to_string() != s) d += " " + x.val->to_string();
        } else {
            d = "constant ";
            if (x.val && x.val->to_string() != s) d += x.val->to_string() + " ";
            d += "of type " + type_string(x.type, m_pkg);
        }
        break;
    case Mode::Variable: d = "variable of type " + type_string(x.type, m_pkg); break;
    case Mode::MapIndex: d = "map index expression of type " + type_string(x.type, m_pkg); break;
    case Mode::CommaOk: d = "comma, ok expression of type " + type_string(x.type, m_pkg); break;
    default:
        if (is_untyped_nil(x.type)) return s == "nil" ? "nil" : s + " (untyped nil)";
        if (is_untyped(x.type)) d = std::string(basic_name(x.type->as<Basic>()->basic)) + " value";
        else if (x.type && x.type->is<Tuple>()) d = "value of type " + type_string(x.type, m_pkg);
        else d = "value of type " + type_string(x.type, m_pkg);
        break;
    }
    return s + " (" + d + ")";
}

void Checker::set_expr_type(Expr* e, const Type* t) {
    e->type = t;
    if (auto p = e->as<ParenExpr>()) {
        set_expr_type(p->x, t);
    } else if (auto u = e->as<UnaryExpr>()) {
        if (u->op != Tok::Arrow && u->op != Tok::And) set_expr_type(u->x, t);
    } else if (auto b = e->as<BinaryExpr>()) {
        switch (b->op) {
        case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: break;
        case Tok::Shl: case Tok::Shr: set_expr_type(b->x, t); break;
        default:
            set_expr_type(b->x, t);
            set_expr_type(b->y, t);
        }
    }
}

// Converts an untyped operand to `target`; returns false (and why: "overflows",
// "truncated", "") when it cannot.
static bool try_convert(Checker& c, Operand& x, const Type* target, std::string& why) {
    why.clear();
    if (!is_untyped(x.type)) return true;
    const Type* tu = underlying(target);
    if (!tu) return false;
    BasicKind xk = x.type->as<Basic>()->basic;
    if (xk == BasicKind::UntypedNil) {
        if (!has_nil(target)) return false;
        x.type = target;
        c.set_expr_type(x.expr, target);
        return true;
    }
    if (auto it = tu->as<Interface>()) {
        if (!it->empty()) return false;
        const Type* d = default_type(x.type);
        if (x.mode == Mode::Constant) {
            ConstValue v;
            if (!representable(*x.val, d->as<Basic>()->basic, &v)) {
                why = "overflows";
                return false;
            }
            x.val = c.constant_of(v);
            x.expr->value = x.val;
        }
        x.type = d;
        c.set_expr_type(x.expr, d);
        return true;
    }
    auto tb = tu->as<Basic>();
    if (!tb || is_untyped(tb)) return false;
    uint8_t xf = basic_info(xk), tf = basic_info(tb->basic);
    bool ok = (xf & BasicInfo::IsBoolean) ? (tf & BasicInfo::IsBoolean)
              : (xf & BasicInfo::IsString) ? (tf & BasicInfo::IsString)
                                           : (tf & (BasicInfo::IsInteger | BasicInfo::IsFloat | BasicInfo::IsComplex));
    if (!ok) return false;
    if (x.mode == Mode::Constant && x.val) {
        ConstValue v;
        if (!representable(*x.val, tb->basic, &v)) {
            // go/types: a float (or complex) operand that an integer type cannot hold is
            // "truncated", whatever its magnitude.
            bool floaty = x.val->kind == ConstKind::Float || x.val->kind == ConstKind::Complex ||
                          xk == BasicKind::UntypedFloat || xk == BasicKind::UntypedComplex;
            why = (floaty && (tf & BasicInfo::IsInteger))
                      ? "truncated"
                      : "overflows";
            return false;
        }
        x.val = c.constant_of(v);
        x.expr->value = x.val;
    }
    x.type = target;
    c.set_expr_type(x.expr, target);
    return true;
}

void Checker::convert_untyped(Operand& x, const Type* target) {
    std::string why;
    if (try_convert(*this, x, target, why)) return;
    if (why == "truncated")
        error(start_pos(x.expr), describe(x) + " truncated to " + type_string(target, m_pkg));
    if (why == "overflows")
        error(start_pos(x.expr), describe(x) + " overflows " + type_string(target, m_pkg));
    error(start_pos(x.expr), "cannot convert " + describe(x) + " to " + type_string(target, m_pkg));
}

void Checker::assign_to(Operand& x, const Type* target, const std::string& context) {
    if (x.mode == Mode::Invalid) return;
    if (!target) {
        if (is_untyped(x.type)) {
            if (is_untyped_nil(x.type)) error(start_pos(x.expr), "use of untyped nil in " + context);
            const Type* d = default_type(x.type);
            std::string why;
            if (!try_convert(*this, x, d, why))
                error(start_pos(x.expr), "cannot use " + describe(x) + " as " + type_string(d, m_pkg) + " value in " +
                                             context + (why.empty() ? "" : " (" + why + ")"));
        }
        return;
    }
    if (is_untyped(x.type)) {
        std::string why;
        if (try_convert(*this, x, target, why)) return;
        if (is_untyped_nil(x.type))
            error(start_pos(x.expr), "cannot use nil as " + type_string(target, m_pkg) + " value in " + context);
        if (is_interface(target)) {
            const Type* d = default_type(x.type);
            std::string reason;
            implements(d, target, &reason);
            error(start_pos(x.expr), "cannot use " + describe(x) + " as " + type_string(target, m_pkg) + " value in " +
                                         context + ": " + type_string(d, m_pkg) + " does not implement " +
                                         type_string(target, m_pkg) + " " + reason);
        }
        error(start_pos(x.expr), "cannot use " + describe(x) + " as " + type_string(target, m_pkg) + " value in " +
                                     context + (why.empty() ? "" : " (" + why + ")"));
    }
    if (assignable(x.type, target)) return;
    std::string msg = "cannot use " + describe(x) + " as type " + type_string(target, m_pkg) + " in " + context;
    if (is_interface(target) && !is_interface(x.type)) {
        std::string reason;
        implements(x.type, target, &reason);
        msg += ":\n\t" + type_string(x.type, m_pkg) + " does not implement " + type_string(target, m_pkg) + " " + reason;
    }
    error(start_pos(x.expr), msg);
}

// ---------------------------------------------------------------------------------------
// Expressions

Operand Checker::expr(Expr* e, const Type* hint) {
    Operand x;
    x.expr = e;
    switch (e->kind) {
    case NodeKind::Ident: x = ident(e->as<Ident>()); break;
    case NodeKind::BasicLit: {
        auto bl = e->as<BasicLit>();
        std::string err;
        auto v = const_from_literal(bl->lit, bl->text, err);
        if (!v && err.rfind("unsupported: ", 0) == 0) unsupported(bl->pos, err.substr(13));
        if (!v) error(bl->pos, err);
        x.mode = Mode::Constant;
        x.val = constant_of(*v);
        BasicKind k = bl->lit == LitKind::Int ? BasicKind::UntypedInt
                      : bl->lit == LitKind::Float ? BasicKind::UntypedFloat
                      : bl->lit == LitKind::Imag ? BasicKind::UntypedComplex
                      : bl->lit == LitKind::Char ? BasicKind::UntypedRune
                                                 : BasicKind::UntypedString;
        x.type = basic_type(k);
        break;
    }
    case NodeKind::CompositeLit: x = composite(e->as<CompositeLit>(), hint); break;
    case NodeKind::FuncLit: x = func_lit(e->as<FuncLit>()); break;
    case NodeKind::ParenExpr: x = expr(e->as<ParenExpr>()->x, hint); break;
    case NodeKind::SelectorExpr: x = selector(e->as<SelectorExpr>()); break;
    case NodeKind::IndexExpr: x = index(e->as<IndexExpr>()); break;
    case NodeKind::SliceExpr: x = slice(e->as<SliceExpr>()); break;
    case NodeKind::TypeAssertExpr: {
        auto ta = e->as<TypeAssertExpr>();
        if (!ta->type_expr) error(ta->pos, "invalid syntax tree: use of .(type) outside type switch");
        Operand v = rvalue(ta->x);
        if (!is_interface(v.type)) error(start_pos(ta->x), "invalid operation: " + describe(v) + " is not an interface");
        const Type* T = type_expr(ta->type_expr);
        if (!is_interface(T)) {
            std::string why;
            if (!implements(T, v.type, &why))
                error(start_pos(ta->type_expr), "impossible type assertion: " + expr_string(e) + "\n\t" +
                                                    type_string(T, m_pkg) + " does not implement " +
                                                    type_string(v.type, m_pkg) + " " + why);
        }
        x.mode = Mode::CommaOk;
        x.type = T;
        break;
    }
    case NodeKind::CallExpr: x = call(e->as<CallExpr>()); break;
    case NodeKind::StarExpr: {
        auto se = e->as<StarExpr>();
        Operand v = expr(se->x);
        if (v.mode == Mode::TypeExpr) {
            x.mode = Mode::TypeExpr;
            x.type = m_info.pointer_to(v.type);
            break;
        }
        if (v.mode == Mode::NoValue) error(start_pos(se->x), describe(v) + " used as value or type");
        if (v.mode == Mode::Invalid || v.mode == Mode::Builtin || v.mode == Mode::PkgName)
            error(start_pos(se->x), describe(v) + " is not an expression");
        if (is_untyped_nil(v.type)) error(se->pos, "invalid operation: cannot indirect nil");
        auto p = underlying(v.type) ? underlying(v.type)->as<Pointer>() : nullptr;
        if (!p) error(se->pos, "invalid operation: cannot indirect " + describe(v));
        x.mode = Mode::Variable;
        x.type = p->elem;
        break;
    }
    case NodeKind::UnaryExpr: x = unary(e->as<UnaryExpr>()); break;
    case NodeKind::BinaryExpr: x = binary(e->as<BinaryExpr>()); break;
    case NodeKind::KeyValueExpr: error(start_pos(e), "unexpected key:value expression");
    case NodeKind::ArrayType:
    case NodeKind::StructType:
    case NodeKind::FuncType:
    case NodeKind::InterfaceType:
    case NodeKind::MapType:
    case NodeKind::ChanType:
        x.mode = Mode::TypeExpr;
        x.type = type_expr(e);
        break;
    case NodeKind::Ellipsis: error(e->pos, "invalid use of ...");
    default: unsupported(e->pos, std::string(node_kind_name(e->kind)) + " expression");
    }
    x.expr = e;
    e->type = x.type;
    e->value = x.mode == Mode::Constant ? x.val : nullptr;
    e->is_type = x.mode == Mode::TypeExpr;
    if (auto se = e->as<SelectorExpr>()) {
        se->sel->type = x.type;
        se->sel->value = e->value;
        se->sel->is_type = e->is_type;
    }
    return x;
}

Operand Checker::multi_value(Expr* e) {
    Operand x = expr(e);
    switch (x.mode) {
    case Mode::TypeExpr: error(start_pos(e), expr_string(e) + " (type) is not an expression");
    case Mode::NoValue: error(start_pos(e), expr_string(e) + " (no value) used as value");
    case Mode::Builtin: error(start_pos(e), expr_string(e) + " (built-in) must be called");
    case Mode::PkgName: error(start_pos(e), "use of package " + expr_string(e) + " not in selector");
    default: break;
    }
    return x;
}

Operand Checker::rvalue(Expr* e, const Type* hint) {
    Operand x = expr(e, hint);
    switch (x.mode) {
    case Mode::TypeExpr: error(start_pos(e), expr_string(e) + " (type) is not an expression");
    case Mode::NoValue: error(start_pos(e), expr_string(e) + " (no value) used as value");
    case Mode::Builtin: error(start_pos(e), expr_string(e) + " (built-in) must be called");
    case Mode::PkgName: error(start_pos(e), "use of package " + expr_string(e) + " not in selector");
    default: break;
    }
    if (x.type && x.type->is<Tuple>())
        error(start_pos(e), "multiple-value " + describe(x) + " in single-value context");
    return x;
}

Operand Checker::ident(Ident* id) {
    Operand x;
    x.expr = id;
    if (id->name == "_") error(id->pos, "cannot use _ as value");
    Object* o = lookup(id->name);
    if (!o && !unsupported_universe_name(id->name).empty()) unsupported(id->pos, unsupported_universe_name(id->name));
    if (!o) error(id->pos, "undefined: " + id->name);
    id->obj = o;
    resolve_package_object(o);
    switch (o->kind) {
    case ObjectKind::TypeName:
        o->used = true;
        x.mode = Mode::TypeExpr;
        x.type = o->type;
        if (!x.type) error(id->pos, "invalid recursive type " + id->name);
        break;
    case ObjectKind::Const:
        o->used = true;
        x.mode = Mode::Constant;
        x.type = o->type;
        x.val = o->value;
        if (o == universe_lookup("iota") && o->pkg == nullptr) {
            if (m_iota < 0) error(id->pos, "cannot use iota outside constant declaration");
            x.val = constant_of(const_int(m_iota));
        }
        break;
    case ObjectKind::Var:
        use(o, id);
        x.mode = Mode::Variable;
        x.type = o->type;
        if (!x.type) error(id->pos, "invalid use of " + id->name + " in its own initialization");
        break;
    case ObjectKind::Func:
        use(o, id);
        x.mode = Mode::Value;
        x.type = o->type;
        break;
    case ObjectKind::PackageName:
        o->used = true;
        x.mode = Mode::PkgName;
        x.obj = o;
        break;
    case ObjectKind::Builtin:
        x.mode = Mode::Builtin;
        x.obj = o;
        break;
    case ObjectKind::Nil:
        x.mode = Mode::Value;
        x.type = o->type;
        break;
    case ObjectKind::Label: error(id->pos, "undefined: " + id->name);
    }
    return x;
}

static bool exported(const std::string& name) { return !name.empty() && name[0] >= 'A' && name[0] <= 'Z'; }

Operand Checker::selector(SelectorExpr* se) {
    Operand x;
    x.expr = se;
    const std::string& name = se->sel->name;
    // Qualified identifier pkg.Name.
    if (auto pid = se->x->as<Ident>()) {
        Object* po = lookup(pid->name);
        if (po && po->kind == ObjectKind::PackageName) {
            pid->obj = po;
            po->used = true;
            Object* m = po->imported->lookup(name);
            if (!m && exported(name) && go_exports(po->imported->path, name))
                unsupported(se->sel->pos, "library member " + po->imported->path + "." + name);
            if (m && go_since(po->imported->path, name) > m_options.lang_minor) m = nullptr;  // newer than --lang
            if (m && (m->native == "sync.OnceValue" || m->native == "sync.OnceValues"))
                error(se->sel->pos, "cannot use generic function sync." + name + " without instantiation");
            if (m && !exported(name)) error(se->sel->pos, name + " not exported by package " + po->imported->name);
            if (!m || !exported(name)) error(se->sel->pos, "undefined: " + pid->name + "." + name);
            se->sel->obj = m;
            se->sel->type = m->type;
            x.type = m->type;
            switch (m->kind) {
            case ObjectKind::TypeName: x.mode = Mode::TypeExpr; break;
            case ObjectKind::Const: x.mode = Mode::Constant; x.val = m->value; break;
            case ObjectKind::Var: x.mode = Mode::Variable; break;
            default: x.mode = Mode::Value; break;
            }
            return x;
        }
    }
    Operand v = expr(se->x);
    if (v.mode == Mode::PkgName) error(start_pos(se->x), "use of package " + expr_string(se->x) + " not in selector");
    if (v.mode == Mode::NoValue) error(start_pos(se->x), describe(v) + " used as value or type");
    if (v.mode == Mode::Invalid || v.mode == Mode::Builtin)
        error(start_pos(se->x), describe(v) + " is not an expression");
    if (v.type && v.type->is<Tuple>())
        error(start_pos(se->x), "multiple-value " + describe(v) + " in single-value context");
    auto sel = m_info.make_selection();
    if (v.mode == Mode::TypeExpr) {
        // Method expression T.M / (*T).M.
        const Type* T = v.type;
        Selection s;
        bool na = false;
        bool found = lookup_field_or_method(T, false, name, s, &na) && s.kind == SelectionKind::MethodVal;
        if (s.obj && s.obj->pkg && s.obj->pkg != m_pkg && !exported(name)) found = na = false;
        if (!found && !T->is<Pointer>()) {
            // (*T).M includes pointer methods; T.M does not.
            if (na) error(se->sel->pos, "invalid method expression " + expr_string(se) + " (needs pointer receiver (*" +
                                            type_string(T, m_pkg) + ")." + name + ")");
        }
        if (!found) error(se->sel->pos, expr_string(se) + " undefined (type " + type_string(T, m_pkg) + " has no method " + name + ")");
        *sel = s;
        sel->kind = SelectionKind::MethodExpr;
        sel->recv = T;
        auto msig = s.obj->type->as<Signature>();
        auto sig = m_info.make_type<Signature>();
        auto params = m_info.make_type<Tuple>();
        Object* r = m_info.make_object(ObjectKind::Var, "");
        r->var_kind = VarKind::Param;
        r->type = T;
        params->vars.push_back(r);
        for (Object* p : msig->params->vars) params->vars.push_back(p);
        sig->params = params;
        sig->results = msig->results;
        sig->variadic = msig->variadic;
        se->selection = sel;
        se->sel->obj = s.obj;
        if (s.obj->func_decl) record_dep(s.obj);
        x.mode = Mode::Value;
        x.type = sig;
        return x;
    }
    Selection s;
    bool na = false;
    bool found = lookup_field_or_method(v.type, v.mode == Mode::Variable, name, s, &na);
    // Another package's unexported fields and methods are not in the selector's reach.
    if (s.obj && s.obj->pkg && s.obj->pkg != m_pkg && !exported(name)) {
        found = false;
        na = false;
    }
    if (!found) {
        if (na)
            error(se->sel->pos, "cannot call pointer method " + name + " on " + type_string(v.type, m_pkg));
        std::string what = "field or method";
        // Go's hint when only the case of the first letter differs.
        std::string other = name;
        other[0] = std::isupper(static_cast<unsigned char>(other[0])) ? std::tolower(other[0]) : std::toupper(other[0]);
        Selection alt;
        std::string hint;
        if (lookup_field_or_method(v.type, true, other, alt)) hint = ", but does have " + other;
        if (auto p = v.type->as<Pointer>(); p && is_interface(p->elem))
            error(se->sel->pos, expr_string(se) + " undefined (type " + type_string(v.type, m_pkg) +
                                    " is pointer to interface, not interface)");
        error(se->sel->pos, expr_string(se) + " undefined (type " + type_string(v.type, m_pkg) + " has no " + what + " " + name + hint + ")");
    }
    *sel = s;
    sel->recv = v.type;
    se->selection = sel;
    se->sel->obj = s.obj;
    if (s.kind == SelectionKind::FieldVal) {
        x.mode = (v.mode == Mode::Variable || s.indirect()) ? Mode::Variable : Mode::Value;
        x.type = s.obj->type;
        return x;
    }
    if (s.adjust == RecvAdjust::AddrOf && !s.indirect()) mark_address_taken(se->x);
    if (s.obj->func_decl) record_dep(s.obj);
    auto msig = s.obj->type->as<Signature>();
    if (msig->recv) {
        auto sig = m_info.make_type<Signature>();
        sig->params = msig->params;
        sig->results = msig->results;
        sig->variadic = msig->variadic;
        x.type = sig;
    } else {
        x.type = msig;
    }
    x.mode = Mode::Value;
    return x;
}

void Checker::mark_address_taken(Expr* e) {
    while (e) {
        if (auto p = e->as<ParenExpr>()) {
            e = p->x;
        } else if (auto id = e->as<Ident>()) {
            if (id->obj && id->obj->kind == ObjectKind::Var) id->obj->address_taken = true;
            return;
        } else if (auto se = e->as<SelectorExpr>()) {
            if (!se->selection || se->selection->kind != SelectionKind::FieldVal || se->selection->indirect()) return;
            e = se->x;
        } else if (auto ie = e->as<IndexExpr>()) {
            if (!ie->x->type || !underlying(ie->x->type)->is<Array>()) return;
            e = ie->x;
        } else {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Composite literals and function literals

Operand Checker::composite(CompositeLit* cl, const Type* hint) {
    Operand x;
    x.expr = cl;
    const Type* T = nullptr;
    bool dots_array = false;
    Expr* dots_elem = nullptr;
    if (cl->type_expr) {
        if (auto at = cl->type_expr->as<ArrayType>(); at && at->dots) {
            dots_array = true;
            dots_elem = at->elem;
        } else {
            T = type_expr(cl->type_expr);
        }
    } else {
        T = hint;
        if (!T) error(cl->pos, "invalid composite literal type: missing type");
    }
    const Type* base = T;
    bool elided_ptr = false;
    if (!cl->type_expr && T && underlying(T)->is<Pointer>()) {
        base = underlying(T)->as<Pointer>()->elem;
        elided_ptr = true;
    }
    auto element = [&](Expr* e, const Type* et, const std::string& ctx) {
        if (auto inner = e->as<CompositeLit>(); inner && !inner->type_expr) {
            Operand v = composite(inner, et);
            inner->type = v.type;
            return;
        }
        Operand v = rvalue(e, et);
        assign_to(v, et, ctx);
    };
    const Type* elem_t = dots_array ? type_expr(dots_elem) : nullptr;
    const Type* u = dots_array ? nullptr : underlying(base);
    if (dots_array || (u && (u->is<Array>() || u->is<Slice>()))) {
        if (!elem_t) elem_t = u->is<Array>() ? u->as<Array>()->elem : u->as<Slice>()->elem;
        int64_t idx = 0, max = 0;
        int64_t bound = (u && u->is<Array>()) ? u->as<Array>()->len : -1;
        std::unordered_set<int64_t> seen;
        for (Expr* e : cl->elts) {
            Expr* val = e;
            if (auto kv = e->as<KeyValueExpr>()) {
                idx = constant_index(kv->key, "index", bound);
                val = kv->value_expr;
            } else if (bound >= 0 && idx >= bound) {
                error(start_pos(e), "index " + std::to_string(idx) + " out of bounds [0:" + std::to_string(bound) + "]");
            }
            if (!seen.insert(idx).second) error(start_pos(e), "duplicate index " + std::to_string(idx) + " in array or slice literal");
            element(val, elem_t, "array or slice literal");
            ++idx;
            max = std::max(max, idx);
        }
        if (dots_array) {
            T = m_info.make_type<Array>(elem_t, max);
            base = T;
            cl->type_expr->type = T;
            cl->type_expr->is_type = true;
        }
    } else if (auto st = u ? u->as<Struct>() : nullptr) {
        if (!cl->elts.empty() && cl->elts[0]->is<KeyValueExpr>()) {
            std::unordered_set<std::string> seen;
            for (Expr* e : cl->elts) {
                auto kv = e->as<KeyValueExpr>();
                if (!kv) error(start_pos(e), "mixture of field:value and value elements in struct literal");
                auto key = kv->key->as<Ident>();
                if (!key) error(start_pos(kv->key), "invalid field name " + expr_string(kv->key) + " in struct literal");
                Object* f = nullptr;
                for (Object* fo : st->fields)
                    if (fo->name == key->name) f = fo;
                if (!f || (f->pkg != m_pkg && !exported(f->name)))
                    error(key->pos, "unknown field '" + key->name + "' in struct literal of type " + type_string(base, m_pkg));
                if (!seen.insert(key->name).second) error(key->pos, "duplicate field name " + key->name + " in struct literal");
                key->obj = f;
                key->type = f->type;
                element(kv->value_expr, f->type, "struct literal");
                kv->type = f->type;
            }
        } else if (!cl->elts.empty()) {
            for (size_t i = 0; i < cl->elts.size(); ++i) {
                Expr* e = cl->elts[i];
                if (e->is<KeyValueExpr>()) error(start_pos(e), "mixture of field:value and value elements in struct literal");
                if (i >= st->fields.size())
                    error(start_pos(e), "too many values in struct literal of type " + type_string(base, m_pkg));
                Object* f = st->fields[i];
                if (f->pkg != m_pkg && !exported(f->name))
                    error(start_pos(e), "implicit assignment to unexported field " + f->name + " in " + type_string(base, m_pkg) + " literal");
                element(e, f->type, "struct literal");
            }
            if (cl->elts.size() < st->fields.size())
                error(cl->rbrace.valid() ? cl->rbrace : cl->pos, "too few values in struct literal of type " + type_string(base, m_pkg));
        }
    } else if (auto mt = u ? u->as<Map>() : nullptr) {
        std::unordered_set<std::string> seen;
        for (Expr* e : cl->elts) {
            auto kv = e->as<KeyValueExpr>();
            if (!kv) error(start_pos(e), "missing key in map literal");
            element(kv->key, mt->key, "map literal");
            if (kv->key->value && !seen.insert(kv->key->value->to_string()).second)
                error(start_pos(kv->key), "duplicate key " + expr_string(kv->key) + " in map literal");
            element(kv->value_expr, mt->elem, "map literal");
        }
    } else {
        error(cl->type_expr ? start_pos(cl->type_expr) : cl->pos,
              "invalid composite literal type " + type_string(base, m_pkg));
    }
    x.mode = Mode::Value;
    x.type = elided_ptr ? T : base;
    return x;
}

Operand Checker::func_lit(FuncLit* fl) {
    Operand x;
    x.expr = fl;
    auto sig = signature(fl->sig, nullptr, fl, false);
    m_info.func_lits.push_back(fl);
    func_body(fl, sig, fl->body);
    x.mode = Mode::Value;
    x.type = sig;
    return x;
}

// ---------------------------------------------------------------------------------------
// Operators

static const char* op_name(Tok op) {
    switch (op) {
    case Tok::Add: return "+";
    case Tok::Sub: return "-";
    case Tok::Mul: return "*";
    case Tok::Quo: return "/";
    case Tok::Rem: return "%";
    case Tok::And: return "&";
    case Tok::Or: return "|";
    case Tok::Xor: return "^";
    case Tok::AndNot: return "&^";
    case Tok::LAnd: return "&&";
    case Tok::LOr: return "||";
    case Tok::Not: return "!";
    case Tok::Shl: return "<<";
    case Tok::Shr: return ">>";
    default: return "?";
    }
}

// Whether operator `op` applies to operands of type t.
static bool op_allowed(Tok op, const Type* t) {
    switch (op) {
    case Tok::Add: return is_numeric(t) || is_string(t);
    case Tok::Sub:
    case Tok::Mul:
    case Tok::Quo: return is_numeric(t);
    case Tok::Rem:
    case Tok::And:
    case Tok::Or:
    case Tok::Xor:
    case Tok::AndNot: return is_integer(t);
    case Tok::LAnd:
    case Tok::LOr:
    case Tok::Not: return is_boolean(t);
    default: return false;
    }
}

// The bigger of two untyped numeric kinds (int < rune < float < complex).
static BasicKind larger_untyped(BasicKind a, BasicKind b) {
    auto rank = [](BasicKind k) {
        return k == BasicKind::UntypedInt ? 0 : k == BasicKind::UntypedRune ? 1 : k == BasicKind::UntypedFloat ? 2 : 3;
    };
    return rank(a) >= rank(b) ? a : b;
}

Operand Checker::unary(UnaryExpr* ue) {
    Operand x;
    x.expr = ue;
    if (ue->op == Tok::And) {
        Expr* inner = ue->x;
        while (auto p = inner->as<ParenExpr>()) inner = p->x;
        if (auto cl = inner->as<CompositeLit>()) {
            Operand v = expr(ue->x);
            (void)cl;
            x.mode = Mode::Value;
            x.type = m_info.pointer_to(v.type);
            return x;
        }
        Operand v = rvalue(ue->x);
        if (v.mode != Mode::Variable) error(start_pos(ue), "invalid operation: cannot take address of " + describe(v));
        mark_address_taken(ue->x);
        x.mode = Mode::Value;
        x.type = m_info.pointer_to(v.type);
        return x;
    }
    Operand v = rvalue(ue->x);
    if (ue->op == Tok::Arrow) {
        auto ch = underlying(v.type) ? underlying(v.type)->as<Chan>() : nullptr;
        if (!ch) error(start_pos(ue->x), "invalid operation: cannot receive from non-channel " + describe(v));
        if (ch->dir == ChanDir::Send) error(start_pos(ue->x), "invalid operation: cannot receive from send-only channel " + describe(v));
        x.mode = Mode::CommaOk;
        x.type = ch->elem;
        return x;
    }
    if (!op_allowed(ue->op, v.type) && !(ue->op == Tok::Add && is_numeric(v.type)))
        error(start_pos(ue), "invalid operation: operator " + std::string(op_name(ue->op)) + " not defined on " + describe(v));
    x.type = v.type;
    if (v.mode == Mode::Constant) {
        std::string err;
        unsigned bits = 0;
        if (!is_untyped(v.type) && is_unsigned(v.type)) bits = int_bits(underlying(v.type)->as<Basic>()->basic);
        auto r = const_unary(ue->op, *v.val, bits, err);
        if (!r) error(start_pos(ue), err);
        x.mode = Mode::Constant;
        x.val = constant_of(*r);
        if (!is_untyped(v.type)) {
            ConstValue out;
            if (!representable(*x.val, underlying(v.type)->as<Basic>()->basic, &out))
                error(start_pos(ue), describe(x) + " overflows " + type_string(v.type, m_pkg));
        }
        return x;
    }
    x.mode = Mode::Value;
    return x;
}

// A failed constant operation: lockstep's own limits are unsupported, an overflow is
// reported at `op_pos` and anything else (division by zero) at `operand_pos`.
void Checker::const_error(Pos op_pos, Pos operand_pos, const std::string& err) {
    if (err.rfind("unsupported: ", 0) == 0) unsupported(op_pos, err.substr(13));
    if (err.find("overflow") != std::string::npos) error(op_pos, err);
    error(operand_pos, err);
}

Operand Checker::binary(BinaryExpr* be) {
    Operand x;
    x.expr = be;
    Tok op = be->op;
    if (op == Tok::Shl || op == Tok::Shr) {
        Operand l = rvalue(be->x);
        Operand r = rvalue(be->y);
        std::string count_desc = r.mode == Mode::Constant ? describe(r) : "";
        if (r.mode == Mode::Constant) {
            ConstValue cv;
            if (!representable(*r.val, BasicKind::Uint, &cv)) {
                if (r.val->kind == ConstKind::Int && r.val->i < 0)
                    error(start_pos(be->y), "invalid shift count " + describe(r) + " (must be non-negative)");
                error(start_pos(be->y), "invalid shift count " + describe(r));
            }
            if (is_untyped(r.type)) convert_untyped(r, basic_type(BasicKind::Uint));
        } else if (is_untyped(r.type)) {
            // go/types: an untyped non-constant count (1<<x as a count) becomes uint
            convert_untyped(r, basic_type(BasicKind::Uint));
        } else if (!is_integer(r.type)) {
            error(start_pos(be->y), "invalid operation: shift count " + describe(r) + " must be integer");
        }
        if (l.mode == Mode::Constant && r.mode == Mode::Constant) {
            ConstValue lv;
            if (!is_integer(l.type) && !(is_untyped(l.type) && representable(*l.val, BasicKind::UntypedInt, &lv)))
                error(start_pos(be->x), "invalid operation: shifted operand " + describe(l) + " must be integer");
            std::string err;
            const ConstValue& base = l.val->kind == ConstKind::Float ? (representable(*l.val, BasicKind::UntypedInt, &lv), lv) : *l.val;
            auto res = const_shift(op, base, r.val->as_uint64(), err);
            if (!res && err.rfind("invalid shift count", 0) == 0)
                error(start_pos(be->y), "invalid operation: invalid shift count " + count_desc);
            if (!res) const_error(be->pos, start_pos(be->x), err);
            x.mode = Mode::Constant;
            x.val = constant_of(*res);
            x.type = is_untyped(l.type) ? basic_type(l.type->as<Basic>()->basic == BasicKind::UntypedFloat ? BasicKind::UntypedInt
                                                                                                             : l.type->as<Basic>()->basic)
                                        : l.type;
            if (!is_untyped(x.type) && !representable(*x.val, underlying(x.type)->as<Basic>()->basic, nullptr))
                error(start_pos(be), describe(x) + " overflows " + type_string(x.type, m_pkg));
            return x;
        }
        if (is_untyped(l.type)) {
            // Go: the constant takes the type the shift's context gives it (`var v int64
            // = 1 << n`), so the result stays untyped until its use converts it.
            ConstValue iv;
            if (l.mode != Mode::Constant || !representable(*l.val, BasicKind::UntypedInt, &iv))
                error(start_pos(be->x), "invalid operation: shifted operand " + describe(l) + " must be integer");
            x.mode = Mode::Value;
            x.type = basic_type(BasicKind::UntypedInt);
            return x;
        }
        if (!is_integer(l.type)) error(start_pos(be->x), "invalid operation: shifted operand " + describe(l) + " must be integer");
        x.mode = Mode::Value;
        x.type = l.type;
        return x;
    }

    Operand l = rvalue(be->x);
    Operand r = rvalue(be->y);
    bool comparison = op == Tok::Eql || op == Tok::Neq || op == Tok::Lss || op == Tok::Leq || op == Tok::Gtr || op == Tok::Geq;
    auto mismatch = [&]() {
        // Go 1.19 reports a comparison's mismatch at its right operand.
        error(comparison ? start_pos(be->y) : start_pos(be), "invalid operation: " + expr_string(be) + " (mismatched types " + type_string(l.type, m_pkg) +
                                 " and " + type_string(r.type, m_pkg) + ")");
    };
    // Bring untyped operands to the other's type.
    auto match = [&](Operand& a, Operand& b) {
        if (is_untyped(a.type) && !is_untyped(b.type)) {
            std::string why;
            if (is_untyped_nil(a.type) && !has_nil(b.type)) mismatch();
            Operand saved = a;
            if (!try_convert(*this, a, b.type, why)) {
                if (why == "truncated") error(start_pos(a.expr), describe(saved) + " truncated to " + type_string(b.type, m_pkg));
                if (why == "overflows") error(start_pos(a.expr), describe(saved) + " overflows " + type_string(b.type, m_pkg));
                if (comparison && is_interface(b.type)) {
                    convert_untyped(a, default_type(a.type));
                    return;
                }
                // Go: a constant cannot become a composite type; a basic one mismatches.
                if (!underlying(b.type)->is<Basic>() && !is_untyped_nil(saved.type))
                    error(start_pos(a.expr), "cannot convert " + describe(saved) + " to " + type_string(b.type, m_pkg));
                mismatch();
            }
        }
    };
    bool l_nil = is_untyped_nil(l.type), r_nil = is_untyped_nil(r.type);
    match(l, r);
    match(r, l);

    if (comparison) {
        if (l_nil && r_nil)
            error(start_pos(be), "invalid operation: " + expr_string(be) + " (operator " + std::string(tok_text(op)) + " not defined on nil)");
        bool ok = assignable(l.type, r.type) || assignable(r.type, l.type);
        if (!ok) mismatch();
        if (op == Tok::Eql || op == Tok::Neq) {
            for (Operand* o : {&l, &r}) {
                bool other_nil = o == &l ? r_nil : l_nil;
                bool self_nil = o == &l ? l_nil : r_nil;
                if (!comparable(o->type) && !other_nil && !self_nil) {
                    const Type* u = underlying(o->type);
                    const char* what = u->is<Slice>() ? "slice" : u->is<Map>() ? "map" : u->is<Signature>() ? "func" : nullptr;
                    if (what)
                        error(start_pos(be), "invalid operation: " + expr_string(be) + " (" + what + " can only be compared to nil)");
                    error(start_pos(be), "invalid operation: " + expr_string(be) + " (" + type_string(o->type, m_pkg) + " cannot be compared)");
                }
            }
        } else if (!ordered(l.type)) {
            const Type* u = underlying(l.type);
            const char* kind = u->is<Struct>() ? "struct" : u->is<Pointer>() ? "pointer" : u->is<Interface>() ? "interface"
                             : u->is<Chan>() ? "chan" : u->is<Slice>() ? "slice" : u->is<Map>() ? "map"
                             : u->is<Array>() ? "array" : u->is<Signature>() ? "func" : "bool";
            std::string on = is_complex(l.type) ? type_string(l.type, m_pkg) : kind;
            error(start_pos(be), "invalid operation: " + expr_string(be) + " (operator " + std::string(tok_text(op)) +
                                     " not defined on " + on + ")");
        }
        if (l.mode == Mode::Constant && r.mode == Mode::Constant) {
            x.mode = Mode::Constant;
            x.val = constant_of(const_bool(const_compare(op, *l.val, *r.val)));
        } else {
            x.mode = Mode::Value;
            // Untyped operands of a non-constant comparison take their default type.
            if (is_untyped(l.type)) convert_untyped(l, default_type(l.type));
            if (is_untyped(r.type)) convert_untyped(r, default_type(r.type));
        }
        x.type = basic_type(BasicKind::UntypedBool);
        return x;
    }

    if (is_untyped(l.type) && is_untyped(r.type)) {
        // Both untyped: the result has the larger kind.
        auto lk = l.type->as<Basic>()->basic, rk = r.type->as<Basic>()->basic;
        uint8_t lf = basic_info(lk), rf = basic_info(rk);
        const uint8_t num = BasicInfo::IsInteger | BasicInfo::IsFloat | BasicInfo::IsComplex;
        bool lnum = lf & num, rnum = rf & num;
        if (lnum && rnum) {
            x.type = basic_type(larger_untyped(lk, rk));
        } else if (lk == rk) {
            x.type = l.type;
        } else {
            mismatch();
        }
    } else {
        if (!identical(l.type, r.type)) mismatch();
        x.type = l.type;
    }
    if (!op_allowed(op, x.type))
        error(start_pos(be), "invalid operation: operator " + std::string(op_name(op)) + " not defined on " + describe(l));
    if ((op == Tok::Quo || op == Tok::Rem) && r.mode == Mode::Constant && is_integer(x.type) && r.val->as_double() == 0)
        error(start_pos(be->y), "invalid operation: division by zero");
    if (l.mode == Mode::Constant && r.mode == Mode::Constant) {
        std::string err;
        bool integer = is_integer(x.type);
        auto res = const_binary(op, *l.val, *r.val, integer, err);
        if (!res) const_error(be->pos, start_pos(be->y), err);
        x.mode = Mode::Constant;
        ConstValue v = *res;
        if (!is_untyped(x.type)) {
            ConstValue out;
            x.val = constant_of(v);
            if (!representable(v, underlying(x.type)->as<Basic>()->basic, &out))
                error(start_pos(be), describe(x) + " overflows " + type_string(x.type, m_pkg));
            v = out;
        }
        x.val = constant_of(v);
        return x;
    }
    x.mode = Mode::Value;
    return x;
}

// ---------------------------------------------------------------------------------------
// Indexing and slicing

int64_t Checker::constant_index(Expr* e, const char* what, int64_t bound) {
    Operand v = rvalue(e);
    if (v.mode != Mode::Constant) error(start_pos(e), std::string(what) + " " + expr_string(e) + " must be integer constant");
    ConstValue out;
    if (!representable(*v.val, BasicKind::Int, &out) || (!is_untyped(v.type) && !is_integer(v.type)))
        error(start_pos(e), "invalid argument: " + std::string(what) + " " + describe(v) + " must be integer");
    if (out.i < 0) error(start_pos(e), "invalid argument: " + std::string(what) + " " + describe(v) + " must not be negative");
    if (bound >= 0 && out.i >= bound)
        error(start_pos(e), "invalid argument: " + std::string(what) + " " + expr_string(e) + " out of bounds [0:" + std::to_string(bound) + "]");
    if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::Int));
    return out.i.get_si();
}

// An index operand: an integer (untyped constants become int), checked against `bound`.
static void check_index(Checker& c, Expr* e, int64_t bound, bool allow_equal_bound = false) {
    Operand v = c.rvalue(e);
    if (v.mode == Mode::Constant) {
        ConstValue out;
        if (!representable(*v.val, BasicKind::Int, &out) || (!is_untyped(v.type) && !is_integer(v.type)))
            c.error(start_pos(e), "invalid argument: index " + c.describe(v) + " must be integer");
        if (out.i < 0) c.error(start_pos(e), "invalid argument: index " + c.describe(v) + " must not be negative");
        if (bound >= 0 && (out.i > bound || (out.i == bound && !allow_equal_bound)))
            c.error(start_pos(e), "invalid argument: index " + expr_string(e) + " out of bounds [0:" +
                                      std::to_string(bound + (allow_equal_bound ? 1 : 0)) + "]");
        if (is_untyped(v.type)) c.convert_untyped(v, basic_type(BasicKind::Int));
        return;
    }
    if (!is_integer(v.type)) c.error(start_pos(e), "invalid argument: index " + c.describe(v) + " must be integer");
}

Operand Checker::index(IndexExpr* ie) {
    Operand x;
    x.expr = ie;
    Operand v = expr(ie->x);
    if (v.mode == Mode::TypeExpr) {  // atomic.Pointer[T] in an expression: new(...), a literal
        x.mode = Mode::TypeExpr;
        x.type = instantiate_library(ie);
        ie->type = x.type;
        ie->is_type = true;
        return x;
    }
    if (v.mode == Mode::Value && v.type && v.type->is<Signature>() && ie->x->is<Ident>())
        unsupported(start_pos(ie), "generics (function instantiation)");
    v = v.mode == Mode::Invalid ? v : v;
    if (v.mode == Mode::NoValue || v.mode == Mode::Builtin || v.mode == Mode::PkgName)
        error(start_pos(ie->x), describe(v) + " is not an expression");
    const Type* u = underlying(v.type);
    if (u && u->is<Pointer>() && underlying(u->as<Pointer>()->elem)->is<Array>()) {
        auto a = underlying(u->as<Pointer>()->elem)->as<Array>();
        check_index(*this, ie->index, a->len);
        x.mode = Mode::Variable;
        x.type = a->elem;
        return x;
    }
    if (is_string(v.type)) {
        int64_t bound = v.mode == Mode::Constant ? static_cast<int64_t>(v.val->s.size()) : -1;
        check_index(*this, ie->index, bound);
        if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::String));
        x.mode = Mode::Value;
        x.type = universe_lookup("byte")->type;
        return x;
    }
    if (auto a = u ? u->as<Array>() : nullptr) {
        check_index(*this, ie->index, a->len);
        x.mode = v.mode == Mode::Variable ? Mode::Variable : Mode::Value;
        x.type = a->elem;
        return x;
    }
    if (auto s = u ? u->as<Slice>() : nullptr) {
        check_index(*this, ie->index, -1);
        x.mode = Mode::Variable;
        x.type = s->elem;
        return x;
    }
    if (auto m = u ? u->as<Map>() : nullptr) {
        Operand k = rvalue(ie->index);
        assign_to(k, m->key, "map index");
        x.mode = Mode::MapIndex;
        x.type = m->elem;
        return x;
    }
    // Go reports this at the `[`; the tree keeps only the index's position, so look back.
    Pos at = start_pos(ie->index);
    std::string_view line = m_file.source->line_text(at.line);
    size_t k = line.rfind('[', at.col >= 2 ? at.col - 2 : 0);
    at = k == std::string_view::npos ? start_pos(ie) : Pos{at.line, static_cast<uint32_t>(k + 1)};
    error(at, "invalid operation: cannot index " + describe(v));
}

Operand Checker::slice(SliceExpr* se) {
    Operand x;
    x.expr = se;
    Operand v = rvalue(se->x);
    const Type* u = underlying(v.type);
    int64_t bound = -1;
    if (is_string(v.type)) {
        if (se->slice3) error(start_pos(se), "invalid operation: 3-index slice of string");
        if (v.mode == Mode::Constant) bound = static_cast<int64_t>(v.val->s.size());
        if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::String));
        x.type = v.type;
    } else if (auto a = u ? u->as<Array>() : nullptr) {
        if (v.mode != Mode::Variable) error(start_pos(se), "invalid operation: " + expr_string(se->x) + " (slice of unaddressable value)");
        mark_address_taken(se->x);
        bound = a->len;
        x.type = m_info.slice_of(a->elem);
    } else if (auto p = u ? u->as<Pointer>() : nullptr; p && underlying(p->elem)->is<Array>()) {
        bound = underlying(p->elem)->as<Array>()->len;
        x.type = m_info.slice_of(underlying(p->elem)->as<Array>()->elem);
    } else if (u && u->is<Slice>()) {
        x.type = v.type;
    } else {
        error(start_pos(se), "cannot slice " + describe(v));
    }
    for (Expr* i : {se->low, se->high, se->max})
        if (i) check_index(*this, i, bound, true);
    x.mode = Mode::Value;
    return x;
}

}  // namespace lockstep::lang
