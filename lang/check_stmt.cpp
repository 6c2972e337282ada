// Statements and function bodies: assignments and short variable declarations, control
// flow, labels and branch targets, switches and selects, unused variables, and the
// terminating-statement rule behind "missing return".
#include <algorithm>

#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

void Checker::func_body(Node* node, const Signature* sig, BlockStmt* body) {
    FuncCtx ctx;
    ctx.node = node;
    ctx.lit = node->as<FuncLit>();
    ctx.outer = ctx.lit ? m_func : nullptr;
    ctx.sig = sig;
    // Restores the enclosing function's state however this body ends (an error inside a
    // function literal unwinds to the enclosing statement, which carries on).
    struct Restore {
        Checker& c;
        FuncCtx* func;
        Scope* scope;
        std::vector<Stmt*> targets;
        int iota;
        ~Restore() {
            c.m_func = func;
            c.m_scope = scope;
            c.m_targets = std::move(targets);
            c.m_iota = iota;
        }
    } restore{*this, m_func, m_scope, std::move(m_targets), m_iota};
    m_targets.clear();
    m_iota = -1;
    m_func = &ctx;
    push_scope();
    if (sig->recv && !sig->recv->name.empty()) declare(sig->recv, sig->recv->decl);
    for (Object* p : sig->params->vars)
        if (!p->name.empty()) declare(p, p->decl);
    for (Object* r : sig->results->vars)
        if (!r->name.empty()) declare(r, r->decl);
    collect_labels(body->stmts, body->pos);
    stmt_list(body->stmts, BranchCtx{});
    if (sig->results->size() > 0 && !terminating(body)) error(body->rbrace.valid() ? body->rbrace : body->pos, "missing return");
    check_unused(ctx);
}

void Checker::collect_labels(const std::vector<Stmt*>& list, Pos start) {
    for (size_t i = 0; i < list.size(); ++i) {
        Stmt* s = list[i];
        while (auto ls = s ? s->as<LabeledStmt>() : nullptr) {
            if (ls->label->name != "_") {
                if (auto prev = m_func->labels.find(ls->label->name); prev != m_func->labels.end())
                    error(ls->label->pos, "label " + ls->label->name + " already defined at " + m_file.source->where(prev->second->pos));
                Object* l = m_info.make_object(ObjectKind::Label, ls->label->name, ls->label->pos);
                l->label_stmt = ls;
                l->decl = ls->label;
                ls->label->obj = l;
                m_func->labels[l->name] = l;
                m_func->label_at[l] = FuncCtx::ListPos{&list, i, start};
            }
            s = ls->stmt;
        }
        if (!s) continue;
        // Labels are function-wide: look into nested blocks (not function literals).
        if (auto b = s->as<BlockStmt>()) collect_labels(b->stmts, b->pos);
        else if (auto is = s->as<IfStmt>()) {
            collect_labels(is->then->stmts, is->then->pos);
            if (is->els) collect_labels({is->els}, is->els->pos);  // never a label directly in it
        } else if (auto f = s->as<ForStmt>()) collect_labels(f->body->stmts, f->body->pos);
        else if (auto r = s->as<RangeStmt>()) collect_labels(r->body->stmts, r->body->pos);
        else if (auto sw = s->as<SwitchStmt>()) {
            for (auto c : sw->clauses) collect_labels(c->body, c->pos);
        } else if (auto ts = s->as<TypeSwitchStmt>()) {
            for (auto c : ts->clauses) collect_labels(c->body, c->pos);
        } else if (auto sel = s->as<SelectStmt>()) {
            for (auto c : sel->clauses) collect_labels(c->body, c->pos);
        }
    }
}

// A declaration statement's variable as Go's goto check names it: the first name of a
// `var` declaration, every left-hand name of a `:=`; false for any other statement.
static bool var_decl_of(const Stmt* s, Pos& pos, std::string& name) {
    if (auto ds = s->as<DeclStmt>()) {
        if (ds->decl->decl != DeclKind::Var || ds->decl->values.empty() || ds->decl->values[0].names.empty()) return false;
        pos = ds->decl->values[0].names[0]->pos;
        name = ds->decl->values[0].names[0]->name;
        return true;
    }
    auto as = s->as<AssignStmt>();
    if (!as || as->op != Tok::Define) return false;
    pos = as->op_pos;
    name.clear();
    for (size_t i = 0; i < as->lhs.size(); ++i) name += (i ? ", " : "") + expr_string(as->lhs[i]);
    return true;
}

// goto L (Go's cmd/compile/internal/syntax/branches.go): L must stand in the goto's block
// or an enclosing one, and a forward jump must not pass a variable declaration of that
// block.
void Checker::goto_stmt(BranchStmt* br) {
    const std::string& name = br->label->name;
    auto it = m_func->labels.find(name);
    if (it == m_func->labels.end()) error(br->label->pos, "label " + name + " not defined");
    Object* l = it->second;
    l->used = true;
    br->label->obj = l;
    br->target = l->label_stmt;
    const FuncCtx::ListPos& at = m_func->label_at[l];
    auto where = [&](Pos p) { return m_file.source->path() + ":" + std::to_string(p.line) + ":" + std::to_string(p.col); };
    auto open = std::find_if(m_func->open_lists.begin(), m_func->open_lists.end(),
                             [&](const FuncCtx::ListPos& o) { return o.list == at.list; });
    if (open == m_func->open_lists.end()) error(br->label->pos, "goto " + name + " jumps into block starting at " + where(at.start));
    for (size_t i = at.index; i-- > open->index + 1;) {
        Pos pos;
        std::string var;
        const Stmt* s = (*at.list)[i];
        while (auto ls = s->as<LabeledStmt>()) s = ls->stmt;
        if (var_decl_of(s, pos, var))
            error(br->label->pos, "goto " + name + " jumps over declaration of " + var + " at " + where(pos));
    }
}

