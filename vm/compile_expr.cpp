// The compiler's expressions: constants, variables and places (frame slots or heap cells),
// field paths, indexing, operators, conversions, composite literals, closures, type
// assertions, and calls (user functions, methods, interfaces, builtins, library shims).
#include <algorithm>

#include "lang/assert.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"
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

RKind basic_rkind(const Type* t) {
    const Basic* b = underlying(t)->as<Basic>();
    if (!b) return RKind::Int64;
    switch (b->basic) {
    case BasicKind::Int8: return RKind::Int8;
    case BasicKind::Int16: return RKind::Int16;
    case BasicKind::Int32: case BasicKind::UntypedRune: return RKind::Int32;
    case BasicKind::Uint8: return RKind::Uint8;
    case BasicKind::Uint16: return RKind::Uint16;
    case BasicKind::Uint32: return RKind::Uint32;
    case BasicKind::Uint: return RKind::Uint;
    case BasicKind::Uint64: return RKind::Uint64;
    case BasicKind::Uintptr: return RKind::Uintptr;
    case BasicKind::Bool: return RKind::Bool;
    default: return RKind::Int64;
    }
}

bool needs_wrap(RKind k) {
    return k == RKind::Int8 || k == RKind::Int16 || k == RKind::Int32 || k == RKind::Uint8 || k == RKind::Uint16 ||
           k == RKind::Uint32;
}

bool is_float32(const Type* t) {
    const Basic* b = underlying(t)->as<Basic>();
    return b && b->basic == BasicKind::Float32;
}

bool is_complex64(const Type* t) {
    const Basic* b = underlying(t)->as<Basic>();
    return b && b->basic == BasicKind::Complex64;
}

}  // namespace

void Compiler::constant(const ConstValue* v, const Type* t, Pos pos) {
    const Type* u = underlying(t);
    if (is_interface(t)) {
        // an untyped constant converted to an interface: box its default type
        const Type* d = nullptr;
        switch (v->kind) {
        case ConstKind::Bool: d = basic_type(BasicKind::Bool); break;
        case ConstKind::Int: d = basic_type(BasicKind::Int); break;
        case ConstKind::Float: d = basic_type(BasicKind::Float64); break;
        case ConstKind::Complex: d = basic_type(BasicKind::Complex128); break;
        case ConstKind::String: d = basic_type(BasicKind::String); break;
        }
        constant(v, d, pos);
        emit(Opcode::Box, static_cast<int32_t>(rtype(d)));
        return;
    }
    if (is_complex(u)) {
        double parts[2] = {v->as_double() + 0.0, v->imag_double() + 0.0};
        for (double d : parts) {
            if (is_complex64(u)) d = static_cast<float>(d);
            emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(d))));
        }
        return;
    }
    if (is_float(u)) {
        // + 0.0: a constant is exact and has no negative zero (-0.0 is 0)
        double d = v->as_double() + 0.0;
        if (is_float32(u)) d = static_cast<float>(d);
        emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(d))));
        return;
    }
    if (is_string(u)) {
        emit(Opcode::Const, static_cast<int32_t>(const_value(m_mod->intern(v->s))));
        return;
    }
    if (is_boolean(u)) {
        emit(Opcode::Int, v->b ? 1 : 0);
        return;
    }
    if (is_integer(u)) {
        int64_t x = is_unsigned(u) ? static_cast<int64_t>(v->as_uint64()) : v->as_int64();
        if (x >= INT32_MIN && x <= INT32_MAX) emit(Opcode::Int, static_cast<int32_t>(x));
        else emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_int(x))));
        return;
    }
    unsupported(pos, "constant of type " + type_string(t));
}

bool Compiler::var_place(const Object* obj, Place& out) {
    auto it = m_fn->vars.find(obj);
    if (it != m_fn->vars.end()) {
        if (it->second.kind == VarLoc::Frame) {
            out = Place{Place::Frame, it->second.index};
            return true;
        }
        emit(Opcode::LoadLocal, static_cast<int32_t>(it->second.index), 1);
        out = Place{Place::Heap, 0};
        return true;
    }
    auto e = m_fn->env.find(obj);
    if (e != m_fn->env.end()) {
        emit(Opcode::LoadEnv, static_cast<int32_t>(e->second));
        out = Place{Place::Heap, 0};
        return true;
    }
    auto g = m_globals.find(obj);
    if (g != m_globals.end()) {
        emit(Opcode::AddrGlobal, static_cast<int32_t>(g->second));
        out = Place{Place::Heap, 0};
        return true;
    }
    unsupported(obj->pos, "variable " + obj->name + " is not reachable from this function");
}

void Compiler::load_place(const Place& p, uint32_t n, uint32_t r, uint32_t st) {
    if (p.kind == Place::Frame) emit(Opcode::LoadLocal, static_cast<int32_t>(p.slot), n);
    else emit(Opcode::Load, static_cast<int32_t>(r), n, static_cast<int32_t>(st));
}

void Compiler::store_place(const Place& p, uint32_t n, uint32_t r, uint32_t st) {
    if (p.kind == Place::Frame) emit(Opcode::StoreLocal, static_cast<int32_t>(p.slot), n);
    else emit(Opcode::Store, static_cast<int32_t>(r), n, static_cast<int32_t>(st));
}

void Compiler::load_var(const Object* obj, Pos pos, const Expr* e) {
    Place p;
    var_place(obj, p);
    load_place(p, slots(obj->type), rtype(obj->type), p.kind == Place::Heap ? site(e ? e->pos : pos, obj->name) : 0);
}

static bool addressable(const Expr* e) {
    e = unparen(e);
    switch (e->kind) {
    case NodeKind::Ident: return e->as<Ident>()->obj && e->as<Ident>()->obj->kind == ObjectKind::Var;
    case NodeKind::SelectorExpr: {
        auto s = e->as<SelectorExpr>();
        if (!s->selection || s->selection->kind != SelectionKind::FieldVal) return false;
        for (const FieldStep& st : s->selection->path)
            if (st.deref) return true;
        return addressable(s->x);
    }
    case NodeKind::IndexExpr: {
        auto ix = e->as<IndexExpr>();
        const Type* t = underlying(ix->x->type);
        if (t->is<Slice>()) return true;
        if (t->is<Pointer>()) return true;
        if (t->is<Array>()) return addressable(ix->x);
        return false;
    }
    case NodeKind::StarExpr: return true;
    default: return false;
    }
}

static uint32_t field_offset(Compiler& c, const Struct* st, uint32_t index) {
    uint32_t off = 0;
    for (uint32_t i = 0; i < index; i++) off += c.slots(st->fields[i]->type);
    return off;
}

bool Compiler::place(const Expr* e, Place& out) {
    e = unparen(e);
    if (!addressable(e)) return false;
    switch (e->kind) {
    case NodeKind::Ident: return var_place(e->as<Ident>()->obj, out);
    case NodeKind::StarExpr:
        expr(e->as<StarExpr>()->x);
        emit(Opcode::NilCheck);
        out = Place{Place::Heap, 0};
        return true;
    case NodeKind::IndexExpr: {
        auto ix = e->as<IndexExpr>();
        const Type* t = underlying(ix->x->type);
        if (t->is<Slice>()) {
            expr(ix->x);
            expr_to(ix->index, basic_type(BasicKind::Int));
            emit(Opcode::IndexAddr, 0, slots(t->as<Slice>()->elem));
            out = Place{Place::Heap, 0};
            return true;
        }
        const Array* at;
        if (t->is<Pointer>()) {
            at = underlying(t->as<Pointer>()->elem)->as<Array>();
            expr(ix->x);
        } else {
            at = t->as<Array>();
            Place base;
            place(ix->x, base);
            if (base.kind != Place::Heap) unsupported(ix->pos, "indexing an array held in a frame");
        }
        expr_to(ix->index, basic_type(BasicKind::Int));
        emit(Opcode::ArrayAddr, static_cast<int32_t>(at->len), slots(at->elem));
        out = Place{Place::Heap, 0};
        return true;
    }
    case NodeKind::SelectorExpr: {
        auto s = e->as<SelectorExpr>();
        const auto& steps = s->selection->path;
        const Type* cur = s->x->type;
        Place p;
        size_t i = 0;
        if (steps[0].deref) {
            expr(s->x);
            p = Place{Place::Heap, 0};
        } else {
            place(s->x, p);
        }
        for (; i < steps.size(); i++) {
            if (steps[i].deref) {
                if (i > 0) {
                    load_place(p, 1, rtype(cur), site(s->pos, expr_text(s->x)));
                    p = Place{Place::Heap, 0};
                }
                cur = underlying(cur)->as<Pointer>()->elem;
            }
            const Struct* st = underlying(cur)->as<Struct>();
            uint32_t off = field_offset(*this, st, steps[i].index);
            if (p.kind == Place::Frame) p.slot += off;
            else emit(Opcode::FieldAddr, static_cast<int32_t>(off));
            cur = st->fields[steps[i].index]->type;
        }
        out = p;
        return true;
    }
    default: return false;
    }
}

