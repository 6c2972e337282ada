// Calls: function and method calls (arity, variadic, multi-value arguments),
// conversions T(x), and the builtin functions.
#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

static std::string have_list(Checker& c, const std::vector<Operand>& args) {
    std::string out = "(";
    for (size_t i = 0; i < args.size(); ++i) {
        if (i) out += ", ";
        const Type* t = args[i].type;
        if (args[i].mode == Mode::Constant && is_untyped(t) && is_numeric(t)) out += "number";
        else out += type_string(default_type(t), c.m_pkg);
    }
    return out + ")";
}

static std::string want_list(Checker& c, const Signature* sig) {
    std::string out = "(";
    for (size_t i = 0; i < sig->params->size(); ++i) {
        if (i) out += ", ";
        const Type* t = sig->params->at(i);
        if (sig->variadic && i + 1 == sig->params->size()) {
            out += "..." + type_string(t->as<Slice>()->elem, c.m_pkg);
        } else {
            out += type_string(t, c.m_pkg);
        }
    }
    return out + ")";
}

void Checker::call_args(CallExpr* ce, const Signature* sig, const std::string& fname) {
    std::vector<Operand> args;
    // f(g()) with g returning several values spreads them over f's parameters.
    bool spread = false;
    if (ce->args.size() == 1) {
        Operand a = multi_value(ce->args[0]);
        if (a.type && a.type->is<Tuple>()) {
            spread = true;
            auto tup = a.type->as<Tuple>();
            for (size_t i = 0; i < tup->size(); ++i) {
                Operand o;
                o.mode = Mode::Value;
                o.expr = ce->args[0];
                o.type = tup->at(i);
                args.push_back(o);
            }
        } else {
            args.push_back(a);
        }
    } else {
        for (Expr* e : ce->args) args.push_back(rvalue(e));
    }
    size_t np = sig->params->size();
    std::string context = "argument to " + fname;
    if (ce->has_ellipsis) {
        if (!sig->variadic) error(start_pos(ce->args.back()), "have (...) but function is not variadic: " + fname);
        if (spread) error(start_pos(ce->args[0]), "cannot use ... with multiple-value " + expr_string(ce->args[0]));
        if (args.size() != np) {
            error(args.size() < np ? ce->rparen : start_pos(ce->args[np]),
                  std::string(args.size() < np ? "not enough" : "too many") + " arguments in call to " + fname +
                      "\n\thave " + have_list(*this, args) + "\n\twant " + want_list(*this, sig));
        }
        for (size_t i = 0; i < np; ++i) assign_to(args[i], sig->params->at(i), context);
        return;
    }
    size_t min = sig->variadic ? np - 1 : np;
    if (args.size() < min || (!sig->variadic && args.size() > np)) {
        bool few = args.size() < min;
        Pos at = few ? (ce->rparen.valid() ? ce->rparen : ce->pos) : start_pos(ce->args[spread ? 0 : np]);
        if (few && !args.empty() && !spread) at = start_pos(ce->args.back());
        error(at, std::string(few ? "not enough" : "too many") + " arguments in call to " + fname + "\n\thave " +
                      have_list(*this, args) + "\n\twant " + want_list(*this, sig));
    }
    for (size_t i = 0; i < args.size(); ++i) {
        const Type* pt = (sig->variadic && i >= np - 1) ? sig->params->at(np - 1)->as<Slice>()->elem : sig->params->at(i);
        if (spread) {
            if (!assignable(args[i].type, pt))
                error(start_pos(ce->args[0]), "cannot use " + expr_string(ce->args[0]) + " (value of type " +
                                                  type_string(args[i].type, m_pkg) + ") as type " + type_string(pt, m_pkg) +
                                                  " in " + context);
            continue;
        }
        assign_to(args[i], pt, context);
    }
}

