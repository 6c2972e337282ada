// sort.Search(n, f): Go's binary search as one bytecode function, calling f at each probe
// (f's reads are the visible operations; the search itself touches no shared memory).
// sort.Sort and sort.Stable on a sort.Interface: Go's insertionSort, calling Len, Less
// and Swap through the interface - exactly Go's calls up to 12 elements (Sort: pdqsort
// starts with insertion sort below 13) and 20 (Stable: its first blocks), and Go's
// result for Stable at any length (a stable order is unique).
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
    // i, j := 0, n; for i < j { h := int(uint(i+j) >> 1); if !f(h) { i = h + 1 } else { j = h } }; return i
    f.code = {
        instr(Opcode::Int, 0),         // 0
        instr(Opcode::StoreLocal, 2, 1),
        instr(Opcode::LoadLocal, 0, 1),
        instr(Opcode::StoreLocal, 3, 1),
        instr(Opcode::LoadLocal, 2, 1),  // 4: loop
        instr(Opcode::LoadLocal, 3, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 26),
        instr(Opcode::LoadLocal, 2, 1),  // 8
        instr(Opcode::LoadLocal, 3, 1),
        instr(Opcode::Add),
        instr(Opcode::Int, 1),
        instr(Opcode::ShrU),
        instr(Opcode::StoreLocal, 4, 1),
        instr(Opcode::LoadLocal, 4, 1),  // 14
        instr(Opcode::LoadLocal, 1, 1),
        instr(Opcode::CallValue, 0, 1),  // f(h) -> [bool]
        instr(Opcode::JumpIfNot, 21),
        instr(Opcode::LoadLocal, 4, 1),  // 18: j = h
        instr(Opcode::StoreLocal, 3, 1),
        instr(Opcode::Jump, 4),
        instr(Opcode::LoadLocal, 4, 1),  // 21: i = h + 1
        instr(Opcode::Int, 1),
        instr(Opcode::Add),
        instr(Opcode::StoreLocal, 2, 1),
        instr(Opcode::Jump, 4),
        instr(Opcode::LoadLocal, 2, 1),  // 26: return i
        instr(Opcode::Ret, 0, 1),
    };
    f.epilogue = 26;
    m_sort_search = idx;
    return idx;
}

uint32_t Compiler::sort_interface_function(bool stable, const lang::Type* iface) {
    uint32_t& cached = stable ? m_sort_stable : m_sort_sort;
    if (cached != UINT32_MAX) return cached;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    auto S = static_cast<int32_t>(slots(iface));
    const int32_t N = S, I = S + 1, J = S + 2;
    auto len = static_cast<int32_t>(m_mod->method_name_id("Len"));
    auto less = static_cast<int32_t>(m_mod->method_name_id("Less"));
    auto swap = static_cast<int32_t>(m_mod->method_name_id("Swap"));
    auto s = static_cast<uint16_t>(S);
    // n := data.Len(); for i := 1; i < n; i++ { for j := i; j > 0 && data.Less(j, j-1); j-- { data.Swap(j, j-1) } }
    std::vector<Instr> code = {
        instr(Opcode::LoadLocal, 0, s),  // 0
        instr(Opcode::CallIface, len, 0),
        instr(Opcode::StoreLocal, N, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::LoadLocal, I, 1),  // 5: outer loop
        instr(Opcode::LoadLocal, N, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 38),
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::StoreLocal, J, 1),
        instr(Opcode::Int, 0),           // 11: inner loop
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 33),
        instr(Opcode::LoadLocal, 0, s),  // 15
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::CallIface, less, 2),
        instr(Opcode::JumpIfNot, 33),
        instr(Opcode::LoadLocal, 0, s),  // 22
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::CallIface, swap, 2),
        instr(Opcode::LoadLocal, J, 1),  // 28: j--
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::StoreLocal, J, 1),
        instr(Opcode::Jump, 11),
        instr(Opcode::LoadLocal, I, 1),  // 33: i++
        instr(Opcode::Int, 1),
        instr(Opcode::Add),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::Jump, 5),
        instr(Opcode::Ret, 0, 0),        // 38
    };
    Function& f = m_mod->functions[idx];
    f.name = stable ? "sort.Stable" : "sort.Sort";
    f.param_slots = static_cast<uint32_t>(S);
    f.frame_slots = static_cast<uint32_t>(S + 3);
    f.code = std::move(code);
    f.epilogue = 38;
    cached = idx;
    return idx;
}

