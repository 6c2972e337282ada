// sort.Search(n, f): Go's binary search as one bytecode function, calling f at each probe
// (f's reads are the visible operations; the search itself touches no shared memory).
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

uint32_t Compiler::sort_search_function() {
    if (m_sort_search != UINT32_MAX) return m_sort_search;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "sort.Search";
    f.param_slots = 2;  // n, f
    f.frame_slots = 5;  // + i, j, h
    auto I = [](Opcode op, int32_t a = 0, uint16_t n = 0) {
        Instr in;
        in.op = op;
        in.a = a;
        in.n = n;
        return in;
    };
    // i, j := 0, n; for i < j { h := int(uint(i+j) >> 1); if !f(h) { i = h + 1 } else { j = h } }; return i
    f.code = {
        I(Opcode::Int, 0),         // 0
        I(Opcode::StoreLocal, 2, 1),
        I(Opcode::LoadLocal, 0, 1),
        I(Opcode::StoreLocal, 3, 1),
        I(Opcode::LoadLocal, 2, 1),  // 4: loop
        I(Opcode::LoadLocal, 3, 1),
        I(Opcode::Lt),
        I(Opcode::JumpIfNot, 26),
        I(Opcode::LoadLocal, 2, 1),  // 8
        I(Opcode::LoadLocal, 3, 1),
        I(Opcode::Add),
        I(Opcode::Int, 1),
        I(Opcode::ShrU),
        I(Opcode::StoreLocal, 4, 1),
        I(Opcode::LoadLocal, 4, 1),  // 14
        I(Opcode::LoadLocal, 1, 1),
        I(Opcode::CallValue, 0, 1),  // f(h) -> [bool]
        I(Opcode::JumpIfNot, 21),
        I(Opcode::LoadLocal, 4, 1),  // 18: j = h
        I(Opcode::StoreLocal, 3, 1),
        I(Opcode::Jump, 4),
        I(Opcode::LoadLocal, 4, 1),  // 21: i = h + 1
        I(Opcode::Int, 1),
        I(Opcode::Add),
        I(Opcode::StoreLocal, 2, 1),
        I(Opcode::Jump, 4),
        I(Opcode::LoadLocal, 2, 1),  // 26: return i
        I(Opcode::Ret, 0, 1),
    };
    f.epilogue = 26;
    m_sort_search = idx;
    return idx;
}

}  // namespace lockstep::vm