Operand Checker::call(CallExpr* ce) {
    Operand x;
    x.expr = ce;
    if (library_generic_call(ce, x)) return x;
    Operand f = expr(ce->fun);
    if (f.mode == Mode::TypeExpr) return conversion(ce, f.type);
    if (f.mode == Mode::Builtin) return builtin_call(ce, f.obj);
    if (f.mode == Mode::NoValue) error(start_pos(ce->fun), describe(f) + " used as value or type");
    if (f.mode == Mode::PkgName) error(start_pos(ce->fun), "use of package " + expr_string(ce->fun) + " not in selector");
    if (f.mode == Mode::Invalid) error(start_pos(ce->fun), describe(f) + " is not an expression");
    auto sig = underlying(f.type) ? underlying(f.type)->as<Signature>() : nullptr;
    if (!sig) error(start_pos(ce), "invalid operation: cannot call non-function " + describe(f));
    call_args(ce, sig, expr_string(ce->fun));
    if (sig->results->size() == 0) {
        x.mode = Mode::NoValue;
    } else if (sig->results->size() == 1) {
        x.mode = Mode::Value;
        x.type = sig->results->at(0);
    } else {
        x.mode = Mode::Value;
        x.type = sig->results;
    }
    return x;
}

// Whether a non-constant value of type V converts to T (Go spec "Conversions").
static bool convertible(const Type* V, const Type* T) {
    if (assignable(V, T)) return true;
    const Type* vu = underlying(V);
    const Type* tu = underlying(T);
    if (identical(vu, tu)) return true;
    if (auto vp = vu->as<Pointer>(), tp = tu->as<Pointer>(); vp && tp && !V->is<Named>() && !T->is<Named>() &&
                                                             identical(underlying(vp->elem), underlying(tp->elem)))
        return true;
    // integers and floats convert among themselves, complex types among themselves
    bool vc = is_complex(V), tc = is_complex(T);
    if (is_numeric(V) && is_numeric(T) && vc == tc) return true;
    // A slice converts to a pointer to an array of its element type (Go 1.17).
    if (const Slice* vs = vu->as<Slice>(); vs && tu->as<Pointer>())
        if (auto a = underlying(tu->as<Pointer>()->elem)->as<Array>(); a && identical(vs->elem, a->elem)) return true;
    if (is_string(T)) {
        if (is_integer(V)) return true;
        if (auto s = vu->as<Slice>(); s && (identical(underlying(s->elem), basic_type(BasicKind::Uint8)) ||
                                            identical(underlying(s->elem), basic_type(BasicKind::Int32))))
            return true;
    }
    if (is_string(V)) {
        if (auto s = tu->as<Slice>(); s && (identical(underlying(s->elem), basic_type(BasicKind::Uint8)) ||
                                            identical(underlying(s->elem), basic_type(BasicKind::Int32))))
            return true;
    }
    return false;
}