void Compiler::expr_to(const Expr* e, const Type* target) {
    if (e->value && target && is_interface(target) && !is_interface(e->type)) {
        constant(e->value, e->type, e->pos);
        emit(Opcode::Box, static_cast<int32_t>(rtype(e->type)));
        return;
    }
    expr(e);
    if (target) convert(e->type, target);
}

void Compiler::convert(const Type* from, const Type* to) {
    if (!from || !to) return;
    if (is_interface(to) && !is_interface(from)) {
        const Basic* b = underlying(from)->as<Basic>();
        if (b && b->basic == BasicKind::UntypedNil) return;
        emit(Opcode::Box, static_cast<int32_t>(rtype(from)));
    }
}

void Compiler::expr(const Expr* e) {
    m_where = e->pos;
    if (e->value) {
        constant(e->value, e->type, e->pos);
        return;
    }
    switch (e->kind) {
    case NodeKind::ParenExpr: expr(e->as<ParenExpr>()->x); return;
    case NodeKind::Ident: {
        auto id = e->as<Ident>();
        const Object* obj = id->obj;
        if (!obj) unsupported(e->pos, "unresolved identifier " + id->name);
        switch (obj->kind) {
        case ObjectKind::Var:
            // a library package run from source names its shim variables bare (io.go's EOF)
            if (!obj->native.empty()) library_var(obj, e->pos);
            else load_var(obj, e->pos, e);
            return;
        case ObjectKind::Nil: emit(Opcode::Zero, 0, slots(e->type)); return;
        case ObjectKind::Func:
            if (!obj->native.empty()) unsupported(e->pos, "library function " + obj->native + " used as a value");
            emit(Opcode::FuncValue, static_cast<int32_t>(function_of(obj)));
            return;
        case ObjectKind::Const: constant(obj->value, e->type, e->pos); return;
        default: unsupported(e->pos, "identifier " + id->name + " used as a value");
        }
    }
    case NodeKind::FuncLit: func_lit(e->as<FuncLit>()); return;
    case NodeKind::SelectorExpr: selector(e->as<SelectorExpr>()); return;
    case NodeKind::IndexExpr: index(e->as<IndexExpr>()); return;
    case NodeKind::SliceExpr: {
        auto s = e->as<SliceExpr>();
        const Type* t = underlying(s->x->type);
        uint8_t k = (s->low ? 1 : 0) | (s->high ? 2 : 0) | (s->max ? 4 : 0);
        auto bounds = [&]() {
            const Type* it = basic_type(BasicKind::Int);
            if (s->low) expr_to(s->low, it);
            if (s->high) expr_to(s->high, it);
            if (s->max) expr_to(s->max, it);
        };
        if (is_string(t)) {
            expr(s->x);
            bounds();
            emit(Opcode::StrSlice, 0, 0, 0, k);
            return;
        }
        if (t->is<Slice>()) {
            expr(s->x);
            bounds();
            emit(Opcode::SliceSlice, 0, slots(t->as<Slice>()->elem), 0, k);
            return;
        }
        const Array* at;
        if (t->is<Pointer>()) {
            at = underlying(t->as<Pointer>()->elem)->as<Array>();
            expr(s->x);
        } else {
            at = t->as<Array>();
            Place p;
            if (!place(s->x, p) || p.kind != Place::Heap) unsupported(s->pos, "slicing an unaddressable array");
        }
        bounds();
        emit(Opcode::SliceArray, static_cast<int32_t>(at->len), slots(at->elem), 0, k);
        return;
    }
    case NodeKind::TypeAssertExpr: type_assert(e->as<TypeAssertExpr>()); return;
    case NodeKind::CallExpr: {
        auto c = e->as<CallExpr>();
        if (c->fun->is_type) conversion(c);
        else call(c);
        return;
    }
    case NodeKind::StarExpr: {
        auto s = e->as<StarExpr>();
        expr(s->x);
        emit(Opcode::Load, static_cast<int32_t>(rtype(e->type)), slots(e->type), static_cast<int32_t>(site(e->pos, expr_text(e))));
        return;
    }
    case NodeKind::UnaryExpr: unary(e->as<UnaryExpr>()); return;
    case NodeKind::BinaryExpr: binary(e->as<BinaryExpr>()); return;
    case NodeKind::CompositeLit: composite(e->as<CompositeLit>(), false); return;
    default: unsupported(e->pos, std::string("expression ") + std::string(node_kind_name(e->kind)));
    }
}

void Compiler::selector(const SelectorExpr* e) {
    if (const Expr* q = unparen(e); q != e) return expr(q);
    if (!e->selection) {
        const Object* obj = e->sel->obj;
        if (obj && obj->kind == ObjectKind::Const) {
            constant(obj->value, e->type, e->pos);
            return;
        }
        if (obj && obj->kind == ObjectKind::Func && !obj->native.empty()) {
            emit(Opcode::FuncValue, static_cast<int32_t>(library_function_value(obj, e->pos)));
            return;
        }
        if (obj && obj->kind == ObjectKind::Var && !obj->native.empty()) {
            library_var(obj, e->pos);
            return;
        }
        unsupported(e->pos, "library member " + expr_text(e) + " used as a value");
    }
    const Selection* sel = e->selection;
    if (sel->kind == SelectionKind::FieldVal) {
        Place p;
        if (place(e, p)) {
            load_place(p, slots(e->type), rtype(e->type), site(e->pos, expr_text(e)));
            return;
        }
        // a field of a struct value that is not addressable (f().x)
        const Type* cur = e->x->type;
        expr(e->x);
        bool on_heap = false;
        for (size_t i = 0; i < sel->path.size(); i++) {
            if (sel->path[i].deref) {
                if (on_heap) emit(Opcode::Load, static_cast<int32_t>(rtype(cur)), 1, static_cast<int32_t>(site(e->pos, expr_text(e))));
                on_heap = true;
                cur = underlying(cur)->as<Pointer>()->elem;
            }
            const Struct* st = underlying(cur)->as<Struct>();
            uint32_t off = field_offset(*this, st, sel->path[i].index);
            const Type* ft = st->fields[sel->path[i].index]->type;
            if (on_heap) emit(Opcode::FieldAddr, static_cast<int32_t>(off));
            else emit(Opcode::Extract, static_cast<int32_t>(off), slots(ft), static_cast<int32_t>(slots(cur)));
            cur = ft;
        }
        if (on_heap) emit(Opcode::Load, static_cast<int32_t>(rtype(cur)), slots(cur), static_cast<int32_t>(site(e->pos, expr_text(e))));
        return;
    }
    if (sel->kind == SelectionKind::MethodVal) {
        if (sel->dynamic) {
            receiver(e, false);
            emit(Opcode::MethodValue, static_cast<int32_t>(m_mod->method_name_id(sel->obj->name)));
            return;
        }
        if (!sel->obj->native.empty()) {
            // Library method: bind x (or &x when the method needs a pointer x's own
            // method set lacks) to the wrapper of that receiver type. A program's promoted
            // method is bound below, to the receiver found now through the embedded fields
            // (Go evaluates them, and panics on a nil embedded pointer, at binding time).
            const Type* xt = e->x->type;
            Selection probe;
            if (lookup_field_or_method(xt, false, sel->obj->name, probe) && probe.kind == SelectionKind::MethodVal) {
                expr(e->x);
            } else {
                Place p;
                if (!place(e->x, p) || p.kind != Place::Heap) unsupported(e->pos, "address of the receiver " + expr_text(e->x));
                xt = pointer_to(xt);
            }
            uint32_t w = method_wrapper(xt, sel->obj->name);
            LOCKSTEP_ASSERT(w != UINT32_MAX, "method value without a method");
            emit(Opcode::Bind, static_cast<int32_t>(w), slots(xt));
            return;
        }
        receiver(e, false);
        uint32_t fn = function_of(sel->obj);
        // (the method may not be compiled yet: its receiver's width comes from its type)
        const Object* recv_var = sel->obj->type->as<Signature>()->recv;
        emit(Opcode::Bind, static_cast<int32_t>(fn), sel->obj->ptr_recv ? 1 : slots(recv_var ? recv_var->type : e->x->type));
        return;
    }
    // Method expression T.M / (*T).M: a function whose first parameter is the receiver.
    uint32_t w = method_wrapper(sel->recv, sel->obj->name);
    LOCKSTEP_ASSERT(w != UINT32_MAX, "method expression without a method");
    emit(Opcode::FuncValue, static_cast<int32_t>(w));
}

