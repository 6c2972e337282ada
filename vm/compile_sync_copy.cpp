// copy(dst, src) of elements that hold a Mutex, RWMutex, WaitGroup or Once: each element
// is loaded as a value (a SyncCopy of each sync value, vm/sync_copy.cpp) into a fresh
// slice, which is then copied into dst with the plain Copy. The snapshots are taken in
// element order before dst is written, so an overlapping copy reads src as it was.
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

bool copies_sync_state(const Module& m, uint32_t type, int depth) {
    if (depth > 64 || type >= m.types.size()) return false;
    const RType& t = m.types[type];
    switch (t.special) {
    case RSpecial::Mutex: case RSpecial::RWMutex: case RSpecial::WaitGroup: case RSpecial::Once: return true;
    case RSpecial::None: break;
    default: return false;
    }
    if (t.kind == RKind::Struct) {
        for (const RField& f : t.fields)
            if (copies_sync_state(m, f.type, depth + 1)) return true;
        return false;
    }
    return t.kind == RKind::Array && t.len > 0 && copies_sync_state(m, t.elem, depth + 1);
}

std::vector<Instr> Compiler::copy_sync_elements(const lang::CallExpr* e, const lang::Type* elem) {
    const uint32_t ns = slots(e->args[0]->type), es = slots(elem);
    const auto ert = static_cast<int32_t>(rtype(elem));
    const auto site_index = static_cast<int32_t>(site(e->pos, expr_text(e)));
    const auto d = static_cast<int32_t>(temp(ns)), s = static_cast<int32_t>(temp(ns)), tmp = static_cast<int32_t>(temp(ns));
    const auto n = static_cast<int32_t>(temp(1)), i = static_cast<int32_t>(temp(1));
    expr(e->args[0]);
    emit(Opcode::StoreLocal, d, ns);
    expr(e->args[1]);
    emit(Opcode::StoreLocal, s, ns);
    // n := min(len(dst), len(src))
    emit(Opcode::LoadLocal, s, ns);
    emit(Opcode::SliceLen);
    emit(Opcode::StoreLocal, n, 1);
    emit(Opcode::LoadLocal, d, ns);
    emit(Opcode::SliceLen);
    emit(Opcode::LoadLocal, n, 1);
    emit(Opcode::Lt);
    uint32_t longer = emit(Opcode::JumpIfNot);
    emit(Opcode::LoadLocal, d, ns);
    emit(Opcode::SliceLen);
    emit(Opcode::StoreLocal, n, 1);
    patch(longer);
    // tmp := make([]T, n); for i := 0; i < n; i++ { tmp[i] = src[i] }
    emit(Opcode::LoadLocal, n, 1);
    emit(Opcode::LoadLocal, n, 1);
    emit(Opcode::MakeSlice, ert, es);
    emit(Opcode::StoreLocal, tmp, ns);
    emit(Opcode::Int, 0);
    emit(Opcode::StoreLocal, i, 1);
    uint32_t loop = here();
    emit(Opcode::LoadLocal, i, 1);
    emit(Opcode::LoadLocal, n, 1);
    emit(Opcode::Lt);
    uint32_t done = emit(Opcode::JumpIfNot);
    emit(Opcode::LoadLocal, tmp, ns);
    emit(Opcode::LoadLocal, i, 1);
    emit(Opcode::IndexAddr, 0, es);
    emit(Opcode::LoadLocal, s, ns);
    emit(Opcode::LoadLocal, i, 1);
    emit(Opcode::IndexAddr, 0, es);
    emit(Opcode::Load, ert, es, site_index);
    emit(Opcode::Store, ert, es, site_index);
    emit(Opcode::LoadLocal, i, 1);
    emit(Opcode::Int, 1);
    emit(Opcode::Add);
    emit(Opcode::StoreLocal, i, 1);
    emit(Opcode::Jump, static_cast<int32_t>(loop));
    patch(done);
    // copy(dst, tmp): the snapshots' handles move as they are (vm/sync_copy.cpp).
    emit(Opcode::LoadLocal, d, ns);
    emit(Opcode::LoadLocal, tmp, ns);
    m_last_operands = 2;
    Instr in;
    in.op = Opcode::Copy;
    in.n = static_cast<uint16_t>(es);
    in.b = site_index;
    return {in};
}

}  // namespace lockstep::vm