Operand Checker::conversion(CallExpr* ce, const Type* T) {
    Operand x;
    x.expr = ce;
    if (ce->args.size() != 1) {
        if (ce->args.empty()) error(ce->rparen.valid() ? ce->rparen : ce->pos, "missing argument in conversion to " + type_string(T, m_pkg));
        error(start_pos(ce->args[1]), "too many arguments in conversion to " + type_string(T, m_pkg));
    }
    if (ce->has_ellipsis) error(start_pos(ce->args[0]), "invalid use of ... in conversion to " + type_string(T, m_pkg));
    Operand v = rvalue(ce->args[0]);
    x.type = T;
    if (v.mode == Mode::Constant && is_const_type(T)) {
        // Constant conversion: the value must be representable (int -> string makes a rune).
        ConstValue out;
        const Basic* tb = underlying(T)->as<Basic>();
        if (is_string(T) && v.val->kind == ConstKind::Int) {
            std::string s;
            uint32_t r = (v.val->i < 0 || v.val->i > 0x10FFFF || (v.val->i >= 0xD800 && v.val->i <= 0xDFFF)) ? 0xFFFD : static_cast<uint32_t>(v.val->i.get_ui());
            auto put = [&](uint32_t c) {
                if (c < 0x80) s += static_cast<char>(c);
                else if (c < 0x800) { s += static_cast<char>(0xC0 | (c >> 6)); s += static_cast<char>(0x80 | (c & 0x3F)); }
                else if (c < 0x10000) { s += static_cast<char>(0xE0 | (c >> 12)); s += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); s += static_cast<char>(0x80 | (c & 0x3F)); }
                else { s += static_cast<char>(0xF0 | (c >> 18)); s += static_cast<char>(0x80 | ((c >> 12) & 0x3F)); s += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); s += static_cast<char>(0x80 | (c & 0x3F)); }
            };
            put(r);
            if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::Int32));
            x.mode = Mode::Constant;
            x.val = constant_of(const_string(s));
            return x;
        }
        bool num_ok = (is_numeric(v.type) || (is_untyped(v.type) && v.val->kind != ConstKind::String && v.val->kind != ConstKind::Bool)) && is_numeric(T);
        bool same_class = num_ok || (is_string(v.type) && is_string(T)) || (is_boolean(v.type) && is_boolean(T));
        if (!same_class) error(start_pos(ce->args[0]), "cannot convert " + describe(v) + " to type " + type_string(T, m_pkg));
        ConstValue src = *v.val;
        // A typed float converted to an integer type truncates only when not constant;
        // constants must be exact.
        if (!representable(src, tb->basic, &out)) {
            if (src.kind == ConstKind::Float && is_integer(T) && src.is_integral()) {
                // go/types shows an integral value as the integer it converted it to
                ConstValue iv;
                if (representable(src, BasicKind::UntypedInt, &iv)) v.val = constant_of(iv);
                error(start_pos(ce->args[0]), "cannot convert " + describe(v) + " to type " + type_string(T, m_pkg));
            }
            if (src.kind == ConstKind::Float && is_integer(T))
                error(start_pos(ce->args[0]), "cannot convert " + describe(v) + " to type " + type_string(T, m_pkg) + " (truncated)");
            error(start_pos(ce->args[0]), "cannot convert " + describe(v) + " to type " + type_string(T, m_pkg));
        }
        if (is_untyped(v.type)) {
            // The operand takes the target type, as Go records it.
            set_expr_type(v.expr, T);
            v.expr->value = constant_of(out);
        }
        x.mode = Mode::Constant;
        x.val = constant_of(out);
        return x;
    }
    if (is_untyped(v.type)) {
        if (is_untyped_nil(v.type)) {
            if (!has_nil(T)) error(start_pos(ce->args[0]), "cannot convert nil to type " + type_string(T, m_pkg));
            set_expr_type(v.expr, T);
        } else {
            convert_untyped(v, is_interface(T) ? default_type(v.type) : (convertible(default_type(v.type), T) && !assignable(v.type, T) ? default_type(v.type) : T));
        }
    }
    if (!convertible(v.type, T) && !is_untyped(v.type))
        error(start_pos(ce->args[0]), "cannot convert " + describe(v) + " to type " + type_string(T, m_pkg));
    x.mode = Mode::Value;
    return x;
}