// The array type of an array or of a pointer to one, else null.
static const Array* array_of(const Type* u) {
    if (const Array* a = u->as<Array>()) return a;
    if (const Pointer* p = u->as<Pointer>()) return underlying(p->elem)->as<Array>();
    return nullptr;
}

void Compiler::index(const IndexExpr* e) {
    const Type* t = underlying(e->x->type);
    if (t->is<Map>()) {
        const Map* mt = t->as<Map>();
        expr(e->x);
        expr_to(e->index, mt->key);
        emit(Opcode::MapIndex, static_cast<int32_t>(rtype(e->x->type)), 0, static_cast<int32_t>(site(e->pos, expr_text(e->x))),
             e->comma_ok ? 1 : 0);
        return;
    }
    if (is_string(t)) {
        expr(e->x);
        expr_to(e->index, basic_type(BasicKind::Int));
        emit(Opcode::StrIndex);
        return;
    }
    Place p;
    if (place(e, p)) {
        load_place(p, slots(e->type), rtype(e->type), site(e->pos, expr_text(e)));
        return;
    }
    const Array* at = t->as<Array>();
    if (!at) unsupported(e->pos, "indexing this value");
    // An array value without an address (a call's result, a composite literal): index
    // a copy of it.
    expr(e->x);
    spill(slots(e->x->type));
    expr_to(e->index, basic_type(BasicKind::Int));
    emit(Opcode::ArrayAddr, static_cast<int32_t>(at->len), slots(at->elem));
    load_place(Place{Place::Heap, 0}, slots(e->type), rtype(e->type), site(e->pos, expr_text(e)));
}

void Compiler::arith(Tok op, const Type* t, Pos pos, bool unsigned_count) {
    const Type* u = underlying(t);
    if (is_string(u)) {
        if (op != Tok::Add) unsupported(pos, "string operator");
        emit(Opcode::Concat);
        return;
    }
    if (is_complex(u)) {
        if (op != Tok::Add && op != Tok::Sub && op != Tok::Mul && op != Tok::Quo) unsupported(pos, "complex operator");
        NativeId id = op == Tok::Add ? NativeId::ComplexAdd
                      : op == Tok::Sub ? NativeId::ComplexSub
                      : op == Tok::Mul ? NativeId::ComplexMul
                                       : NativeId::ComplexDiv;
        emit(Opcode::Native, static_cast<int32_t>(id), 4, -1, is_complex64(u) ? 1 : 0);
        return;
    }
    if (is_float(u)) {
        switch (op) {
        case Tok::Add: emit(Opcode::FAdd); break;
        case Tok::Sub: emit(Opcode::FSub); break;
        case Tok::Mul: emit(Opcode::FMul); break;
        case Tok::Quo: emit(Opcode::FDiv); break;
        default: unsupported(pos, "float operator");
        }
        if (is_float32(u)) emit(Opcode::F32);
        return;
    }
    bool uns = is_unsigned(u);
    switch (op) {
    case Tok::Add: emit(Opcode::Add); break;
    case Tok::Sub: emit(Opcode::Sub); break;
    case Tok::Mul: emit(Opcode::Mul); break;
    case Tok::Quo: emit(uns ? Opcode::DivU : Opcode::Div); break;
    case Tok::Rem: emit(uns ? Opcode::RemU : Opcode::Rem); break;
    case Tok::And: emit(Opcode::And); break;
    case Tok::Or: emit(Opcode::Or); break;
    case Tok::Xor: emit(Opcode::Xor); break;
    case Tok::AndNot: emit(Opcode::AndNot); break;
    case Tok::Shl: emit(Opcode::Shl, 0, 0, 0, unsigned_count ? 1 : 0); break;
    case Tok::Shr: emit(uns ? Opcode::ShrU : Opcode::Shr, 0, 0, 0, unsigned_count ? 1 : 0); break;
    default: unsupported(pos, "integer operator");
    }
    RKind k = basic_rkind(u);
    if (needs_wrap(k)) emit(Opcode::Wrap, 0, 0, 0, static_cast<uint8_t>(k));
}

void Compiler::compare(Tok op, const Type* t, Pos pos) {
    const Type* u = underlying(t);
    bool swap = op == Tok::Gtr || op == Tok::Geq;
    if (swap) emit(Opcode::Rotate, 1, 1);
    bool lt = op == Tok::Lss || op == Tok::Gtr;
    bool le = op == Tok::Leq || op == Tok::Geq;
    bool eq = op == Tok::Eql || op == Tok::Neq;
    if (is_string(u)) {
        emit(eq ? Opcode::SEq : lt ? Opcode::SLt : Opcode::SLe);
    } else if (is_float(u)) {
        emit(eq ? Opcode::FEq : lt ? Opcode::FLt : Opcode::FLe);
    } else if (is_integer(u)) {
        bool uns = is_unsigned(u);
        emit(eq ? Opcode::Eq : lt ? (uns ? Opcode::LtU : Opcode::Lt) : (uns ? Opcode::LeU : Opcode::Le));
    } else if (u->is<Interface>() || u->is<Struct>() || u->is<Array>() || is_complex(u)) {
        if (!eq) unsupported(pos, "ordering of " + type_string(t));
        emit(Opcode::EqT, static_cast<int32_t>(rtype(t)));
    } else {
        if (!eq) unsupported(pos, "ordering of " + type_string(t));
        emit(Opcode::Eq);
    }
    (void)le;
    if (op == Tok::Neq) emit(Opcode::Not);
}

void Compiler::binary(const BinaryExpr* e) {
    if (e->op == Tok::LAnd || e->op == Tok::LOr) {
        expr(e->x);
        uint32_t j = emit(e->op == Tok::LAnd ? Opcode::JumpIfNot : Opcode::JumpIf);
        expr(e->y);
        uint32_t end = emit(Opcode::Jump);
        patch(j);
        emit(Opcode::Int, e->op == Tok::LAnd ? 0 : 1);
        patch(end);
        return;
    }
    switch (e->op) {
    case Tok::Eql: case Tok::Neq: case Tok::Lss: case Tok::Leq: case Tok::Gtr: case Tok::Geq: {
        const Type* t = e->x->type;
        const Type* yt = e->y->type;
        // mixed interface / concrete comparison: compare as interfaces
        if (is_interface(yt) && !is_interface(t)) t = yt;
        const Basic* nb = underlying(t)->as<Basic>();
        if (nb && nb->basic == BasicKind::UntypedNil) t = yt;
        expr_to(e->x, t);
        expr_to(e->y, t);
        compare(e->op, t, e->pos);
        return;
    }
    case Tok::Shl:
    case Tok::Shr:
        expr(e->x);
        expr(e->y);
        arith(e->op, e->type, e->pos, is_unsigned(e->y->type));
        return;
    default:
        expr_to(e->x, e->type);
        expr_to(e->y, e->type);
        arith(e->op, e->type, e->pos);
        return;
    }
}

