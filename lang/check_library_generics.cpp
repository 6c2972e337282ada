// The standard library's generic API that programs use without declaring generic code:
// atomic.Pointer[T] (Go 1.19), instantiated here as one named type per T, and the calls
// sync.OnceFunc(f), sync.OnceValue(f) and sync.OnceValues(f) (Go 1.21), each checked as
// a call of a function literal with Go 1.21's behaviour, written in Go below with T
// spelled out, so that its synchronization is that of the modelled sync.Once.
#include <memory>

#include "lang/checker.hpp"
#include "lang/packages.hpp"
#include "lang/parser.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

namespace {

bool is_generic_pointer(const Type* t) {
    const Named* n = t ? t->as<Named>() : nullptr;
    return n && n->native == "atomic.Pointer";
}

// The function literal each call becomes, applied to the call's argument. lockstep_T0
// and lockstep_T1 stand for the result types of the argument, lockstep_sync and
// lockstep_atomic for packages sync and sync/atomic. A panic in f is recovered and raised
// again, on the first call and on every later one, with the same value (Go 1.21's
// OnceFunc); the results are kept only when f returns. A call after f panicked panics
// without calling once.Do again (the once-panic warning is about programs that do).
constexpr std::string_view k_once_head =
    "var once lockstep_sync.Once; var failed lockstep_atomic.Bool; valid := false; var p interface{}; ";
constexpr std::string_view k_once_defer = "defer func() { if !valid { p = recover(); failed.Store(true); panic(p) } }(); ";
constexpr std::string_view k_once_call = "if failed.Load() { panic(p) }; once.Do(g); if !valid { panic(p) }";

std::string once_literal(size_t results) {
    std::string head(k_once_head), defer(k_once_defer), call(k_once_call);
    if (results == 0)
        return "func(f func()) func() { " + head + "g := func() { " + defer + "f(); valid = true }; return func() { " +
               call + " } }";
    if (results == 1)
        return "func(f func() lockstep_T0) func() lockstep_T0 { " + head + "var r0 lockstep_T0; g := func() { " + defer +
               "r0 = f(); valid = true }; return func() lockstep_T0 { " + call + "; return r0 } }";
    return "func(f func() (lockstep_T0, lockstep_T1)) func() (lockstep_T0, lockstep_T1) { " + head +
           "var r0 lockstep_T0; var r1 lockstep_T1; g := func() { " + defer +
           "r0, r1 = f(); valid = true }; return func() (lockstep_T0, lockstep_T1) { " + call + "; return r0, r1 } }";
}

}  // namespace

const Type* Checker::instantiate_library(IndexExpr* ie) {
    Expr* base = ie->x;
    while (auto p = base->as<ParenExpr>()) base = p->x;
    const Type* generic = nullptr;
    if (auto se = base->as<SelectorExpr>()) {
        Operand b = selector(se);
        if (b.mode == Mode::TypeExpr) generic = b.type;
    }
    if (generic && generic->is<Named>() && !is_generic_pointer(generic))
        error(start_pos(ie), type_string(generic, m_pkg) + " is not a generic type");
    if (!is_generic_pointer(generic)) unsupported(start_pos(ie), "generics (type instantiation)");
    base->type = generic;
    base->is_type = true;
    const Type* T = type_expr(ie->index);
    for (const auto& [t, named] : m_info.atomic_pointers)
        if (identical(t, T)) return named;
    const Package* atomic = generic->as<Named>()->obj->pkg;
    auto named = m_info.make_type<Named>();
    Object* obj = m_info.make_object(ObjectKind::TypeName, "Pointer[" + type_string(T, m_pkg) + "]");
    obj->type = named;
    obj->pkg = const_cast<Package*>(atomic);
    named->obj = obj;
    // Go's is struct { _ [0]*T; _ noCopy; v unsafe.Pointer }: one pointer cell here.
    auto st = m_info.make_type<Struct>();
    Object* v = m_info.make_object(ObjectKind::Var, "v");
    v->var_kind = VarKind::Field;
    v->pkg = obj->pkg;
    v->type = m_info.pointer_to(T);
    st->fields.push_back(v);
    named->underlying = st;
    const Type* pt = m_info.pointer_to(T);
    auto tuple = [&](std::vector<std::pair<std::string, const Type*>> vars, VarKind kind) {
        auto t = m_info.make_type<Tuple>();
        for (auto& [name, type] : vars) {
            Object* o = m_info.make_object(ObjectKind::Var, name);
            o->var_kind = kind;
            o->type = type;
            o->index = static_cast<uint32_t>(t->vars.size());
            t->vars.push_back(o);
        }
        return t;
    };
    auto method = [&](const std::string& name, const Tuple* params, const Tuple* results) {
        Object* fn = m_info.make_object(ObjectKind::Func, name);
        fn->pkg = obj->pkg;
        fn->ptr_recv = true;
        fn->recv_named = named;
        auto sig = m_info.make_type<Signature>();
        Object* recv = m_info.make_object(ObjectKind::Var, "x");
        recv->var_kind = VarKind::Receiver;
        recv->type = m_info.pointer_to(named);
        sig->recv = recv;
        sig->params = params;
        sig->results = results;
        fn->type = sig;
        // the VM's typed atomics: an atomic access of the Pointer's one cell
        fn->native = "sync/atomic.(*Pointer)." + name;
        named->methods.push_back(fn);
    };
    const Type* boolean = basic_type(BasicKind::Bool);
    method("CompareAndSwap", tuple({{"old", pt}, {"new", pt}}, VarKind::Param), tuple({{"swapped", boolean}}, VarKind::Result));
    method("Load", tuple({}, VarKind::Param), tuple({{"", pt}}, VarKind::Result));
    method("Store", tuple({{"val", pt}}, VarKind::Param), tuple({}, VarKind::Result));
    method("Swap", tuple({{"new", pt}}, VarKind::Param), tuple({{"old", pt}}, VarKind::Result));
    m_info.atomic_pointers.emplace_back(T, named);
    return named;
}