Operand Checker::builtin_call(CallExpr* ce, Object* b) {
    Operand x;
    x.expr = ce;
    std::string name(builtin_name(b->builtin));
    auto nargs = [&](size_t min, size_t max) {
        if (ce->args.size() < min)
            error(ce->rparen.valid() ? ce->rparen : ce->pos, "not enough arguments for " + expr_string(ce) + " (expected " +
                                                                  std::to_string(min) + ", found " + std::to_string(ce->args.size()) + ")");
        if (ce->args.size() > max)
            error(start_pos(ce->args[max]), "too many arguments for " + expr_string(ce) + " (expected " + std::to_string(max) +
                                                ", found " + std::to_string(ce->args.size()) + ")");
    };
    if (ce->has_ellipsis && b->builtin != BuiltinKind::Append)
        error(ce->pos, "invalid operation: invalid use of ... with built-in " + name);
    switch (b->builtin) {
    case BuiltinKind::Len:
    case BuiltinKind::Cap: {
        nargs(1, 1);
        Operand v = rvalue(ce->args[0]);
        const Type* u = underlying(v.type);
        if (auto p = u ? u->as<Pointer>() : nullptr; p && underlying(p->elem)->is<Array>()) u = underlying(p->elem);
        bool ok = u && (u->is<Array>() || u->is<Slice>() || u->is<Chan>() ||
                        (b->builtin == BuiltinKind::Len && (is_string(v.type) || u->is<Map>())));
        if (!ok) error(start_pos(ce->args[0]), "invalid argument: " + describe(v) + " for " + name);
        if (v.mode == Mode::Constant && is_string(v.type)) {
            if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::String));
            x.mode = Mode::Constant;
            x.val = constant_of(const_int(static_cast<__int128>(v.val->s.size())));
        } else if (u->is<Array>() && !ce->args[0]->is<CallExpr>() && !ce->args[0]->is<UnaryExpr>()) {
            x.mode = Mode::Constant;
            x.val = constant_of(const_int(u->as<Array>()->len));
        } else {
            x.mode = Mode::Value;
        }
        x.type = basic_type(BasicKind::Int);
        return x;
    }
    case BuiltinKind::Append: {
        if (ce->args.empty()) error(ce->rparen.valid() ? ce->rparen : ce->pos, "not enough arguments for append() (expected 1, found 0)");
        Operand s = rvalue(ce->args[0]);
        if (is_untyped_nil(s.type)) error(start_pos(ce->args[0]), "first argument to append must be a typed slice; have untyped nil");
        auto sl = underlying(s.type) ? underlying(s.type)->as<Slice>() : nullptr;
        if (!sl) error(start_pos(ce->args[0]), "invalid argument: " + describe(s) + " (first argument to append must be a slice)");
        if (ce->has_ellipsis) {
            if (ce->args.size() != 2) error(ce->pos, "can only use ... with final argument in list");
            Operand r = rvalue(ce->args[1]);
            // append([]byte, string...) is allowed.
            if (!(is_string(r.type) && identical(underlying(sl->elem), basic_type(BasicKind::Uint8)))) {
                assign_to(r, s.type, "append");
            } else if (is_untyped(r.type)) {
                convert_untyped(r, basic_type(BasicKind::String));
            }
        } else {
            for (size_t i = 1; i < ce->args.size(); ++i) {
                Operand r;
                if (auto inner = ce->args[i]->as<CompositeLit>(); inner && !inner->type_expr) {
                    r = composite(inner, sl->elem);
                    inner->type = r.type;
                    continue;
                }
                r = rvalue(ce->args[i]);
                assign_to(r, sl->elem, "argument to append");
            }
        }
        x.mode = Mode::Value;
        x.type = s.type;
        return x;
    }
    case BuiltinKind::Make: {
        if (ce->args.empty()) error(ce->rparen.valid() ? ce->rparen : ce->pos, "not enough arguments for make() (expected 1, found 0)");
        const Type* T = type_expr(ce->args[0]);
        const Type* u = underlying(T);
        size_t min = 1, max = 2;
        if (u->is<Slice>()) min = 2, max = 3;
        else if (!u->is<Map>() && !u->is<Chan>())
            error(start_pos(ce->args[0]), "invalid argument: cannot make " + expr_string(ce->args[0]) + "; type must be slice, map, or channel");
        if (ce->args.size() < min)
            error(ce->rparen.valid() ? ce->rparen : ce->pos, "invalid operation: " + expr_string(ce) + " expects " + std::to_string(min) + " or " + std::to_string(max) + " arguments; found " + std::to_string(ce->args.size()));
        if (ce->args.size() > max)
            error(start_pos(ce->args[0]), "invalid operation: " + expr_string(ce) + " expects " + std::to_string(min) + " or " + std::to_string(max) + " arguments; found " + std::to_string(ce->args.size()));
        for (size_t i = 1; i < ce->args.size(); ++i) {
            Operand n = rvalue(ce->args[i]);
            if (n.mode == Mode::Constant) {
                ConstValue out;
                if (!representable(*n.val, BasicKind::Int, &out))
                    error(start_pos(ce->args[i]), describe(n) + " truncated to int");
                if (out.i < 0) error(start_pos(ce->args[i]), "invalid argument: index " + describe(n) + " must not be negative");
                if (is_untyped(n.type)) convert_untyped(n, basic_type(BasicKind::Int));
            } else if (!is_integer(n.type)) {
                error(start_pos(ce->args[i]), "cannot convert " + describe(n) + " to type int");
            }
        }
        x.mode = Mode::Value;
        x.type = T;
        return x;
    }
    case BuiltinKind::New: {
        nargs(1, 1);
        const Type* T = type_expr(ce->args[0]);
        x.mode = Mode::Value;
        x.type = m_info.pointer_to(T);
        return x;
    }
    case BuiltinKind::Clear: {  // Go 1.21
        nargs(1, 1);
        Operand m = rvalue(ce->args[0]);
        auto u = underlying(m.type);
        if (!u || !(u->is<Map>() || u->is<Slice>()))
            error(start_pos(ce->args[0]), "invalid argument: " + describe(m) + " is not a map or slice");
        x.mode = Mode::NoValue;
        return x;
    }
    case BuiltinKind::Delete: {
        nargs(2, 2);
        Operand m = rvalue(ce->args[0]);
        auto mt = underlying(m.type) ? underlying(m.type)->as<Map>() : nullptr;
        if (!mt) error(start_pos(ce->args[0]), "invalid argument: " + describe(m) + " is not a map");
        Operand k = rvalue(ce->args[1]);
        assign_to(k, mt->key, "argument to delete");
        x.mode = Mode::NoValue;
        return x;
    }
    case BuiltinKind::Copy: {
        nargs(2, 2);
        Operand d = rvalue(ce->args[0]);
        Operand s = rvalue(ce->args[1]);
        auto ds = underlying(d.type) ? underlying(d.type)->as<Slice>() : nullptr;
        if (!ds) error(start_pos(ce->args[0]), "invalid argument: copy expects slice arguments; found " + describe(d) + " and " + describe(s));
        if (is_string(s.type) && identical(underlying(ds->elem), basic_type(BasicKind::Uint8))) {
            if (is_untyped(s.type)) convert_untyped(s, basic_type(BasicKind::String));
        } else {
            auto ss = underlying(s.type) ? underlying(s.type)->as<Slice>() : nullptr;
            if (!ss) error(start_pos(ce->args[0]), "invalid argument: copy expects slice arguments; found " + describe(d) + " and " + describe(s));
            if (!identical(ds->elem, ss->elem))
                error(start_pos(ce->args[0]), "invalid argument: arguments to copy " + describe(d) + " and " + describe(s) + " have different element types " + type_string(ds->elem, m_pkg) + " and " + type_string(ss->elem, m_pkg));
        }
        x.mode = Mode::Value;
        x.type = basic_type(BasicKind::Int);
        return x;
    }
    case BuiltinKind::Close: {
        nargs(1, 1);
        Operand c = rvalue(ce->args[0]);
        auto ch = underlying(c.type) ? underlying(c.type)->as<Chan>() : nullptr;
        if (!ch) error(start_pos(ce->args[0]), "invalid operation: cannot close non-channel " + describe(c));
        if (ch->dir == ChanDir::Recv) error(start_pos(ce->args[0]), "invalid operation: cannot close receive-only channel " + describe(c));
        x.mode = Mode::NoValue;
        return x;
    }
    case BuiltinKind::Panic: {
        nargs(1, 1);
        Operand v = rvalue(ce->args[0]);
        assign_to(v, empty_interface(), "argument to panic");
        x.mode = Mode::NoValue;
        return x;
    }
    case BuiltinKind::Print:
    case BuiltinKind::Println: {
        for (Expr* e : ce->args) {
            Operand v = rvalue(e);
            if (is_untyped_nil(v.type)) error(start_pos(e), "use of untyped nil in argument to built-in " + name);
            assign_to(v, nullptr, "argument to built-in " + name);
        }
        x.mode = Mode::NoValue;
        return x;
    }
    case BuiltinKind::Min:
    case BuiltinKind::Max: return min_max_call(ce, b->builtin == BuiltinKind::Min);
    case BuiltinKind::Complex: return complex_call(ce);
    case BuiltinKind::Real:
    case BuiltinKind::Imag: return real_imag_call(ce, b->builtin == BuiltinKind::Real);
    case BuiltinKind::Recover: {
        nargs(0, 0);
        x.mode = Mode::Value;
        x.type = empty_interface();
        return x;
    }
    }
    unsupported(ce->pos, "builtin " + name);
}

}  // namespace lockstep::lang