void Compiler::unary(const UnaryExpr* e) {
    switch (e->op) {
    case Tok::Add: expr(e->x); return;
    case Tok::Sub:
        expr(e->x);
        if (is_float(e->type)) emit(Opcode::FNeg);
        else if (is_complex(e->type)) emit(Opcode::Native, static_cast<int32_t>(NativeId::ComplexNeg), 2, -1, 0);
        else {
            emit(Opcode::Neg);
            RKind k = basic_rkind(e->type);
            if (needs_wrap(k)) emit(Opcode::Wrap, 0, 0, 0, static_cast<uint8_t>(k));
        }
        return;
    case Tok::Not: expr(e->x); emit(Opcode::Not); return;
    case Tok::Xor: {
        expr(e->x);
        emit(Opcode::Com);
        RKind k = basic_rkind(e->type);
        if (needs_wrap(k)) emit(Opcode::Wrap, 0, 0, 0, static_cast<uint8_t>(k));
        return;
    }
    case Tok::And: {
        const Expr* x = unparen(e->x);
        if (auto* cl = x->as<CompositeLit>()) {
            composite(cl, true);
            return;
        }
        Place p;
        if (!place(x, p) || p.kind != Place::Heap) unsupported(e->pos, "address of " + expr_text(x));
        return;
    }
    case Tok::Arrow: {
        const Chan* ct = underlying(e->x->type)->as<Chan>();
        m_ready_timer = time_after_call(e->x);
        expr(e->x);
        m_ready_timer = nullptr;
        emit(Opcode::Recv, 0, slots(ct->elem), static_cast<int32_t>(site(e->pos, expr_text(e->x))), e->comma_ok ? 1 : 0);
        return;
    }
    default: unsupported(e->pos, "unary operator");
    }
}

void Compiler::composite(const CompositeLit* e, bool on_heap) {
    const Type* t = e->type;
    if (underlying(t)->is<Pointer>()) {  // elided &T in an outer literal
        t = underlying(t)->as<Pointer>()->elem;
        on_heap = true;
    }
    const Type* u = underlying(t);
    uint32_t n = slots(t);
    if (u->is<Struct>() || u->is<Array>()) {
        // Build in a frame temporary, then push it (or move it to fresh cells).
        uint32_t tmp = temp(n);
        emit(Opcode::Zero, 0, n);
        emit(Opcode::StoreLocal, static_cast<int32_t>(tmp), n);
        if (const Struct* st = u->as<Struct>()) {
            for (size_t i = 0; i < e->elts.size(); i++) {
                const Expr* el = e->elts[i];
                uint32_t fi = static_cast<uint32_t>(i);
                if (auto* kv = el->as<KeyValueExpr>()) {
                    fi = kv->key->as<Ident>()->obj->index;
                    el = kv->value_expr;
                }
                const Type* ft = st->fields[fi]->type;
                if (auto* inner = el->as<CompositeLit>(); inner && !inner->type_expr) composite(inner, false);
                else expr_to(el, ft);
                emit(Opcode::StoreLocal, static_cast<int32_t>(tmp + field_offset(*this, st, fi)), slots(ft));
            }
        } else {
            const Array* at = u->as<Array>();
            uint32_t es = slots(at->elem);
            int64_t idx = 0;
            for (const Expr* el : e->elts) {
                if (auto* kv = el->as<KeyValueExpr>()) {
                    idx = kv->key->value ? kv->key->value->as_int64() : idx;
                    el = kv->value_expr;
                }
                expr_to(el, at->elem);
                emit(Opcode::StoreLocal, static_cast<int32_t>(tmp + idx * es), es);
                idx++;
            }
        }
        if (on_heap) {
            emit(Opcode::Alloc, 0, n);
            emit(Opcode::Dup, 0, 1);
            emit(Opcode::LoadLocal, static_cast<int32_t>(tmp), n);
            emit(Opcode::Init, 0, n);
        } else {
            emit(Opcode::LoadLocal, static_cast<int32_t>(tmp), n);
        }
        return;
    }
    if (const Slice* st = u->as<Slice>()) {
        uint32_t es = slots(st->elem);
        int64_t idx = 0, count = 0;
        for (const Expr* el : e->elts) {
            if (auto* kv = el->as<KeyValueExpr>()) {
                int64_t k = kv->key->value ? kv->key->value->as_int64() : idx;
                if (k != idx) unsupported(kv->pos, "slice literal with out-of-order keys");
                el = kv->value_expr;
            }
            if (auto* inner = el->as<CompositeLit>(); inner && !inner->type_expr) composite(inner, false);
            else expr_to(el, st->elem);
            idx++;
            count = std::max(count, idx);
        }
        emit(Opcode::SliceLit, static_cast<int32_t>(count), es);
    } else if (const Map* mt = u->as<Map>()) {
        emit(Opcode::Int, 0);
        emit(Opcode::MakeMap, static_cast<int32_t>(rtype(t)));
        for (const Expr* el : e->elts) {
            auto* kv = el->as<KeyValueExpr>();
            emit(Opcode::Dup, 0, 1);
            if (auto* ik = kv->key->as<CompositeLit>(); ik && !ik->type_expr) composite(ik, false);
            else expr_to(kv->key, mt->key);
            if (auto* iv = kv->value_expr->as<CompositeLit>(); iv && !iv->type_expr) composite(iv, false);
            else expr_to(kv->value_expr, mt->elem);
            emit(Opcode::MapStore, static_cast<int32_t>(rtype(t)), 0, 0, 1);  // fresh map: invisible
        }
    } else {
        unsupported(e->pos, "composite literal of type " + type_string(t));
    }
    if (on_heap) {
        emit(Opcode::Alloc, 0, 1);
        emit(Opcode::Rotate, 1, 1);
        emit(Opcode::Pick, 2, 1);
        emit(Opcode::Rotate, 2, 1);
        emit(Opcode::Init, 0, 1);
    }
}

void Compiler::func_lit(const FuncLit* e) {
    uint32_t idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    int nth = ++m_fn->closures;
    m_mod->functions[idx].name = m_fn->lit ? m_fn->name + "." + std::to_string(nth) : m_fn->name + ".func" + std::to_string(nth);
    m_lits[e] = idx;
    compile_function(idx, e->sig, e->type->as<Signature>(), nullptr, e->body, e);
    for (const Object* c : e->captures) {
        auto it = m_fn->vars.find(c);
        if (it != m_fn->vars.end()) {
            if (it->second.kind != VarLoc::Boxed) unsupported(c->pos, "captured variable " + c->name + " not in a heap cell");
            emit(Opcode::LoadLocal, static_cast<int32_t>(it->second.index), 1);
            continue;
        }
        auto en = m_fn->env.find(c);
        if (en != m_fn->env.end()) {
            emit(Opcode::LoadEnv, static_cast<int32_t>(en->second));
            continue;
        }
        auto g = m_globals.find(c);
        if (g != m_globals.end()) {
            emit(Opcode::AddrGlobal, static_cast<int32_t>(g->second));
            continue;
        }
        unsupported(c->pos, "captured variable " + c->name + " not found");
    }
    emit(Opcode::Closure, static_cast<int32_t>(idx), static_cast<uint32_t>(e->captures.size()));
}

void Compiler::type_assert(const TypeAssertExpr* e) {
    const Type* target = e->type_expr->type;
    if (!target) target = e->type;
    expr(e->x);
    uint32_t src = rtype(e->x->type);
    if (is_interface(target))
        emit(Opcode::AssertIface, static_cast<int32_t>(rtype(target)), 0, static_cast<int32_t>(src == rt::any ? 0 : src), e->comma_ok ? 1 : 0);
    else
        emit(Opcode::Assert, static_cast<int32_t>(rtype(target)), 0, static_cast<int32_t>(src == rt::any ? 0 : src), e->comma_ok ? 1 : 0);
}