void Checker::check_unused(FuncCtx& ctx) {
    for (Object* v : ctx.locals)
        if (!v->used && v->name != "_") soft_error(v->pos, v->name + " declared but not used");
    for (auto& [name, l] : ctx.labels)
        if (!l->used) soft_error(l->pos, "label " + name + " defined and not used");
}

void Checker::stmt_list(const std::vector<Stmt*>& list, const BranchCtx& bc) {
    for (size_t i = 0; i < list.size(); ++i) {
        BranchCtx inner = bc;
        // fallthrough is only allowed as the last statement of a case.
        inner.fallthrough_ok = bc.fallthrough_ok && i + 1 == list.size();
        Scope* scope = m_scope;
        FuncCtx* func = m_func;
        size_t targets = m_targets.size();
        int iota = m_iota;
        func->open_lists.push_back(FuncCtx::ListPos{&list, i, {}});
        try {
            stmt(list[i], inner);
            func->open_lists.pop_back();
        } catch (const CheckAbort& a) {
            // Report it and go on with the next statement, as Go does.
            if (!a.follow_on) m_hard.push_back(a.diag);
            // Names are looked up from where the error struck, whose scope still holds
            // the variables the statement itself declared (`for i := ...`).
            mark_used(list[i]);
            m_scope = scope;
            m_func = func;
            m_func->open_lists.pop_back();
            m_targets.resize(targets);
            m_iota = iota;
            salvage(list[i]);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Assignments

std::vector<Operand> Checker::rhs_values(std::vector<Expr*>& rhs, size_t nlhs, Pos err_pos) {
    std::vector<Operand> out;
    // Go reports a count mismatch at the first value.
    if (!rhs.empty()) err_pos = start_pos(rhs[0]);
    if (rhs.size() == nlhs && (nlhs != 1 || !rhs[0]->is<CallExpr>())) {
        for (Expr* e : rhs) out.push_back(rvalue(e));
        return out;
    }
    auto plural = [](size_t n, const char* w) { return std::to_string(n) + " " + w + (n == 1 ? "" : "s"); };
    if (rhs.size() == 1) {
        Expr* e = rhs[0];
        Expr* inner = e;
        while (auto p = inner->as<ParenExpr>()) inner = p->x;
        if (nlhs == 2) {
            if (auto ie = inner->as<IndexExpr>()) {
                Operand x = expr(e);
                if (x.mode == Mode::MapIndex) {
                    ie->comma_ok = true;
                    Operand ok{Mode::Value, e, basic_type(BasicKind::Bool)};
                    return {x, ok};
                }
                error(err_pos, "assignment mismatch: 2 variables but 1 value");
            }
            if (auto ta = inner->as<TypeAssertExpr>()) {
                Operand x = expr(e);
                ta->comma_ok = true;
                return {x, Operand{Mode::Value, e, basic_type(BasicKind::Bool)}};
            }
            if (auto ue = inner->as<UnaryExpr>(); ue && ue->op == Tok::Arrow) {
                Operand x = expr(e);
                ue->comma_ok = true;
                return {x, Operand{Mode::Value, e, basic_type(BasicKind::Bool)}};
            }
        }
        Operand x = multi_value(e);
        auto tup = x.type ? x.type->as<Tuple>() : nullptr;
        if (!tup && nlhs == 1) return {x};
        auto ce = inner->as<CallExpr>();
        if (ce && !ce->fun->is_type) {
            size_t n = tup ? tup->size() : 1;
            if (n != nlhs)
                error(err_pos, "assignment mismatch: " + plural(nlhs, "variable") + " but " + expr_string(ce->fun) +
                                   " returns " + plural(n, "value"));
            for (size_t i = 0; i < n; ++i) out.push_back(Operand{Mode::Value, e, tup->at(i)});
            return out;
        }
        error(err_pos, "assignment mismatch: " + plural(nlhs, "variable") + " but 1 value");
    }
    error(err_pos, "assignment mismatch: " + plural(nlhs, "variable") + " but " + plural(rhs.size(), "value"));
}

// The left side of `=`: an assignment to a plain variable is not a use of it.
Operand Checker::lhs_operand(Expr* lhs) {
    Expr* inner = lhs;
    while (auto p = inner->as<ParenExpr>()) inner = p->x;
    if (auto id = inner->as<Ident>()) {
        if (id->name == "_") return Operand{Mode::Variable, lhs, nullptr};
        Object* o = lookup(id->name);
        if (o && o->kind == ObjectKind::Var) {
            resolve_package_object(o);
            bool was_used = o->used;
            use(o, id);
            o->used = was_used;
            id->obj = o;
            id->type = o->type;
            lhs->type = o->type;
            return Operand{Mode::Variable, lhs, o->type};
        }
    }
    Operand x = expr(lhs);
    if (x.mode == Mode::Variable || x.mode == Mode::MapIndex) return x;
    if (x.mode == Mode::Builtin) error(start_pos(lhs), expr_string(lhs) + " (built-in) must be called");
    if (x.mode == Mode::TypeExpr) error(start_pos(lhs), expr_string(lhs) + " (type) is not an expression");
    if (x.mode == Mode::NoValue) error(start_pos(lhs), describe(x) + " used as value");
    if (auto se = inner->as<SelectorExpr>(); se && se->selection && se->selection->kind == SelectionKind::FieldVal) {
        Expr* base = se->x;
        while (auto p = base->as<ParenExpr>()) base = p->x;
        if (auto ie = base->as<IndexExpr>(); ie && ie->x->type && underlying(ie->x->type)->is<Map>())
            error(start_pos(lhs), "cannot assign to struct field " + expr_string(lhs) + " in map");
    }
    error(start_pos(lhs), "cannot assign to " + describe(x));
}

void Checker::assign_lhs(Expr* lhs, Operand& x, const std::string& context) {
    Operand l = lhs_operand(lhs);
    if (!l.type) {  // blank
        if (is_untyped_nil(x.type)) error(start_pos(x.expr), "use of untyped nil in " + context);
        assign_to(x, nullptr, context);
        return;
    }
    assign_to(x, l.type, context);
}

void Checker::assign(AssignStmt* as) {
    if (as->op != Tok::Assign) {
        // x op= y is x = x op y with x evaluated once.
        if (as->lhs.size() != 1 || as->rhs.size() != 1)
            error(as->pos, "assignment operation " + std::string(tok_text(as->op)) + " requires single-valued expressions");
        Operand l = expr(as->lhs[0]);
        if (l.mode == Mode::Builtin) error(start_pos(as->lhs[0]), expr_string(as->lhs[0]) + " (built-in) must be called");
        if (l.mode != Mode::Variable && l.mode != Mode::MapIndex)
            error(start_pos(as->lhs[0]), "cannot assign to " + describe(l));
        BinaryExpr tmp(as->pos, op_of_assign(as->op), as->lhs[0], as->rhs[0]);
        Operand r = binary(&tmp);
        (void)r;
        return;
    }
    std::vector<Operand> vals = rhs_values(as->rhs, as->lhs.size(), start_pos(as->lhs[0]));
    for (size_t i = 0; i < as->lhs.size(); ++i) assign_lhs(as->lhs[i], vals[i], "assignment");
}

void Checker::define(AssignStmt* as) {
    for (Expr* l : as->lhs)
        if (!l->is<Ident>()) error(start_pos(l), "non-name " + expr_string(l) + " on left side of :=");
    std::vector<Operand> vals = rhs_values(as->rhs, as->lhs.size(), start_pos(as->lhs[0]));
    as->defines.assign(as->lhs.size(), false);
    std::vector<std::pair<Object*, Ident*>> fresh;  // new variables and their declaring identifiers
    std::unordered_set<std::string> names;
    bool any_new = false;
    for (size_t i = 0; i < as->lhs.size(); ++i) {
        auto id = as->lhs[i]->as<Ident>();
        Operand& x = vals[i];
        if (id->name != "_" && !names.insert(id->name).second) error(id->pos, id->name + " repeated on left side of :=");
        if (id->name == "_") {
            if (is_untyped_nil(x.type)) error(start_pos(x.expr), "use of untyped nil in assignment");
            assign_to(x, nullptr, "assignment");
            continue;
        }
        if (Object* prev = m_scope->lookup_local(id->name); prev && prev->kind == ObjectKind::Var) {
            bool was_used = prev->used;
            use(prev, id);
            prev->used = was_used;
            id->obj = prev;
            id->type = prev->type;
            assign_to(x, prev->type, "assignment");
            continue;
        }
        if (is_untyped_nil(x.type)) error(start_pos(x.expr), "use of untyped nil in assignment");
        assign_to(x, nullptr, "assignment");
        Object* v = new_var(id, VarKind::Local, x.type);
        id->type = x.type;
        as->defines[i] = true;
        any_new = true;
        fresh.push_back({v, id});
    }
    if (!any_new) {
        // Go reports this at the := operator, which follows the (identifier) operands.
        Pos at = as->pos;
        std::string_view line = m_file.source->line_text(at.line);
        size_t k = line.find(":=", at.col > 0 ? at.col - 1 : 0);
        if (k != std::string_view::npos) at.col = static_cast<uint32_t>(k + 1);
        error(at, "no new variables on left side of :=");
    }
    for (auto& [v, id] : fresh) {
        declare(v, id);
        m_func->locals.push_back(v);
    }
}

// ---------------------------------------------------------------------------------------
// Declarations in function bodies

void Checker::const_specs(std::vector<ValueSpec>& specs, bool package_level) {
    (void)package_level;
    Expr* last_type = nullptr;
    std::vector<Expr*>* last_values = nullptr;
    for (ValueSpec& vs : specs) {
        if (!vs.values.empty()) {
            last_type = vs.type;
            last_values = &vs.values;
        } else if (vs.type) {
            error(vs.names[0]->pos, "missing init expr for " + vs.names[0]->name);
        }
        if (!last_values || last_values->size() < vs.names.size())
            error(vs.names[last_values ? last_values->size() : 0]->pos,
                  "missing init expr for " + vs.names[last_values ? last_values->size() : 0]->name);
        if (last_values->size() > vs.names.size()) error(start_pos((*last_values)[vs.names.size()]), "extra init expr");
        std::vector<Object*> objs;
        for (size_t i = 0; i < vs.names.size(); ++i) {
            int saved = m_iota;
            m_iota = vs.iota;
            const Type* T = last_type ? type_expr(last_type) : nullptr;
            Expr* init = (*last_values)[i];
            Operand x = expr(init);
            if (x.mode != Mode::Constant) error(start_pos(init), describe(x) + " is not constant");
            if (T) assign_to(x, T, "constant declaration");
            m_iota = saved;
            Object* c = m_info.make_object(ObjectKind::Const, vs.names[i]->name, vs.names[i]->pos);
            c->pkg = m_pkg;
            c->type = T ? T : x.type;
            c->value = x.val;
            objs.push_back(c);
        }
        for (size_t i = 0; i < objs.size(); ++i) declare(objs[i], vs.names[i]);
    }
}

void Checker::local_decl(GenDecl* gd) {
    switch (gd->decl) {
    case DeclKind::Import: error(gd->pos, "syntax error: imports must appear before other declarations");
    case DeclKind::Const: const_specs(gd->values, false); break;
    case DeclKind::Type:
        for (TypeSpec& ts : gd->types) {
            if (ts.has_type_params) unsupported(ts.pos, "generics (type parameters)");
            Object* o = m_info.make_object(ObjectKind::TypeName, ts.name->name, ts.name->pos);
            o->pkg = m_pkg;
            if (ts.alias) {
                o->type = type_expr(ts.type);
                declare(o, ts.name);
                continue;
            }
            auto n = m_info.make_type<Named>();
            n->obj = o;
            o->type = n;
            m_info.named_types.push_back(n);
            declare(o, ts.name);
            n->underlying = underlying(type_expr(ts.type, true));
            if (!n->underlying) error(ts.name->pos, "invalid recursive type " + ts.name->name);
        }
        break;
    case DeclKind::Var:
        for (ValueSpec& vs : gd->values) {
            const Type* T = vs.type ? type_expr(vs.type) : nullptr;
            std::vector<Operand> vals;
            if (!vs.values.empty()) vals = rhs_values(vs.values, vs.names.size(), vs.names[0]->pos);
            std::vector<Object*> objs;
            for (size_t i = 0; i < vs.names.size(); ++i) {
                const Type* vt = T;
                if (!vals.empty()) {
                    if (!T && is_untyped_nil(vals[i].type)) error(start_pos(vals[i].expr), "use of untyped nil in variable declaration");
                    assign_to(vals[i], T, "variable declaration");
                    if (!T) vt = vals[i].type;
                }
                Object* v = new_var(vs.names[i], VarKind::Local, vt);
                objs.push_back(v);
            }
            for (size_t i = 0; i < objs.size(); ++i) {
                declare(objs[i], vs.names[i]);
                m_func->locals.push_back(objs[i]);
            }
        }
        break;
    }
}

// ---------------------------------------------------------------------------------------
// Statements

void Checker::return_stmt(ReturnStmt* rs) {
    const Tuple* results = m_func->sig->results;
    if (rs->results.empty()) {
        if (results->size() > 0 && results->vars[0]->name.empty())
            error(rs->pos, "not enough return values\n\thave ()\n\twant " + type_string(results, m_pkg));
        for (Object* r : results->vars)
            if (Object* o = lookup(r->name); !r->name.empty() && o != r && r->name != "_")
                error(rs->pos, "result parameter " + r->name + " not in scope at return");
        return;
    }
    if (results->size() == 0) {
        std::vector<Operand> xs;
        std::string have = "(";
        for (size_t i = 0; i < rs->results.size(); ++i) {
            Operand x = rvalue(rs->results[i]);
            if (i) have += ", ";
            have += (x.mode == Mode::Constant && is_untyped(x.type) && is_numeric(x.type)) ? "number" : type_string(default_type(x.type), m_pkg);
        }
        error(start_pos(rs->results[0]), "too many return values\n\thave " + have + ")\n\twant ()");
    }
    if (rs->results.size() == 1 && results->size() > 1) {
        Operand x = multi_value(rs->results[0]);
        auto tup = x.type ? x.type->as<Tuple>() : nullptr;
        if (tup && tup->size() == results->size()) {
            for (size_t i = 0; i < tup->size(); ++i)
                if (!assignable(tup->at(i), results->at(i)))
                    error(start_pos(rs->results[0]), "cannot use " + expr_string(rs->results[0]) + " value as type " +
                                                         type_string(results->at(i), m_pkg) + " in return statement");
            return;
        }
        std::string have = "(" + (tup ? type_string(tup, m_pkg).substr(1, type_string(tup, m_pkg).size() - 2)
                                      : (x.mode == Mode::Constant && is_numeric(x.type) && is_untyped(x.type)) ? std::string("number") : type_string(default_type(x.type), m_pkg)) + ")";
        error(rs->pos, "not enough return values\n\thave " + have + "\n\twant " + type_string(results, m_pkg));
    }
    if (rs->results.size() != results->size()) {
        bool few = rs->results.size() < results->size();
        std::string have = "(";
        for (size_t i = 0; i < rs->results.size(); ++i) {
            Operand x = rvalue(rs->results[i]);
            if (i) have += ", ";
            have += (x.mode == Mode::Constant && is_untyped(x.type) && is_numeric(x.type)) ? "number" : type_string(default_type(x.type), m_pkg);
        }
        error(few ? rs->pos : start_pos(rs->results[results->size()]),
              std::string(few ? "not enough" : "too many") + " return values\n\thave " + have + ")\n\twant " + type_string(results, m_pkg));
    }
    for (size_t i = 0; i < rs->results.size(); ++i) {
        Operand x = rvalue(rs->results[i]);
        assign_to(x, results->at(i), "return statement");
    }
}

void Checker::go_defer(CallExpr* call, const char* what) {
    // Only a name (x, pkg.F, v.M) can be a conversion or a builtin, and only a name may be
    // checked twice: a function literal checked twice would declare its locals twice.
    Expr* fun = call->fun;
    while (auto p = fun->as<ParenExpr>()) fun = p->x;
    auto sel = fun->as<SelectorExpr>();
    bool name = fun->is<Ident>() || (sel && sel->x->is<Ident>());
    Operand f;
    if (name) f = expr(call->fun);
    if (name && f.mode == Mode::TypeExpr) error(start_pos(call), std::string(what) + " requires function call, not conversion");
    Operand x = expr(call);
    if (f.mode == Mode::Builtin) {
        switch (f.obj->builtin) {
        case BuiltinKind::Close:
        case BuiltinKind::Copy:
        case BuiltinKind::Delete:
        case BuiltinKind::Panic:
        case BuiltinKind::Print:
        case BuiltinKind::Println:
        case BuiltinKind::Recover: break;
        case BuiltinKind::Clear: unsupported(start_pos(call), std::string(what) + " clear(...)");
        default: error(start_pos(call), std::string(what) + " discards result of " + describe(x));
        }
    }
}

static bool is_receive(Expr* e) {
    while (auto p = e->as<ParenExpr>()) e = p->x;
    auto u = e->as<UnaryExpr>();
    return u && u->op == Tok::Arrow;
}

void Checker::stmt(Stmt* s, const BranchCtx& bc) {
    switch (s->kind) {
    case NodeKind::EmptyStmt: return;
    case NodeKind::DeclStmt: local_decl(s->as<DeclStmt>()->decl); return;
    case NodeKind::LabeledStmt: {
        auto ls = s->as<LabeledStmt>();
        stmt(ls->stmt, bc);
        return;
    }
    case NodeKind::ExprStmt: {
        Expr* e = s->as<ExprStmt>()->x;
        Expr* inner = e;
        while (auto p = inner->as<ParenExpr>()) inner = p->x;
        Operand x = expr(e);
        if (auto ce = inner->as<CallExpr>()) {
            if (ce->fun->is_type) error(start_pos(e), describe(x) + " is not used");
            if (auto id = ce->fun->as<Ident>(); id && id->obj && id->obj->kind == ObjectKind::Builtin) {
                switch (id->obj->builtin) {
                case BuiltinKind::Append: case BuiltinKind::Cap: case BuiltinKind::Len: case BuiltinKind::Make:
                case BuiltinKind::New:
                    error(start_pos(e), describe(x) + " is not used");
                default: break;
                }
            }
            return;
        }
        if (is_receive(inner)) return;
        if (x.mode == Mode::PkgName) error(start_pos(e), "use of package " + expr_string(e) + " not in selector");
        if (x.mode == Mode::Builtin) error(start_pos(e), expr_string(e) + " (built-in) must be called");
        if (x.mode == Mode::TypeExpr) error(start_pos(e), expr_string(e) + " (type) is not an expression");
        error(start_pos(e), describe(x) + " is not used");
    }
    case NodeKind::SendStmt: {
        auto ss = s->as<SendStmt>();
        Operand c = rvalue(ss->chan);
        Operand v = rvalue(ss->value);
        auto ch = underlying(c.type) ? underlying(c.type)->as<Chan>() : nullptr;
        if (!ch) error(ss->pos, "invalid operation: cannot send to non-channel " + describe(c));
        if (ch->dir == ChanDir::Recv) error(ss->pos, "invalid operation: cannot send to receive-only channel " + describe(c));
        assign_to(v, ch->elem, "send");
        return;
    }
    case NodeKind::IncDecStmt: {
        auto is = s->as<IncDecStmt>();
        Operand x = expr(is->x);
        if (!is_numeric(x.type))
            error(start_pos(is->x), "invalid operation: " + expr_string(is->x) + (is->inc ? "++" : "--") + " (non-numeric type " + type_string(x.type, m_pkg) + ")");
        if (x.mode != Mode::Variable && x.mode != Mode::MapIndex)
            error(start_pos(is->x), "cannot assign to " + describe(x));
        return;
    }
    case NodeKind::AssignStmt: {
        auto as = s->as<AssignStmt>();
        if (as->op == Tok::Define) define(as);
        else assign(as);
        return;
    }
    case NodeKind::GoStmt: go_defer(s->as<GoStmt>()->call, "go"); return;
    case NodeKind::DeferStmt: go_defer(s->as<DeferStmt>()->call, "defer"); return;
    case NodeKind::ReturnStmt: return_stmt(s->as<ReturnStmt>()); return;
    case NodeKind::BranchStmt: {
        auto br = s->as<BranchStmt>();
        switch (br->tok) {
        case Tok::Goto: goto_stmt(br); return;
        case Tok::Fallthrough:
            if (!bc.fallthrough_ok) error(br->pos, "fallthrough statement out of place");
            return;
        case Tok::Break:
        case Tok::Continue: {
            bool is_break = br->tok == Tok::Break;
            auto loop = [](Stmt* t) { return t->is<ForStmt>() || t->is<RangeStmt>(); };
            if (br->label) {
                auto it = m_func->labels.find(br->label->name);
                if (it == m_func->labels.end())
                    error(br->label->pos, std::string(is_break ? "break" : "continue") + " label not defined: " + br->label->name);
                Object* l = it->second;
                l->used = true;
                br->label->obj = l;
                Stmt* target = l->label_stmt->stmt;
                bool enclosing = std::find(m_targets.begin(), m_targets.end(), target) != m_targets.end();
                if (!enclosing || (!is_break && !loop(target)))
                    error(br->label->pos, std::string("invalid ") + (is_break ? "break" : "continue") + " label " + br->label->name);
                br->target = target;
                return;
            }
            for (auto it = m_targets.rbegin(); it != m_targets.rend(); ++it) {
                if (is_break || loop(*it)) {
                    br->target = *it;
                    return;
                }
            }
            error(br->pos, is_break ? "break is not in a loop, switch, or select" : "continue is not in a loop");
        }
        default: unsupported(br->pos, "branch statement");
        }
    }
    case NodeKind::BlockStmt:
        push_scope();
        stmt_list(s->as<BlockStmt>()->stmts, BranchCtx{});
        pop_scope();
        return;
    case NodeKind::IfStmt: {
        auto is = s->as<IfStmt>();
        push_scope();
        if (is->init) stmt(is->init, BranchCtx{});
        Operand c = rvalue(is->cond);
        if (!is_boolean(c.type)) error(start_pos(is->cond), "non-boolean condition in if statement");
        if (is_untyped(c.type)) convert_untyped(c, basic_type(BasicKind::Bool));
        stmt(is->then, BranchCtx{});
        if (is->els) stmt(is->els, BranchCtx{});
        pop_scope();
        return;
    }
    case NodeKind::ForStmt: {
        auto fs = s->as<ForStmt>();
        push_scope();
        if (fs->init) stmt(fs->init, BranchCtx{});
        if (fs->cond) {
            Operand c = rvalue(fs->cond);
            if (!is_boolean(c.type)) error(start_pos(fs->cond), "non-boolean condition in for statement");
            if (is_untyped(c.type)) convert_untyped(c, basic_type(BasicKind::Bool));
        }
        if (fs->post) {
            if (auto as = fs->post->as<AssignStmt>(); as && as->op == Tok::Define)
                error(as->pos, "cannot declare in post statement of for loop");
            stmt(fs->post, BranchCtx{});
        }
        m_targets.push_back(fs);
        stmt(fs->body, BranchCtx{});
        m_targets.pop_back();
        pop_scope();
        return;
    }
    case NodeKind::RangeStmt: {
        auto rs = s->as<RangeStmt>();
        push_scope();
        Operand x = rvalue(rs->x);
        const Type* u = underlying(x.type);
        const Type* kt = nullptr;
        const Type* vt = nullptr;
        bool one_var = false;
        if (auto p = u ? u->as<Pointer>() : nullptr; p && underlying(p->elem)->is<Array>()) u = underlying(p->elem);
        if (is_string(x.type)) {
            if (is_untyped(x.type)) convert_untyped(x, basic_type(BasicKind::String));
            kt = basic_type(BasicKind::Int);
            vt = basic_type(BasicKind::Int32);
        } else if (is_integer(x.type)) {
            // Go 1.22's range over an integer; Go 1.19 rejects it as ranging over a non-container.
            if (m_options.lang_minor < 22)
                error(start_pos(rs->x), "cannot range over " + describe(x) + ": requires go1.22 or later");
            if (is_untyped(x.type)) convert_untyped(x, basic_type(BasicKind::Int));
            kt = x.type;
            one_var = true;
        } else if (auto a = u->as<Array>()) {
            kt = basic_type(BasicKind::Int);
            vt = a->elem;
        } else if (auto sl = u->as<Slice>()) {
            kt = basic_type(BasicKind::Int);
            vt = sl->elem;
        } else if (auto m = u->as<Map>()) {
            kt = m->key;
            vt = m->elem;
        } else if (auto ch = u->as<Chan>()) {
            if (ch->dir == ChanDir::Send) error(start_pos(rs->x), "invalid operation: range " + expr_string(rs->x) + " receive from send-only channel " + type_string(x.type, m_pkg));
            kt = ch->elem;
            one_var = true;
        } else {
            error(start_pos(rs->x), "cannot range over " + describe(x));
        }
        if (one_var && rs->value)
            error(start_pos(rs->value), "range over " + describe(x) + " permits only one iteration variable");
        Expr* lhs[2] = {rs->key, rs->value};
        const Type* types[2] = {kt, vt};
        if (rs->define) {
            std::vector<std::pair<Object*, Ident*>> fresh;
            for (int i = 0; i < 2; ++i) {
                if (!lhs[i]) continue;
                auto id = lhs[i]->as<Ident>();
                if (!id) error(start_pos(lhs[i]), "non-name " + expr_string(lhs[i]) + " on left side of :=");
                id->type = types[i];
                Object* v = new_var(id, VarKind::Local, types[i]);
                fresh.push_back({v, id});
            }
            for (auto& [v, id] : fresh) {
                declare(v, id);
                if (id->name == "_") id->obj = nullptr;
                else m_func->locals.push_back(v);
            }
        } else {
            for (int i = 0; i < 2; ++i) {
                if (!lhs[i]) continue;
                Operand val{Mode::Value, rs->x, types[i]};
                Operand l = lhs_operand(lhs[i]);
                if (l.type && !assignable(types[i], l.type))
                    error(start_pos(lhs[i]), "cannot use " + expr_string(lhs[i]) + " (value of type " + type_string(types[i], m_pkg) +
                                                 ") as type " + type_string(l.type, m_pkg) + " in range");
                (void)val;
            }
        }
        m_targets.push_back(rs);
        stmt(rs->body, BranchCtx{});
        m_targets.pop_back();
        pop_scope();
        return;
    }
    case NodeKind::SwitchStmt: {
        auto sw = s->as<SwitchStmt>();
        push_scope();
        if (sw->init) stmt(sw->init, BranchCtx{});
        Operand tag;
        if (sw->tag) {
            tag = rvalue(sw->tag);
            if (is_untyped(tag.type)) {
                if (is_untyped_nil(tag.type)) error(start_pos(sw->tag), "use of untyped nil in switch expression");
                convert_untyped(tag, default_type(tag.type));
            }
        }
        bool seen_default = false;
        std::vector<std::pair<std::string, Pos>> seen_consts;
        m_targets.push_back(sw);
        for (size_t ci = 0; ci < sw->clauses.size(); ++ci) {
            CaseClause* cc = sw->clauses[ci];
            if (cc->is_default) {
                if (seen_default) error(cc->pos, "multiple defaults in switch");
                seen_default = true;
            }
            for (Expr* e : cc->list) {
                Operand v = rvalue(e);
                if (sw->tag) {
                    if (is_untyped(v.type)) {
                        std::string why;
                        Operand saved = v;
                        if (is_untyped_nil(v.type) && !has_nil(tag.type))
                            error(start_pos(e), "invalid case " + expr_string(e) + " in switch on " + expr_string(sw->tag) +
                                                    " (mismatched types untyped nil and " + type_string(tag.type, m_pkg) + ")");
                        convert_untyped(v, is_interface(tag.type) ? default_type(v.type) : tag.type);
                    }
                    if (!assignable(v.type, tag.type) && !assignable(tag.type, v.type))
                        error(start_pos(e), "invalid case " + expr_string(e) + " in switch on " + expr_string(sw->tag) +
                                                " (mismatched types " + type_string(v.type, m_pkg) + " and " + type_string(tag.type, m_pkg) + ")");
                } else {
                    // The implicit tag is true: a case of interface type compares with it.
                    if (!is_boolean(v.type) && !is_interface(v.type))
                        error(start_pos(e), "invalid case " + expr_string(e) + " in switch (mismatched types " +
                                                type_string(v.type, m_pkg) + " and bool)");
                    if (is_untyped(v.type)) convert_untyped(v, basic_type(BasicKind::Bool));
                }
                if (v.mode == Mode::Constant && v.val) {
                    std::string key = type_string(v.type) + ":" + v.val->to_string();
                    for (auto& [k, p] : seen_consts)
                        if (k == key)
                            error(start_pos(e), "duplicate case " + expr_string(e) + " in expression switch\n\t" +
                                                    m_file.source->where(p) + ": previous case");
                    seen_consts.push_back({key, start_pos(e)});
                }
            }
            push_scope();
            BranchCtx inner;
            inner.fallthrough_ok = ci + 1 < sw->clauses.size();
            if (!inner.fallthrough_ok && !cc->body.empty())
                if (auto br = cc->body.back()->as<BranchStmt>(); br && br->tok == Tok::Fallthrough)
                    error(br->pos, "cannot fallthrough final case in switch");
            stmt_list(cc->body, inner);
            pop_scope();
        }
        m_targets.pop_back();
        pop_scope();
        return;
    }
    case NodeKind::TypeSwitchStmt: {
        auto ts = s->as<TypeSwitchStmt>();
        push_scope();
        if (ts->init) stmt(ts->init, BranchCtx{});
        Operand x = rvalue(ts->subject);
        if (!is_interface(x.type)) error(start_pos(ts->subject), describe(x) + " is not an interface");
        // The `y.(type)` expression itself.
        bool seen_default = false;
        bool bind_used = false;
        m_targets.push_back(ts);
        for (CaseClause* cc : ts->clauses) {
            if (cc->is_default) {
                if (seen_default) error(cc->pos, "multiple defaults in switch");
                seen_default = true;
            }
            const Type* single = nullptr;
            for (Expr* e : cc->list) {
                Expr* inner = e;
                while (auto p = inner->as<ParenExpr>()) inner = p->x;
                if (auto id = inner->as<Ident>(); id && id->name == "nil" && lookup("nil") == universe_lookup("nil")) {
                    id->obj = universe_lookup("nil");
                    e->type = basic_type(BasicKind::UntypedNil);
                    single = nullptr;
                    continue;
                }
                const Type* T = type_expr(e);
                if (!is_interface(T)) {
                    std::string why;
                    if (!implements(T, x.type, &why))
                        error(start_pos(e), "impossible type switch case: " + describe(x) + " cannot have dynamic type " +
                                                type_string(T, m_pkg) + " " + why);
                }
                single = T;
            }
            push_scope();
            if (ts->bind) {
                const Type* vt = (cc->list.size() == 1 && single) ? single : x.type;
                Object* v = new_var(ts->bind, VarKind::Local, vt);
                v->decl = ts->bind;
                v->pos = ts->bind->pos;
                cc->implicit = v;
                if (ts->bind->name != "_") m_scope->names[v->name] = v;
            }
            stmt_list(cc->body, BranchCtx{});
            if (cc->implicit && cc->implicit->used) bind_used = true;
            pop_scope();
        }
        m_targets.pop_back();
        if (ts->bind && ts->bind->name != "_" && !bind_used) soft_error(ts->bind->pos, ts->bind->name + " declared but not used");
        if (ts->bind && !ts->clauses.empty()) ts->bind->obj = nullptr;
        pop_scope();
        return;
    }
    case NodeKind::SelectStmt: {
        auto sel = s->as<SelectStmt>();
        bool seen_default = false;
        m_targets.push_back(sel);
        for (CommClause* cc : sel->clauses) {
            push_scope();
            if (!cc->comm) {
                if (seen_default) error(cc->pos, "multiple defaults in select");
                seen_default = true;
            } else if (cc->comm->is<SendStmt>()) {
                stmt(cc->comm, BranchCtx{});
            } else if (auto es = cc->comm->as<ExprStmt>(); es && is_receive(es->x)) {
                stmt(cc->comm, BranchCtx{});
            } else if (auto as = cc->comm->as<AssignStmt>(); as && as->rhs.size() == 1 && is_receive(as->rhs[0]) &&
                                                             as->lhs.size() <= 2 && (as->op == Tok::Define || as->op == Tok::Assign)) {
                stmt(cc->comm, BranchCtx{});
            } else {
                error(cc->comm->pos, "select case must be receive, send or assign recv");
            }
            stmt_list(cc->body, BranchCtx{});
            pop_scope();
        }
        m_targets.pop_back();
        return;
    }
    default: unsupported(s->pos, std::string(node_kind_name(s->kind)) + " statement");
    }
}

// ---------------------------------------------------------------------------------------
// Terminating statements (Go spec), for "missing return"

static bool has_break(Stmt* s, Stmt* target);

static bool has_break_list(const std::vector<Stmt*>& list, Stmt* target) {
    for (Stmt* s : list)
        if (has_break(s, target)) return true;
    return false;
}

static bool has_break(Stmt* s, Stmt* target) {
    if (!s) return false;
    switch (s->kind) {
    case NodeKind::BranchStmt: {
        auto b = s->as<BranchStmt>();
        return b->tok == Tok::Break && b->target == target;
    }
    case NodeKind::BlockStmt: return has_break_list(s->as<BlockStmt>()->stmts, target);
    case NodeKind::LabeledStmt: return has_break(s->as<LabeledStmt>()->stmt, target);
    case NodeKind::IfStmt: return has_break(s->as<IfStmt>()->then, target) || has_break(s->as<IfStmt>()->els, target);
    case NodeKind::ForStmt: return has_break(s->as<ForStmt>()->body, target);
    case NodeKind::RangeStmt: return has_break(s->as<RangeStmt>()->body, target);
    case NodeKind::SwitchStmt:
        for (auto c : s->as<SwitchStmt>()->clauses)
            if (has_break_list(c->body, target)) return true;
        return false;
    case NodeKind::TypeSwitchStmt:
        for (auto c : s->as<TypeSwitchStmt>()->clauses)
            if (has_break_list(c->body, target)) return true;
        return false;
    case NodeKind::SelectStmt:
        for (auto c : s->as<SelectStmt>()->clauses)
            if (has_break_list(c->body, target)) return true;
        return false;
    default: return false;
    }
}

bool Checker::terminating(Stmt* s, Ident* label) {
    if (!s) return false;
    switch (s->kind) {
    case NodeKind::ReturnStmt: return true;
    case NodeKind::BranchStmt: {
        auto b = s->as<BranchStmt>();
        return b->tok == Tok::Goto || b->tok == Tok::Fallthrough;
    }
    case NodeKind::ExprStmt: {
        Expr* e = s->as<ExprStmt>()->x;
        while (auto p = e->as<ParenExpr>()) e = p->x;
        auto c = e->as<CallExpr>();
        if (!c) return false;
        auto id = c->fun->as<Ident>();
        return id && id->obj && id->obj->kind == ObjectKind::Builtin && id->obj->builtin == BuiltinKind::Panic;
    }
    case NodeKind::BlockStmt: {
        auto& l = s->as<BlockStmt>()->stmts;
        return !l.empty() && terminating(l.back());
    }
    case NodeKind::LabeledStmt: return terminating(s->as<LabeledStmt>()->stmt, s->as<LabeledStmt>()->label);
    case NodeKind::IfStmt: {
        auto i = s->as<IfStmt>();
        return i->els && terminating(i->then) && terminating(i->els);
    }
    case NodeKind::ForStmt: {
        auto f = s->as<ForStmt>();
        return !f->cond && !has_break(f->body, f);
    }
    case NodeKind::SwitchStmt: {
        auto sw = s->as<SwitchStmt>();
        bool has_default = false;
        for (auto c : sw->clauses) {
            has_default |= c->is_default;
            if (c->body.empty() || has_break_list(c->body, sw)) return false;
            if (!terminating(c->body.back())) return false;
        }
        return has_default;
    }
    case NodeKind::TypeSwitchStmt: {
        auto ts = s->as<TypeSwitchStmt>();
        bool has_default = false;
        for (auto c : ts->clauses) {
            has_default |= c->is_default;
            if (c->body.empty() || has_break_list(c->body, ts)) return false;
            if (!terminating(c->body.back())) return false;
        }
        return has_default;
    }
    case NodeKind::SelectStmt: {
        auto sel = s->as<SelectStmt>();
        for (auto c : sel->clauses)
            if (c->body.empty() || has_break_list(c->body, sel) || !terminating(c->body.back())) return false;
        return true;
    }
    default: return false;
    }
}

}  // namespace lockstep::lang
