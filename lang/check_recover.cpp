// Error recovery inside function bodies: after a statement fails, the checker carries on
// with the next one (Go reports every error, sorted). The failed statement's names are
// counted as used and the variables it would have declared exist with an invalid type,
// so that neither false "declared but not used" nor "undefined" errors follow.
#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

namespace {

// Calls fn on every identifier under n (not descending into type-only subtrees matters
// little: a type name marked used is harmless).
template <class Fn> void each_ident(Node* n, Fn& fn);

template <class Fn> void each_ident_list(const std::vector<Expr*>& l, Fn& fn) {
    for (Expr* e : l) each_ident(e, fn);
}
template <class Fn> void each_ident_stmts(const std::vector<Stmt*>& l, Fn& fn) {
    for (Stmt* s : l) each_ident(s, fn);
}

template <class Fn> void each_ident(Node* n, Fn& fn) {
    if (!n) return;
    switch (n->kind) {
    case NodeKind::Ident: fn(static_cast<Ident*>(n)); return;
    case NodeKind::CompositeLit: each_ident(n->as<CompositeLit>()->type_expr, fn); each_ident_list(n->as<CompositeLit>()->elts, fn); return;
    case NodeKind::FuncLit: each_ident(n->as<FuncLit>()->body, fn); return;
    case NodeKind::ParenExpr: each_ident(n->as<ParenExpr>()->x, fn); return;
    case NodeKind::SelectorExpr: each_ident(n->as<SelectorExpr>()->x, fn); return;
    case NodeKind::IndexExpr: each_ident(n->as<IndexExpr>()->x, fn); each_ident(n->as<IndexExpr>()->index, fn); return;
    case NodeKind::SliceExpr: {
        auto s = n->as<SliceExpr>();
        for (Expr* e : {s->x, s->low, s->high, s->max}) each_ident(e, fn);
        return;
    }
    case NodeKind::TypeAssertExpr: each_ident(n->as<TypeAssertExpr>()->x, fn); return;
    case NodeKind::CallExpr: each_ident(n->as<CallExpr>()->fun, fn); each_ident_list(n->as<CallExpr>()->args, fn); return;
    case NodeKind::StarExpr: each_ident(n->as<StarExpr>()->x, fn); return;
    case NodeKind::UnaryExpr: each_ident(n->as<UnaryExpr>()->x, fn); return;
    case NodeKind::BinaryExpr: each_ident(n->as<BinaryExpr>()->x, fn); each_ident(n->as<BinaryExpr>()->y, fn); return;
    case NodeKind::KeyValueExpr: each_ident(n->as<KeyValueExpr>()->key, fn); each_ident(n->as<KeyValueExpr>()->value_expr, fn); return;
    case NodeKind::DeclStmt:
        for (auto& vs : n->as<DeclStmt>()->decl->values) each_ident_list(vs.values, fn);
        return;
    case NodeKind::LabeledStmt: each_ident(n->as<LabeledStmt>()->stmt, fn); return;
    case NodeKind::ExprStmt: each_ident(n->as<ExprStmt>()->x, fn); return;
    case NodeKind::SendStmt: each_ident(n->as<SendStmt>()->chan, fn); each_ident(n->as<SendStmt>()->value, fn); return;
    case NodeKind::IncDecStmt: each_ident(n->as<IncDecStmt>()->x, fn); return;
    case NodeKind::AssignStmt:
        if (n->as<AssignStmt>()->op != Tok::Define) each_ident_list(n->as<AssignStmt>()->lhs, fn);
        each_ident_list(n->as<AssignStmt>()->rhs, fn);
        return;
    case NodeKind::GoStmt: each_ident(n->as<GoStmt>()->call, fn); return;
    case NodeKind::DeferStmt: each_ident(n->as<DeferStmt>()->call, fn); return;
    case NodeKind::ReturnStmt: each_ident_list(n->as<ReturnStmt>()->results, fn); return;
    case NodeKind::BlockStmt: each_ident_stmts(n->as<BlockStmt>()->stmts, fn); return;
    case NodeKind::IfStmt: {
        auto i = n->as<IfStmt>();
        each_ident(i->init, fn);
        each_ident(i->cond, fn);
        each_ident(i->then, fn);
        each_ident(i->els, fn);
        return;
    }
    case NodeKind::CaseClause: each_ident_list(n->as<CaseClause>()->list, fn); each_ident_stmts(n->as<CaseClause>()->body, fn); return;
    case NodeKind::SwitchStmt: {
        auto s = n->as<SwitchStmt>();
        each_ident(s->init, fn);
        each_ident(s->tag, fn);
        for (auto c : s->clauses) each_ident(c, fn);
        return;
    }
    case NodeKind::TypeSwitchStmt: {
        auto s = n->as<TypeSwitchStmt>();
        each_ident(s->init, fn);
        each_ident(s->subject, fn);
        for (auto c : s->clauses) each_ident_stmts(c->body, fn);
        return;
    }
    case NodeKind::CommClause: each_ident(n->as<CommClause>()->comm, fn); each_ident_stmts(n->as<CommClause>()->body, fn); return;
    case NodeKind::SelectStmt:
        for (auto c : n->as<SelectStmt>()->clauses) each_ident(c, fn);
        return;
    case NodeKind::ForStmt: {
        auto f = n->as<ForStmt>();
        each_ident(f->init, fn);
        each_ident(f->cond, fn);
        each_ident(f->post, fn);
        each_ident(f->body, fn);
        return;
    }
    case NodeKind::RangeStmt: each_ident(n->as<RangeStmt>()->x, fn); each_ident(n->as<RangeStmt>()->body, fn); return;
    default: return;
    }
}

}  // namespace

void Checker::mark_used(Stmt* s) {
    auto mark = [&](Ident* id) {
        if (Object* o = lookup(id->name); o && (o->kind == ObjectKind::Var || o->kind == ObjectKind::PackageName))
            o->used = true;
    };
    each_ident(s, mark);
}

void Checker::salvage(Stmt* s) {
    // Declare what the statement would have declared, with an invalid type.
    auto declare_invalid = [&](Ident* id, ObjectKind kind) {
        if (!id || id->name == "_" || m_scope->lookup_local(id->name)) return;
        Object* o = m_info.make_object(kind, id->name, id->pos);
        o->type = basic_type(BasicKind::Invalid);
        o->pkg = m_pkg;
        if (kind == ObjectKind::Const) o->value = constant_of(const_int(0));
        if (kind == ObjectKind::Var && m_func) {
            // Like Go, a variable whose declaration failed is still reported if unused.
            o->owner = m_func->node;
            o->decl = id;
            m_func->locals.push_back(o);
        } else {
            o->used = true;
        }
        m_scope->names[o->name] = o;
    };
    if (auto as = s->as<AssignStmt>(); as && as->op == Tok::Define) {
        for (Expr* l : as->lhs) declare_invalid(l->as<Ident>(), ObjectKind::Var);
    } else if (auto ds = s->as<DeclStmt>()) {
        GenDecl* gd = ds->decl;
        for (auto& vs : gd->values)
            for (Ident* id : vs.names) declare_invalid(id, gd->decl == DeclKind::Const ? ObjectKind::Const : ObjectKind::Var);
        for (auto& ts : gd->types) declare_invalid(ts.name, ObjectKind::TypeName);
    }
}

}  // namespace lockstep::lang