void Compiler::conversion(const CallExpr* e) {
    const Type* to = e->type;
    const Expr* x = e->args[0];
    const Type* from = x->type;
    expr(x);
    m_conversion_pos = e->pos;
    if (is_interface(to)) {
        convert(from, to);
        return;
    }
    const Type* tu = underlying(to);
    const Type* fu = underlying(from);
    if (is_integer(tu) && is_integer(fu)) {
        RKind k = basic_rkind(tu);
        if (needs_wrap(k)) emit(Opcode::Wrap, 0, 0, 0, static_cast<uint8_t>(k));
        return;
    }
    if (is_float(tu) && is_integer(fu)) {
        emit(is_unsigned(fu) ? Opcode::UintToFloat : Opcode::IntToFloat);
        if (is_float32(tu)) emit(Opcode::F32);
        return;
    }
    if (is_integer(tu) && is_float(fu)) {
        emit(Opcode::FloatToInt, 0, 0, 0, is_unsigned(tu) ? 1 : 0);
        RKind k = basic_rkind(tu);
        if (needs_wrap(k)) emit(Opcode::Wrap, 0, 0, 0, static_cast<uint8_t>(k));
        return;
    }
    if (is_float(tu) && is_float(fu)) {
        if (is_float32(tu)) emit(Opcode::F32);
        return;
    }
    if (is_complex(tu) && is_complex(fu)) {
        if (is_complex64(tu)) emit(Opcode::Native, static_cast<int32_t>(NativeId::ComplexRound), 2, -1, 1);
        return;
    }
    if (is_string(tu) && is_integer(fu)) {
        emit(Opcode::RuneToStr);
        return;
    }
    if (is_string(tu) && fu->is<Slice>()) {
        const Basic* eb = underlying(fu->as<Slice>()->elem)->as<Basic>();
        emit(eb && eb->basic == BasicKind::Uint8 ? Opcode::BytesToStr : Opcode::RunesToStr, 0, 0,
             static_cast<int32_t>(site(m_conversion_pos, "string(...)")));
        return;
    }
    if (tu->is<Slice>() && is_string(fu)) {
        const Basic* eb = underlying(tu->as<Slice>()->elem)->as<Basic>();
        emit(eb && eb->basic == BasicKind::Uint8 ? Opcode::StrToBytes : Opcode::StrToRunes);
        return;
    }
    if (tu->is<Pointer>() && fu->is<Slice>()) {
        const Array* a = underlying(tu->as<Pointer>()->elem)->as<Array>();
        emit(Opcode::SliceToArrayPtr, static_cast<int32_t>(a->len));
        return;
    }
    if (identical(tu, fu) || (tu->is<Pointer>() && fu->is<Pointer>()) || is_string(tu) == is_string(fu)) return;
    unsupported(e->pos, "conversion from " + type_string(from) + " to " + type_string(to));
}

// ---------------------------------------------------------------------------------------
// Calls

void Compiler::call(const CallExpr* e) {
    uint32_t results = 0;
    std::vector<Instr> finish = prepare_call(e, results);
    mark_site(e->pos);  // after the arguments: a stack overflow points at this call
    for (const Instr& in : finish) code().push_back(in);
}

void Compiler::args(const CallExpr* e, const Signature* sig, bool native_variadic, uint8_t& flags) {
    const auto& params = sig->params->vars;
    uint32_t pushed = 0;
    if (e->args.size() == 1 && e->args[0]->type && e->args[0]->type->is<Tuple>() && e->args[0]->type->as<Tuple>()->size() > 1) {
        // f(g()) with g returning several values
        const Tuple* tup = e->args[0]->type->as<Tuple>();
        expr(e->args[0]);
        if (sig->variadic) unsupported(e->pos, "multi-value call passed to a variadic function");
        std::vector<uint32_t> temps(tup->size());
        for (size_t i = tup->size(); i-- > 0;) {
            uint32_t n = slots(tup->vars[i]->type);
            temps[i] = temp(n);
            emit(Opcode::StoreLocal, static_cast<int32_t>(temps[i]), n);
        }
        for (size_t i = 0; i < tup->size(); i++) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(temps[i]), slots(tup->vars[i]->type));
            convert(tup->vars[i]->type, params[i]->type);
            pushed += slots(params[i]->type);
        }
        m_last_operands = pushed;
        return;
    }
    size_t fixed = sig->variadic ? params.size() - 1 : params.size();
    for (size_t i = 0; i < fixed && i < e->args.size(); i++) {
        expr_to(e->args[i], params[i]->type);
        pushed += slots(params[i]->type);
    }
    if (sig->variadic) {
        const Type* st = params.back()->type;
        const Type* elem = underlying(st)->as<Slice>()->elem;
        if (e->has_ellipsis) {
            expr(e->args.back());
            pushed += 1;
            flags |= 1;
        } else if (native_variadic) {
            for (size_t i = fixed; i < e->args.size(); i++) {
                expr_to(e->args[i], elem);
                pushed += slots(elem);
            }
        } else {
            uint32_t count = static_cast<uint32_t>(e->args.size() - fixed);
            for (size_t i = fixed; i < e->args.size(); i++) expr_to(e->args[i], elem);
            if (count == 0) emit(Opcode::Zero, 0, 1);
            else emit(Opcode::SliceLit, static_cast<int32_t>(count), slots(elem));
            pushed += 1;
        }
    }
    m_last_operands = pushed;
}

void Compiler::receiver(const SelectorExpr* e, bool want_pointer) {
    const Selection* sel = e->selection;
    const Type* cur = e->x->type;
    // Walk the embedded-field path to the value the method belongs to.
    Place p;
    bool have_place = false;
    bool on_stack_value = false;
    if (sel->path.empty()) {
        if (sel->adjust == RecvAdjust::AddrOf) {
            if (!place(e->x, p) || p.kind != Place::Heap) unsupported(e->pos, "address of the receiver " + expr_text(e->x));
            return;
        }
        expr(e->x);
        if (sel->adjust == RecvAdjust::Deref) {
            const Type* et = underlying(cur)->as<Pointer>()->elem;
            emit(Opcode::Load, static_cast<int32_t>(rtype(et)), slots(et), static_cast<int32_t>(site(e->pos, "*" + expr_text(e->x))));
        }
        return;
    }
    if (sel->path[0].deref) {
        expr(e->x);
        p = Place{Place::Heap, 0};
        have_place = true;
    } else if (addressable(e->x)) {
        place(e->x, p);
        have_place = true;
    } else {
        expr(e->x);
        on_stack_value = true;
    }
    for (size_t i = 0; i < sel->path.size(); i++) {
        if (sel->path[i].deref) {
            if (i > 0) {
                if (have_place) load_place(p, 1, rtype(cur), site(e->pos, expr_text(e->x)));
                p = Place{Place::Heap, 0};
                have_place = true;
                on_stack_value = false;
            }
            cur = underlying(cur)->as<Pointer>()->elem;
        }
        const Struct* st = underlying(cur)->as<Struct>();
        uint32_t off = field_offset(*this, st, sel->path[i].index);
        const Type* ft = st->fields[sel->path[i].index]->type;
        if (have_place) {
            if (p.kind == Place::Frame) p.slot += off;
            else emit(Opcode::FieldAddr, static_cast<int32_t>(off));
        } else {
            emit(Opcode::Extract, static_cast<int32_t>(off), slots(ft), static_cast<int32_t>(slots(cur)));
        }
        cur = ft;
    }
    std::string text = expr_text(e->x);
    for (size_t i = 0; i < sel->path.size(); i++) {
        (void)i;
    }
    if (sel->adjust == RecvAdjust::AddrOf || (want_pointer && !is_pointer(cur))) {
        if (!have_place || p.kind != Place::Heap) unsupported(e->pos, "address of the receiver " + text);
        return;
    }
    if (have_place) load_place(p, slots(cur), rtype(cur), site(e->pos, text));
    if (sel->adjust == RecvAdjust::Deref) {
        const Type* et = underlying(cur)->as<Pointer>()->elem;
        emit(Opcode::Load, static_cast<int32_t>(rtype(et)), slots(et), static_cast<int32_t>(site(e->pos, "*" + text)));
    }
    (void)on_stack_value;
}

// The receiver's source text as reports name it: `c.mu` for `c.mu.Lock()`, including the
// embedded fields a promoted method goes through (`c.Mutex` for `c.Lock()`).
static std::string receiver_text(const SelectorExpr* e) {
    std::string t = Compiler::expr_text(e->x);
    const Type* cur = e->x->type;
    for (const FieldStep& st : e->selection->path) {
        if (st.deref) cur = underlying(cur)->as<Pointer>()->elem;
        const Struct* s = underlying(cur)->as<Struct>();
        if (!s) break;
        t += "." + s->fields[st.index]->name;
        cur = s->fields[st.index]->type;
    }
    return t;
}

