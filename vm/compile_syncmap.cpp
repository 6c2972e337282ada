// sync.Map.Range(f) at one call site: a loop over vm/natives_syncmap.cpp's steps,
// calling f(key, value) for each entry until f returns false.
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

uint32_t Compiler::sync_map_range_function(uint32_t site_index) {
    auto it = m_map_ranges.find(site_index);
    if (it != m_map_ranges.end()) return it->second;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "sync.(*Map).Range";
    f.param_slots = 2;  // m, f
    f.frame_slots = 3;  // + the next index
    f.code = {
        instr(Opcode::Int, 0),
        instr(Opcode::StoreLocal, 2, 1),
        instr(Opcode::LoadLocal, 0, 1),  // 2: loop
        instr(Opcode::LoadLocal, 2, 1),
        instr(Opcode::Native, static_cast<int32_t>(NativeId::SyncMapRangeNext), 2, static_cast<int32_t>(site_index)),
        instr(Opcode::JumpIfNot, 12),    // [key val next]
        instr(Opcode::StoreLocal, 2, 1),
        instr(Opcode::LoadLocal, 1, 1),
        instr(Opcode::CallValue, 0, 2),  // f(key, val) -> [bool]
        instr(Opcode::JumpIfNot, 13),
        instr(Opcode::Jump, 2),
        instr(Opcode::Nop),
        instr(Opcode::Pop, 0, 3),        // 12: the end of the map
        instr(Opcode::Ret, 0, 0),        // 13
    };
    f.epilogue = 13;
    m_map_ranges.emplace(site_index, idx);
    return idx;
}

}  // namespace lockstep::vm