bool Checker::library_generic_call(CallExpr* ce, Operand& out) {
    Expr* fun = ce->fun;
    while (auto p = fun->as<ParenExpr>()) fun = p->x;
    auto se = fun->as<SelectorExpr>();
    auto pid = se ? se->x->as<Ident>() : nullptr;
    if (!pid) return false;
    Object* po = lookup(pid->name);
    if (!po || po->kind != ObjectKind::PackageName || po->imported->path != "sync") return false;
    const std::string& name = se->sel->name;
    if (name != "OnceFunc" && name != "OnceValue" && name != "OnceValues") return false;
    if (m_options.lang_minor < 21) return false;  // undefined before Go 1.21: the selector says so
    po->used = true;
    pid->obj = po;
    std::string fname = "sync." + name;
    if (ce->args.size() != 1 || ce->has_ellipsis)
        error(ce->args.empty() ? ce->rparen : start_pos(ce->args.size() > 1 ? ce->args[1] : ce->args[0]),
              std::string(ce->args.empty() ? "not enough" : "too many") + " arguments in call to " + fname);
    Operand f = rvalue(ce->args[0]);
    const Signature* fs = f.type && underlying(f.type) ? underlying(f.type)->as<Signature>() : nullptr;
    size_t want = name == "OnceFunc" ? 0 : name == "OnceValue" ? 1 : 2;
    if (!fs || fs->params->size() != 0 || fs->variadic || fs->results->size() != want) {
        static const char* shapes[] = {"func()", "func() T", "func() (T1, T2)"};
        std::string arg = expr_string(ce->args[0]);
        std::string type = f.type ? type_string(f.type, m_pkg) : "invalid type";
        if (want == 0)
            error(start_pos(ce->args[0]), "cannot use " + arg + " (value of type " + type + ") as func() value in argument to " + fname);
        error(start_pos(ce->args[0]), "in call to " + fname + ", type " + type + " of " + arg + " does not match " + shapes[want]);
    }
    // The literal, parsed at the call's position so that its steps show there.
    std::string body = once_literal(want);
    Pos at = start_pos(ce);
    std::string text = "package p\nvar _ =";
    for (uint32_t line = 2; line + 1 < at.line; ++line) text += '\n';
    text += '\n';
    text += std::string(at.col > 1 ? at.col - 1 : 0, ' ');
    text += body;
    text += '\n';
    auto src = std::make_shared<SourceFile>("lockstep-std/sync/oncefunc.go", text);
    std::shared_ptr<File> parsed = parse_file(*src);
    m_info.synthesized.push_back(src);
    m_info.synthesized.push_back(parsed);
    auto gd = parsed->decls.back()->as<GenDecl>();
    Expr* lit = gd->values[0].values[0];
    // Its names: the argument's result types and package sync, in a scope of their own.
    push_scope();
    for (size_t i = 0; i < want; ++i) {
        Object* tn = m_info.make_object(ObjectKind::TypeName, "lockstep_T" + std::to_string(i));
        tn->type = fs->results->at(i);
        m_scope->names[tn->name] = tn;
    }
    const std::pair<const char*, const char*> packages[] = {{"lockstep_sync", "sync"}, {"lockstep_atomic", "sync/atomic"}};
    for (const auto& [local, path] : packages) {
        Object* pkg = m_info.make_object(ObjectKind::PackageName, local);
        pkg->imported = load_package(m_info, path);
        m_scope->names[pkg->name] = pkg;
    }
    Operand g = expr(lit);
    pop_scope();
    ce->fun = lit;
    const Signature* gs = g.type->as<Signature>();
    assign_to(f, gs->params->at(0), "argument to " + fname);
    out.expr = ce;
    out.mode = Mode::Value;
    out.type = gs->results->at(0);
    return true;
}

}  // namespace lockstep::lang