std::vector<Instr> Compiler::prepare_call(const CallExpr* e, uint32_t& result_slots) {
    result_slots = slots(e->type);
    const Expr* fun = unparen(e->fun);
    auto one = [](Opcode op, int32_t a = 0, uint32_t n = 0, int32_t b = 0, uint8_t k = 0) {
        Instr in;
        in.op = op;
        in.a = a;
        in.n = static_cast<uint16_t>(n);
        in.b = b;
        in.k = k;
        return std::vector<Instr>{in};
    };
    if (fun->is_type) {
        // a conversion in go/defer position: evaluate it now, nothing left to do later
        conversion(e);
        m_last_operands = 0;
        result_slots = 0;
        emit(Opcode::Pop, 0, slots(e->type));
        return {};
    }
    if (auto* id = fun->as<Ident>()) {
        const Object* obj = id->obj;
        if (obj && obj->kind == ObjectKind::Builtin) return builtin(e, obj->builtin, result_slots);
        if (obj && obj->kind == ObjectKind::Func && obj->native.empty()) {
            uint8_t flags = 0;
            args(e, obj->type->as<Signature>(), false, flags);
            return one(Opcode::Call, static_cast<int32_t>(function_of(obj)), m_last_operands);
        }
        // a shim function called bare by its own package's source (log.go's header)
        if (obj && obj->kind == ObjectKind::Func) return library(e, obj, nullptr, nullptr, result_slots);
    }
    if (auto* se = fun->as<SelectorExpr>()) {
        if (!se->selection) {
            const Object* obj = se->sel->obj;
            if (obj && obj->kind == ObjectKind::Func) return library(e, obj, nullptr, nullptr, result_slots);
        } else if (se->selection->kind == SelectionKind::MethodVal) {
            const Selection* sel = se->selection;
            const Object* m = sel->obj;
            if (sel->dynamic) {
                receiver(se, false);
                uint8_t flags = 0;
                args(e, m->type->as<Signature>(), false, flags);
                uint32_t n = m_last_operands;
                m_last_operands = n + 1;
                return one(Opcode::CallIface, static_cast<int32_t>(m_mod->method_name_id(m->name)), n);
            }
            if (!m->native.empty()) return library(e, m, se->x, sel, result_slots);
            receiver(se, false);
            uint32_t rs = m->ptr_recv ? 1 : slots(m->recv_named);
            uint8_t flags = 0;
            args(e, m->type->as<Signature>(), false, flags);
            m_last_operands += rs;
            return one(Opcode::Call, static_cast<int32_t>(function_of(m)), m_last_operands);
        }
    }
    // a function value
    const Signature* sig = underlying(fun->type)->as<Signature>();
    if (!sig) unsupported(e->pos, "call of a non-function");
    // The function value is evaluated before the arguments (`a(1)(b(2))` calls a first).
    expr(fun);
    uint32_t callee = temp(1);
    emit(Opcode::StoreLocal, static_cast<int32_t>(callee), 1);
    uint8_t flags = 0;
    args(e, sig, false, flags);
    uint32_t n = m_last_operands;
    emit(Opcode::LoadLocal, static_cast<int32_t>(callee), 1);
    m_last_operands = n + 1;
    return one(Opcode::CallValue, 0, n);
}

std::vector<Instr> Compiler::builtin(const CallExpr* e, BuiltinKind k, uint32_t& result_slots) {
    std::vector<Instr> out;
    auto add = [&](Opcode op, int32_t a = 0, uint32_t n = 0, int32_t b = 0, uint8_t kk = 0) {
        Instr in;
        in.op = op;
        in.a = a;
        in.n = static_cast<uint16_t>(n);
        in.b = b;
        in.k = kk;
        out.push_back(in);
    };
    const Type* int_t = basic_type(BasicKind::Int);
    switch (k) {
    case BuiltinKind::Len:
    case BuiltinKind::Cap: {
        const Expr* x = e->args[0];
        const Type* t = underlying(x->type);
        expr(x);
        m_last_operands = 1;
        if (is_string(t)) add(Opcode::StrLen);
        else if (t->is<Slice>()) add(k == BuiltinKind::Len ? Opcode::SliceLen : Opcode::SliceCap);
        else if (t->is<Map>()) add(Opcode::MapLen, 0, 0, static_cast<int32_t>(site(e->pos, expr_text(x))));
        else if (t->is<Chan>()) add(k == BuiltinKind::Len ? Opcode::ChanLen : Opcode::ChanCap);
        else if (const Array* at = array_of(t)) {
            // len/cap of an array or a pointer to one is its length (even for a nil pointer)
            add(Opcode::Pop, 0, slots(x->type));
            add(Opcode::Int, static_cast<int32_t>(at->len));
        } else unsupported(e->pos, "len of " + type_string(x->type));
        return out;
    }
    case BuiltinKind::Append: {
        const Type* st = e->type;
        const Type* elem = underlying(st)->as<Slice>()->elem;
        uint32_t es = slots(elem);
        expr_to(e->args[0], st);
        if (e->has_ellipsis) {
            const Expr* more = e->args[1];
            expr(more);
            m_last_operands = 2;
            if (is_string(more->type)) add(Opcode::AppendStr, 0, 0, static_cast<int32_t>(site(e->pos, expr_text(e))));
            else add(Opcode::AppendSlice, static_cast<int32_t>(rtype(elem)), es, static_cast<int32_t>(site(e->pos, expr_text(e))));
            return out;
        }
        size_t count = e->args.size() - 1;
        if (count == 0) {
            m_last_operands = 1;
            return out;
        }
        if (count == 1) {
            expr_to(e->args[1], elem);
            m_last_operands = 1 + es;
            add(Opcode::Append, static_cast<int32_t>(rtype(elem)), es, static_cast<int32_t>(site(e->pos, expr_text(e))));
            return out;
        }
        for (size_t i = 1; i < e->args.size(); i++) expr_to(e->args[i], elem);
        emit(Opcode::SliceLit, static_cast<int32_t>(count), es);
        m_last_operands = 2;
        add(Opcode::AppendSlice, static_cast<int32_t>(rtype(elem)), es, static_cast<int32_t>(site(e->pos, expr_text(e))));
        return out;
    }
    case BuiltinKind::Make: {
        const Type* t = e->args[0]->type;
        const Type* u = underlying(t);
        if (u->is<Slice>()) {
            expr_to(e->args[1], int_t);
            if (e->args.size() > 2) expr_to(e->args[2], int_t);
            else emit(Opcode::Dup, 0, 1);
            m_last_operands = 2;
            add(Opcode::MakeSlice, static_cast<int32_t>(rtype(u->as<Slice>()->elem)), slots(u->as<Slice>()->elem));
        } else if (u->is<Map>()) {
            if (e->args.size() > 1) expr_to(e->args[1], int_t);
            else emit(Opcode::Int, 0);
            m_last_operands = 1;
            add(Opcode::MakeMap, static_cast<int32_t>(rtype(t)));
        } else if (u->is<Chan>()) {
            if (e->args.size() > 1) expr_to(e->args[1], int_t);
            else emit(Opcode::Int, 0);
            m_last_operands = 1;
            add(Opcode::MakeChan, static_cast<int32_t>(rtype(u->as<Chan>()->elem)));
        } else {
            unsupported(e->pos, "make of " + type_string(t));
        }
        return out;
    }
    case BuiltinKind::New:
        m_last_operands = 0;
        add(Opcode::Alloc, 0, slots(e->args[0]->type));
        return out;
    case BuiltinKind::Clear: {
        // Go 1.21. A slice: a zero stored in each element (visible stores). A map: its
        // first entry deleted until there is none (a visible read and write each).
        const Type* t = e->args[0]->type;
        auto site_index = static_cast<int32_t>(site(e->pos, expr_text(e->args[0])));
        uint32_t n = slots(t), held = temp(n), i = temp(1);
        expr(e->args[0]);
        emit(Opcode::StoreLocal, static_cast<int32_t>(held), n);
        if (const Slice* st = underlying(t)->as<Slice>()) {
            uint32_t es = slots(st->elem);
            emit(Opcode::Int, 0);
            emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
            uint32_t loop = here();
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            emit(Opcode::LoadLocal, static_cast<int32_t>(held), n);
            emit(Opcode::SliceLen);
            emit(Opcode::Lt);
            uint32_t done = emit(Opcode::JumpIfNot);
            emit(Opcode::LoadLocal, static_cast<int32_t>(held), n);
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            emit(Opcode::IndexAddr, 0, es);
            emit(Opcode::Zero, 0, es);
            emit(Opcode::Store, static_cast<int32_t>(rtype(st->elem)), es, site_index);
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            emit(Opcode::Int, 1);
            emit(Opcode::Add);
            emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
            emit(Opcode::Jump, static_cast<int32_t>(loop));
            patch(done);
        } else {
            const Map* mt = underlying(t)->as<Map>();
            uint32_t ks = slots(mt->key), vs = slots(mt->elem), key = temp(ks);
            auto map_rt = static_cast<int32_t>(rtype(t));
            uint32_t loop = here();
            emit(Opcode::LoadLocal, static_cast<int32_t>(held), n);
            emit(Opcode::Int, 0);
            emit(Opcode::MapNext, map_rt, 0, site_index);  // [key val i' found]
            uint32_t done = emit(Opcode::JumpIfNot);
            emit(Opcode::Pop, 0, 1 + vs);
            emit(Opcode::StoreLocal, static_cast<int32_t>(key), ks);
            emit(Opcode::LoadLocal, static_cast<int32_t>(held), n);
            emit(Opcode::LoadLocal, static_cast<int32_t>(key), ks);
            emit(Opcode::MapDelete, map_rt, 0, site_index);
            emit(Opcode::Jump, static_cast<int32_t>(loop));
            patch(done);
            emit(Opcode::Pop, 0, ks + vs + 1);
        }
        m_last_operands = 0;
        return out;
    }
    case BuiltinKind::Delete: {
        const Map* mt = underlying(e->args[0]->type)->as<Map>();
        expr(e->args[0]);
        expr_to(e->args[1], mt->key);
        m_last_operands = 1 + slots(mt->key);
        add(Opcode::MapDelete, static_cast<int32_t>(rtype(e->args[0]->type)), 0, static_cast<int32_t>(site(e->pos, expr_text(e->args[0]))));
        return out;
    }
    case BuiltinKind::Copy: {
        const Type* elem = underlying(e->args[0]->type)->as<Slice>()->elem;
        bool from_string = is_string(e->args[1]->type);
        if (!from_string && copies_sync_state(*m_mod, rtype(elem))) return copy_sync_elements(e, elem);
        expr(e->args[0]);
        expr(e->args[1]);
        m_last_operands = 2;
        add(Opcode::Copy, 0, slots(elem), static_cast<int32_t>(site(e->pos, expr_text(e))), from_string ? 1 : 0);
        return out;
    }
    case BuiltinKind::Panic:
        expr_to(e->args[0], empty_interface());
        m_last_operands = 1;
        add(Opcode::Panic);
        return out;
    case BuiltinKind::Recover:
        m_last_operands = 0;
        add(Opcode::Recover);
        return out;
    case BuiltinKind::Min:
    case BuiltinKind::Max: {
        // Go 1.21: the operands left to right, keeping the smallest (largest) in a temp.
        // Only reached for a non-constant call, whose result type is the operands' type.
        const Type* t = e->type;
        uint32_t n = slots(t), best = temp(n), next = temp(n);
        Opcode less = is_string(t) ? Opcode::SLt : is_float(t) ? Opcode::FLt : is_unsigned(t) ? Opcode::LtU : Opcode::Lt;
        expr_to(e->args[0], t);
        emit(Opcode::StoreLocal, static_cast<int32_t>(best), n);
        for (size_t i = 1; i < e->args.size(); ++i) {
            expr_to(e->args[i], t);
            emit(Opcode::StoreLocal, static_cast<int32_t>(next), n);
            bool is_min = k == BuiltinKind::Min;
            emit(Opcode::LoadLocal, static_cast<int32_t>(is_min ? next : best), n);
            emit(Opcode::LoadLocal, static_cast<int32_t>(is_min ? best : next), n);
            emit(less);
            uint32_t skip = emit(Opcode::JumpIfNot);
            emit(Opcode::LoadLocal, static_cast<int32_t>(next), n);
            emit(Opcode::StoreLocal, static_cast<int32_t>(best), n);
            patch(skip);
        }
        emit(Opcode::LoadLocal, static_cast<int32_t>(best), n);
        m_last_operands = 0;
        return out;
    }
    case BuiltinKind::Print:
    case BuiltinKind::Println: {
        for (const Expr* a : e->args) expr_to(a, empty_interface());
        m_last_operands = static_cast<uint32_t>(e->args.size());
        add(Opcode::Native, static_cast<int32_t>(k == BuiltinKind::Print ? NativeId::BuiltinPrint : NativeId::BuiltinPrintln),
            m_last_operands, static_cast<int32_t>(site(e->pos)));
        return out;
    }
    case BuiltinKind::Complex: {
        // the two parts are the complex value's two slots
        const Type* part = e->type && is_complex(e->type) && underlying(e->type)->as<Basic>()->basic == BasicKind::Complex64
                               ? basic_type(BasicKind::Float32)
                               : basic_type(BasicKind::Float64);
        expr_to(e->args[0], part);
        expr_to(e->args[1], part);
        m_last_operands = 0;
        return out;
    }
    case BuiltinKind::Real:
    case BuiltinKind::Imag:
        expr(e->args[0]);
        m_last_operands = 2;
        add(Opcode::Native, static_cast<int32_t>(k == BuiltinKind::Real ? NativeId::ComplexReal : NativeId::ComplexImag), 2, -1);
        return out;
    case BuiltinKind::Close:
        expr(e->args[0]);
        m_last_operands = 1;
        add(Opcode::Close, 0, 0, static_cast<int32_t>(site(e->pos, expr_text(e->args[0]))));
        return out;
    }
    unsupported(e->pos, "builtin");
}