// sort.IsSorted(data): Go's loop, `for i := n - 1; i > 0; i-- { if data.Less(i, i-1) { return false } }`.
uint32_t Compiler::sort_is_sorted_function(const lang::Type* iface) {
    if (m_sort_is_sorted != UINT32_MAX) return m_sort_is_sorted;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    auto S = static_cast<int32_t>(slots(iface));
    const int32_t I = S;
    auto s = static_cast<uint16_t>(S);
    auto len = static_cast<int32_t>(m_mod->method_name_id("Len"));
    auto less = static_cast<int32_t>(m_mod->method_name_id("Less"));
    std::vector<Instr> code = {
        instr(Opcode::LoadLocal, 0, s),  // 0
        instr(Opcode::CallIface, len, 0),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::Int, 0),           // 5: loop
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 23),
        instr(Opcode::LoadLocal, 0, s),  // 9
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::CallIface, less, 2),
        instr(Opcode::JumpIfNot, 18),
        instr(Opcode::Int, 0),           // 16: return false
        instr(Opcode::Ret, 0, 1),
        instr(Opcode::LoadLocal, I, 1),  // 18: i--
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::Jump, 5),
        instr(Opcode::Int, 1),           // 23: return true
        instr(Opcode::Ret, 0, 1),
    };
    Function& f = m_mod->functions[idx];
    f.name = "sort.IsSorted";
    f.param_slots = static_cast<uint32_t>(S);
    f.frame_slots = static_cast<uint32_t>(S + 1);
    f.code = std::move(code);
    f.epilogue = 23;
    m_sort_is_sorted = idx;
    return idx;
}

// sort.SliceIsSorted(x, less) on the slice's type at the call: Go's loop from the end,
// `for i := n - 1; i > 0; i-- { if less(i, i-1) { return false } }`.
uint32_t Compiler::sort_slice_is_sorted_function(const lang::Type* slice_type) {
    auto SS = static_cast<int32_t>(slots(slice_type));
    auto key = static_cast<uint32_t>(SS);
    if (auto it = m_sort_slice_sorted.find(key); it != m_sort_slice_sorted.end()) return it->second;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    const int32_t L = SS, I = SS + 1;
    auto ss = static_cast<uint16_t>(SS);
    std::vector<Instr> code = {
        instr(Opcode::LoadLocal, 0, ss),  // 0
        instr(Opcode::SliceLen),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::Int, 0),            // 5: loop
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 23),
        instr(Opcode::LoadLocal, I, 1),   // 9
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::LoadLocal, L, 1),
        instr(Opcode::CallValue, 0, 2),   // less(i, i-1)
        instr(Opcode::JumpIfNot, 18),
        instr(Opcode::Int, 0),            // 16: return false
        instr(Opcode::Ret, 0, 1),
        instr(Opcode::LoadLocal, I, 1),   // 18: i--
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::Jump, 5),
        instr(Opcode::Int, 1),            // 23: return true
        instr(Opcode::Ret, 0, 1),
    };
    Function& f = m_mod->functions[idx];
    f.name = "sort.SliceIsSorted";
    f.param_slots = static_cast<uint32_t>(SS + 1);
    f.frame_slots = static_cast<uint32_t>(SS + 2);
    f.code = std::move(code);
    f.epilogue = 23;
    m_sort_slice_sorted.emplace(key, idx);
    return idx;
}

