// Go's two-phase assignment (spec: Assignment statements): first the operands of index
// expressions and pointer indirections on the left and the expressions on the right are
// evaluated in the usual order; then the assignments are carried out left to right. So
// `i, s[i] = 2, 9` stores into the old s[i], and `p, p.v = q, 7` into the old p.
#include "lang/assert.hpp"
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

using namespace lockstep::lang;

namespace {

// Also: a qualified identifier of another package of the program (util.F, util.V) is
// compiled as the identifier it names.
const Expr* unparen(const Expr* e) {
    while (e && e->is<ParenExpr>()) e = e->as<ParenExpr>()->x;
    if (auto se = e ? e->as<SelectorExpr>() : nullptr; se && !se->selection && se->sel->obj) {
        const Object* obj = se->sel->obj;
        if ((obj->kind == ObjectKind::Var || obj->kind == ObjectKind::Func) && obj->native.empty()) return se->sel;
    }
    return e;
}

}  // namespace

Compiler::LhsRef Compiler::prepare_lhs(const Expr* l) {
    LhsRef r;
    const Expr* e = unparen(l);
    if (auto* id = e->as<Ident>()) {
        (void)id;
        r.kind = LhsRef::Name;  // a variable: nothing to evaluate before the store
        return r;
    }
    if (auto* ix = e->as<IndexExpr>(); ix && underlying(ix->x->type)->is<Map>()) {
        const Map* mt = underlying(ix->x->type)->as<Map>();
        r.kind = LhsRef::MapEntry;
        expr(ix->x);
        r.a = temp(1);
        emit(Opcode::StoreLocal, static_cast<int32_t>(r.a), 1);
        expr_to(ix->index, mt->key);
        r.b = temp(slots(mt->key));
        emit(Opcode::StoreLocal, static_cast<int32_t>(r.b), slots(mt->key));
        return r;
    }
    Place p;
    if (!place(e, p)) unsupported(l->pos, "assignment to this expression");
    if (p.kind == Place::Frame) {
        r.kind = LhsRef::Frame;
        r.a = p.slot;
        return r;
    }
    r.kind = LhsRef::Address;
    r.a = temp(1);
    emit(Opcode::StoreLocal, static_cast<int32_t>(r.a), 1);
    return r;
}

void Compiler::spill(uint32_t n) {
    uint32_t t = temp(1);
    emit(Opcode::Alloc, 0, n);
    emit(Opcode::StoreLocal, static_cast<int32_t>(t), 1);
    emit(Opcode::LoadLocal, static_cast<int32_t>(t), 1);
    emit(Opcode::Rotate, static_cast<int32_t>(n), 1);
    emit(Opcode::Init, 0, n);
    emit(Opcode::LoadLocal, static_cast<int32_t>(t), 1);
}

void Compiler::store_prepared(const LhsRef& r, const Expr* l, const Type* t, uint32_t value) {
    uint32_t n = slots(t);
    switch (r.kind) {
    case LhsRef::Name:
        emit(Opcode::LoadLocal, static_cast<int32_t>(value), n);
        store_to(l, t);
        return;
    case LhsRef::MapEntry: {
        const Expr* e = unparen(l);
        auto* ix = e->as<IndexExpr>();
        const Map* mt = underlying(ix->x->type)->as<Map>();
        emit(Opcode::LoadLocal, static_cast<int32_t>(r.a), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(r.b), slots(mt->key));
        emit(Opcode::LoadLocal, static_cast<int32_t>(value), n);
        emit(Opcode::MapStore, static_cast<int32_t>(rtype(ix->x->type)), 0,
             static_cast<int32_t>(site(l->pos, expr_text(ix->x))));
        return;
    }
    case LhsRef::Frame:
        emit(Opcode::LoadLocal, static_cast<int32_t>(value), n);
        store_place(Place{Place::Frame, r.a}, n, rtype(t), 0);
        return;
    case LhsRef::Address:
        emit(Opcode::LoadLocal, static_cast<int32_t>(r.a), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(value), n);
        store_place(Place{Place::Heap, 0}, n, rtype(t), site(l->pos, expr_text(l)));
        return;
    }
}

}  // namespace lockstep::vm