uint32_t Compiler::once_do_function() {
    if (m_once_do != UINT32_MAX) return m_once_do;
    uint32_t idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "sync.(*Once).Do";
    f.param_slots = 3;  // once pointer, f, site
    f.frame_slots = 3;
    f.code = {
        instr(Opcode::LoadLocal, 0, 1),
        instr(Opcode::Sync, 0, 0, -3, static_cast<uint8_t>(OpKind::OnceEnter)),
        instr(Opcode::JumpIfNot, 7),
        instr(Opcode::LoadLocal, 0, 1),
        instr(Opcode::Defer, 9, 1),
        instr(Opcode::LoadLocal, 1, 1),
        instr(Opcode::CallValue, 0, 0),
        instr(Opcode::RunDefers),  // 7: epilogue
        instr(Opcode::Ret, 0, 0),
        instr(Opcode::Sync, 0, 0, -3, static_cast<uint8_t>(OpKind::OnceExit)),  // 9: deferred
        instr(Opcode::EndSnippet),
    };
    f.epilogue = 7;
    m_once_do = idx;
    return idx;
}

// A library package variable: io.Discard is a zero io.discard in an io.Writer; the
// others are one value per execution that the VM holds (natives_std.cpp).
void Compiler::library_var(const Object* obj, Pos pos) {
    if (obj->native == "io.Discard" || obj->native == "io/ioutil.Discard") {
        const Object* writer = obj->type->as<Named>()->obj;
        const Object* discard = writer->pkg->lookup("discard");
        emit(Opcode::Zero, 0, slots(discard->type));
        emit(Opcode::Box, static_cast<int32_t>(rtype(discard->type)));
        return;
    }
    NativeId id;
    if (!find_native(obj->native, id)) unsupported(pos, "library member " + obj->native);
    emit(Opcode::Native, static_cast<int32_t>(id), 0, static_cast<int32_t>(site(pos, std::string())), 0);
}