// sort.Slice / sort.SliceStable at one call site (`site` names the slice): insertion sort
// over the slice's static type at the call, less(j, j-1) then a swap through the heap
// cells (visible loads and stores), as Go's insertionSort_func with reflect's swapper.
uint32_t Compiler::sort_slice_function(uint32_t site_index, const lang::Type* slice_type, bool stable) {
    auto it = m_sort_slices.find(site_index);
    if (it != m_sort_slices.end()) return it->second;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    const lang::Type* elem = lang::underlying(slice_type)->as<lang::Slice>()->elem;
    auto SS = static_cast<int32_t>(slots(slice_type));
    auto E = static_cast<uint16_t>(slots(elem));
    auto rt = static_cast<int32_t>(rtype(elem));
    auto site = static_cast<int32_t>(site_index);
    const int32_t L = SS, N = SS + 1, I = SS + 2, J = SS + 3, A = SS + 4;
    auto ss = static_cast<uint16_t>(SS);
    auto addr = [&](std::vector<Instr>& code, bool minus_one) {
        code.push_back(instr(Opcode::LoadLocal, 0, ss));
        code.push_back(instr(Opcode::LoadLocal, J, 1));
        if (minus_one) {
            code.push_back(instr(Opcode::Int, 1));
            code.push_back(instr(Opcode::Sub));
        }
        code.push_back(instr(Opcode::IndexAddr, 0, E));
    };
    std::vector<Instr> code = {
        instr(Opcode::LoadLocal, 0, ss),  // 0
        instr(Opcode::SliceLen),
        instr(Opcode::StoreLocal, N, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::StoreLocal, I, 1),
        instr(Opcode::LoadLocal, I, 1),   // 5: outer loop
        instr(Opcode::LoadLocal, N, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 0),      // 8: -> end
        instr(Opcode::LoadLocal, I, 1),
        instr(Opcode::StoreLocal, J, 1),
        instr(Opcode::Int, 0),            // 11: inner loop
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::Lt),
        instr(Opcode::JumpIfNot, 0),      // 14: -> next i
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::LoadLocal, J, 1),
        instr(Opcode::Int, 1),
        instr(Opcode::Sub),
        instr(Opcode::LoadLocal, L, 1),
        instr(Opcode::CallValue, 0, 2),   // less(j, j-1)
        instr(Opcode::JumpIfNot, 0),      // 21: -> next i
    };
    // a := s[j]; s[j] = s[j-1]; s[j-1] = a
    addr(code, false);
    code.push_back(instr(Opcode::Load, rt, E, site));
    code.push_back(instr(Opcode::StoreLocal, A, E));
    addr(code, false);
    addr(code, true);
    code.push_back(instr(Opcode::Load, rt, E, site));
    code.push_back(instr(Opcode::Store, rt, E, site));
    addr(code, true);
    code.push_back(instr(Opcode::LoadLocal, A, E));
    code.push_back(instr(Opcode::Store, rt, E, site));
    for (Instr x : {instr(Opcode::LoadLocal, J, 1), instr(Opcode::Int, 1), instr(Opcode::Sub), instr(Opcode::StoreLocal, J, 1), instr(Opcode::Jump, 11)})
        code.push_back(x);
    auto next_i = static_cast<int32_t>(code.size());
    for (Instr x : {instr(Opcode::LoadLocal, I, 1), instr(Opcode::Int, 1), instr(Opcode::Add), instr(Opcode::StoreLocal, I, 1), instr(Opcode::Jump, 5)})
        code.push_back(x);
    auto end = static_cast<int32_t>(code.size());
    code.push_back(instr(Opcode::Ret, 0, 0));
    code[8].a = end;
    code[14].a = next_i;
    code[21].a = next_i;
    Function& f = m_mod->functions[idx];
    f.name = stable ? "sort.SliceStable" : "sort.Slice";
    f.param_slots = static_cast<uint32_t>(SS + 1);
    f.frame_slots = static_cast<uint32_t>(SS + 4 + E);
    f.code = std::move(code);
    f.epilogue = static_cast<uint32_t>(end);
    m_sort_slices.emplace(site_index, idx);
    return idx;
}

}  // namespace lockstep::vm
