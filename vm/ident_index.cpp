// IdentIndex: a walk over a file's AST recording each variable use by declaration position.
#include "vm/ident_index.hpp"

namespace lockstep::vm {

using namespace lockstep::lang;

void IdentIndex::add_file(const File& file) {
    for (const Decl* d : file.decls) {
        if (auto* f = d->as<FuncDecl>()) {
            if (f->body) stmt(f->body);
        } else if (auto* g = d->as<GenDecl>()) {
            for (const ValueSpec& vs : g->values)
                for (const Expr* v : vs.values) expr(v);
        }
    }
}

Object* IdentIndex::object_of(const Ident* id) const {
    if (id->obj) return id->obj;
    auto it = m_by_pos.find(key(id->pos));
    if (it != m_by_pos.end() && it->second->name == id->name) return it->second;
    return nullptr;
}

void IdentIndex::note(const Ident* id) {
    if (id->obj && id->obj->kind == ObjectKind::Var && id->obj->pos.valid()) m_by_pos.emplace(key(id->obj->pos), id->obj);
}

void IdentIndex::expr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
    case NodeKind::Ident: note(e->as<Ident>()); return;
    case NodeKind::CompositeLit:
        for (const Expr* x : e->as<CompositeLit>()->elts) expr(x);
        return;
    case NodeKind::FuncLit: stmt(e->as<FuncLit>()->body); return;
    case NodeKind::ParenExpr: expr(e->as<ParenExpr>()->x); return;
    case NodeKind::SelectorExpr: expr(e->as<SelectorExpr>()->x); return;
    case NodeKind::IndexExpr: expr(e->as<IndexExpr>()->x); expr(e->as<IndexExpr>()->index); return;
    case NodeKind::SliceExpr: {
        auto s = e->as<SliceExpr>();
        expr(s->x); expr(s->low); expr(s->high); expr(s->max);
        return;
    }
    case NodeKind::TypeAssertExpr: expr(e->as<TypeAssertExpr>()->x); return;
    case NodeKind::CallExpr:
        expr(e->as<CallExpr>()->fun);
        for (const Expr* a : e->as<CallExpr>()->args) expr(a);
        return;
    case NodeKind::StarExpr: expr(e->as<StarExpr>()->x); return;
    case NodeKind::UnaryExpr: expr(e->as<UnaryExpr>()->x); return;
    case NodeKind::BinaryExpr: expr(e->as<BinaryExpr>()->x); expr(e->as<BinaryExpr>()->y); return;
    case NodeKind::KeyValueExpr: expr(e->as<KeyValueExpr>()->key); expr(e->as<KeyValueExpr>()->value_expr); return;
    default: return;
    }
}

void IdentIndex::stmt(const Stmt* s) {
    if (!s) return;
    switch (s->kind) {
    case NodeKind::DeclStmt:
        for (const ValueSpec& vs : s->as<DeclStmt>()->decl->values)
            for (const Expr* v : vs.values) expr(v);
        return;
    case NodeKind::LabeledStmt: stmt(s->as<LabeledStmt>()->stmt); return;
    case NodeKind::ExprStmt: expr(s->as<ExprStmt>()->x); return;
    case NodeKind::SendStmt: expr(s->as<SendStmt>()->chan); expr(s->as<SendStmt>()->value); return;
    case NodeKind::IncDecStmt: expr(s->as<IncDecStmt>()->x); return;
    case NodeKind::AssignStmt:
        for (const Expr* x : s->as<AssignStmt>()->lhs) expr(x);
        for (const Expr* x : s->as<AssignStmt>()->rhs) expr(x);
        return;
    case NodeKind::GoStmt: expr(s->as<GoStmt>()->call); return;
    case NodeKind::DeferStmt: expr(s->as<DeferStmt>()->call); return;
    case NodeKind::ReturnStmt:
        for (const Expr* x : s->as<ReturnStmt>()->results) expr(x);
        return;
    case NodeKind::BlockStmt:
        for (const Stmt* x : s->as<BlockStmt>()->stmts) stmt(x);
        return;
    case NodeKind::IfStmt: {
        auto x = s->as<IfStmt>();
        stmt(x->init); expr(x->cond); stmt(x->then); stmt(x->els);
        return;
    }
    case NodeKind::CaseClause:
        for (const Expr* x : s->as<CaseClause>()->list) expr(x);
        for (const Stmt* x : s->as<CaseClause>()->body) stmt(x);
        return;
    case NodeKind::SwitchStmt: {
        auto x = s->as<SwitchStmt>();
        stmt(x->init); expr(x->tag);
        for (const Stmt* c : x->clauses) stmt(c);
        return;
    }
    case NodeKind::TypeSwitchStmt: {
        auto x = s->as<TypeSwitchStmt>();
        stmt(x->init); expr(x->subject);
        for (const Stmt* c : x->clauses) stmt(c);
        return;
    }
    case NodeKind::CommClause:
        stmt(s->as<CommClause>()->comm);
        for (const Stmt* x : s->as<CommClause>()->body) stmt(x);
        return;
    case NodeKind::SelectStmt:
        for (const Stmt* c : s->as<SelectStmt>()->clauses) stmt(c);
        return;
    case NodeKind::ForStmt: {
        auto x = s->as<ForStmt>();
        stmt(x->init); expr(x->cond); stmt(x->post); stmt(x->body);
        return;
    }
    case NodeKind::RangeStmt: {
        auto x = s->as<RangeStmt>();
        expr(x->key); expr(x->value); expr(x->x); stmt(x->body);
        return;
    }
    default: return;
    }
}

}  // namespace lockstep::vm