std::vector<Instr> Compiler::library(const CallExpr* e, const Object* fn, const Expr* recv_expr, const Selection* sel,
                                     uint32_t& result_slots) {
    const std::string& name = fn->native;
    std::vector<Instr> out;
    auto add = [&](Opcode op, int32_t a = 0, uint32_t n = 0, int32_t b = 0, uint8_t k = 0) {
        Instr in;
        in.op = op;
        in.a = a;
        in.n = static_cast<uint16_t>(n);
        in.b = b;
        in.k = k;
        out.push_back(in);
    };
    const SelectorExpr* se = unparen(e->fun)->as<SelectorExpr>();
    std::string rtext = sel ? receiver_text(se) : std::string();
    auto recv_ptr = [&]() { receiver(se, true); };
    const Signature* sig = fn->type->as<Signature>();

    // sync: each method is one visible operation on the object's handle cell
    OpKind sync_kind;
    if (sync_method_op(name, sync_kind)) {
        recv_ptr();
        m_last_operands = 1;
        add(Opcode::Sync, is_rwmutex_method(name), 0, static_cast<int32_t>(site(e->pos, rtext)), static_cast<uint8_t>(sync_kind));
        return out;
    }
    if (name == "sync.(*WaitGroup).Add" || name == "sync.(*WaitGroup).Done") {
        recv_ptr();
        if (name == "sync.(*WaitGroup).Add") {
            expr_to(e->args[0], basic_type(BasicKind::Int));
            m_last_operands = 2;
        } else {
            m_last_operands = 1;
            add(Opcode::Int, -1);
        }
        add(Opcode::Sync, 0, 0, static_cast<int32_t>(site(e->pos, rtext)), static_cast<uint8_t>(OpKind::WgAdd));
        return out;
    }
    if (name == "sync.(*Once).Do") {
        recv_ptr();
        expr(e->args[0]);
        m_last_operands = 2;
        add(Opcode::Int, static_cast<int32_t>(site(e->pos, rtext)));
        add(Opcode::Call, static_cast<int32_t>(once_do_function()), 3);
        return out;
    }
    // sync/atomic functions and typed values
    auto atomic_kind = [&](const Type* t) -> RKind {
        if (is_interface(t)) return RKind::Interface;
        return basic_rkind(t);
    };
    if (name.rfind("sync/atomic.", 0) == 0) {
        std::string op = name.substr(name.rfind('.') + 1);
        AtomicOp aop;
        if (op.rfind("Add", 0) == 0) aop = AtomicOp::Add;
        else if (op.rfind("Load", 0) == 0) aop = AtomicOp::Load;
        else if (op.rfind("Store", 0) == 0) aop = AtomicOp::Store;
        else if (op.rfind("Swap", 0) == 0) aop = AtomicOp::Swap;
        else if (op.rfind("CompareAndSwap", 0) == 0) aop = AtomicOp::CompareAndSwap;
        else unsupported(e->pos, name);
        std::string text;
        RKind kind;
        if (sel) {
            recv_ptr();
            text = rtext;
            const auto& ps = sig->params->vars;
            kind = aop == AtomicOp::Load ? atomic_kind(sig->results->vars[0]->type) : atomic_kind(ps[0]->type);
            for (size_t i = 0; i < e->args.size(); i++) expr_to(e->args[i], ps[i]->type);
            m_last_operands = 1 + static_cast<uint32_t>(e->args.size());
        } else {
            const auto& ps = sig->params->vars;
            const Expr* target = unparen(e->args[0]);
            text = target->is<UnaryExpr>() ? expr_text(target->as<UnaryExpr>()->x) : "*" + expr_text(target);
            kind = atomic_kind(underlying(ps[0]->type)->as<Pointer>()->elem);
            for (size_t i = 0; i < e->args.size(); i++) expr_to(e->args[i], ps[i]->type);
            m_last_operands = static_cast<uint32_t>(e->args.size());
        }
        add(Opcode::Atomic, static_cast<int32_t>(kind), 0, static_cast<int32_t>(site(e->pos, text)), static_cast<uint8_t>(aop));
        return out;
    }
    if (name == "sync.(*RWMutex).RLocker") {
        recv_ptr();
        m_last_operands = 1;
        add(Opcode::Box, static_cast<int32_t>(rlocker_type()));
        return out;
    }
    if (name == "sort.Search") {  // vm/compile_sort.cpp
        expr_to(e->args[0], fn->type->as<Signature>()->params->vars[0]->type);
        expr_to(e->args[1], fn->type->as<Signature>()->params->vars[1]->type);
        m_last_operands = 2;
        add(Opcode::Call, static_cast<int32_t>(sort_search_function()), 2);
        return out;
    }
    if (name == "sort.Slice" || name == "sort.SliceStable") {  // vm/compile_sort.cpp
        const Type* st = e->args[0]->type;
        if (!st || !underlying(st)->is<Slice>())
            unsupported(e->args[0]->pos, name + " of a value whose type at the call is not a slice type");
        expr(e->args[0]);
        expr_to(e->args[1], sig->params->vars[1]->type);
        uint32_t n = slots(st) + 1;
        m_last_operands = n;
        uint32_t s = site(e->pos, expr_text(e->args[0]) + "[j]");
        add(Opcode::Call, static_cast<int32_t>(sort_slice_function(s, st, name == "sort.SliceStable")), n);
        return out;
    }
    if (name == "sort.SliceIsSorted") {  // vm/compile_sort.cpp
        const Type* st = e->args[0]->type;
        if (!st || !underlying(st)->is<Slice>())
            unsupported(e->args[0]->pos, name + " of a value whose type at the call is not a slice type");
        expr(e->args[0]);
        expr_to(e->args[1], sig->params->vars[1]->type);
        uint32_t n = slots(st) + 1;
        m_last_operands = n;
        add(Opcode::Call, static_cast<int32_t>(sort_slice_is_sorted_function(st)), n);
        return out;
    }
    if (name == "sort.IsSorted") {  // vm/compile_sort.cpp
        const Type* iface = sig->params->vars[0]->type;
        expr_to(e->args[0], iface);
        m_last_operands = slots(iface);
        add(Opcode::Call, static_cast<int32_t>(sort_is_sorted_function(iface)), slots(iface));
        return out;
    }
    if (name == "sort.Sort" || name == "sort.Stable") {  // vm/compile_sort.cpp
        const Type* iface = sig->params->vars[0]->type;
        expr_to(e->args[0], iface);
        m_last_operands = slots(iface);
        add(Opcode::Call, static_cast<int32_t>(sort_interface_function(name == "sort.Stable", iface)), slots(iface));
        return out;
    }
    if (name == "sync.(*Map).Range") {  // vm/compile_syncmap.cpp
        recv_ptr();
        expr(e->args[0]);
        m_last_operands = 2;
        add(Opcode::Call, static_cast<int32_t>(sync_map_range_function(site(e->pos, rtext + ".Range"))), 2);
        return out;
    }
    if (name.rfind("testing.", 0) == 0 && sel) rtext += "." + fn->name;  // the trace shows t.Errorf
    if (name == "testing.(*T).Parallel") {  // vm/compile_testing.cpp
        recv_ptr();
        m_last_operands = 1;
        add(Opcode::Call, static_cast<int32_t>(test_parallel_function(site(e->pos, rtext))), 1);
        return out;
    }
    if (name == "testing.(*T).Run") {  // vm/compile_testing.cpp
        recv_ptr();
        expr_to(e->args[0], basic_type(BasicKind::String));
        expr(e->args[1]);
        m_last_operands = 3;
        add(Opcode::Call, static_cast<int32_t>(test_run_function(site(e->pos, rtext), site(e->pos, "subtest ends"))), 3);
        return out;
    }
    if (name == "fmt.Fprint" || name == "fmt.Fprintln" || name == "fmt.Fprintf" || name == "io.WriteString") {
        // The text is formatted natively ([w args] -> [w []byte]), then written by w.Write:
        // an interface call, so *os.File, *bytes.Buffer and the program's writers all work.
        NativeId id;
        find_native(name, id);
        uint8_t flags = 0;
        args(e, sig, sig->variadic, flags);
        uint32_t operands = m_last_operands;
        add(Opcode::Native, static_cast<int32_t>(id), operands, static_cast<int32_t>(site(e->pos, std::string())), flags);
        add(Opcode::CallIface, static_cast<int32_t>(m_mod->method_name_id("Write")), 1);
        return out;
    }
    // Everything else is a native function of natives.def
    std::string key = name;
    NativeId id;
    if (!find_native(key, id)) unsupported(e->pos, "library function " + name);
    if (id == NativeId::TimeAfterChan && e == m_ready_timer) id = NativeId::TimeAfterReady;
    bool variadic_native = sig->variadic;
    uint8_t flags = 0;
    uint32_t operands = 0;
    if (sel) {
        const Object* m = fn;
        if (m->ptr_recv) recv_ptr();
        else receiver(se, false);
        operands = 1;
    }
    args(e, sig, variadic_native, flags);
    operands += m_last_operands;
    m_last_operands = operands;
    std::string_view nm = native_go_name(id);
    if (nm == "fmt.Print" || nm == "fmt.Println" || nm == "fmt.Printf") flags |= 2;
    add(Opcode::Native, static_cast<int32_t>(id), operands, static_cast<int32_t>(site(e->pos, sel ? rtext : std::string())), flags);
    (void)recv_expr;
    (void)result_slots;
    return out;
}

}  // namespace lockstep::vm
