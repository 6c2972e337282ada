// Copies of sync values. In Go a Mutex, RWMutex, WaitGroup or Once is its bytes: a copy
// (assignment, passing by value, a value receiver, a range variable) takes the state the
// original has when the copy reads it — a copied locked Mutex is locked, a copied
// WaitGroup keeps its counter, a copied done Once stays done.
//
// The VM keeps no sync state (the checker's models do), so a Load of such a value's
// handle cell pauses as a SyncCopy: object = the original's sync id, arg = a fresh
// *snapshot* id the checker fills with the original's state at that step. The loaded
// handle names the snapshot, unbound (b = 0); where the copy is first used, sync_id gives
// it its own id whose origin (Program::sync_origin) is the snapshot. No operation ever
// names a snapshot, so its state stays the one copied: copies of one copy start alike.
//
// Channels, maps, interfaces and append move values through such Loads too; copy() of
// such elements is compiled to them (vm/compile_sync_copy.cpp). Not covered (they start
// fresh, docs/semantics.md): copies the VM makes invisibly (inside a method fmt calls, a
// local that never lived in a heap cell), and Cond, Pool and sync.Map values.
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

// A sync value's cells within a type are collected up to this many (a huge array of
// Mutexes copies the rest fresh; never a soundness problem for the copies collected).
constexpr size_t k_max_sync_cells = 4096;
constexpr int k_max_depth = 256;

void collect(const Module& m, uint32_t type, uint32_t base, std::vector<uint32_t>& out, int depth) {
    if (depth > k_max_depth || out.size() >= k_max_sync_cells || type >= m.types.size()) return;
    const RType& t = m.types[type];
    switch (t.special) {
    case RSpecial::Mutex: case RSpecial::RWMutex: case RSpecial::WaitGroup: case RSpecial::Once:
        out.push_back(base);
        return;
    case RSpecial::None: break;
    default: return;  // Cond, Pool, sync.Map, the library's other types: not copied here
    }
    if (t.kind == RKind::Struct) {
        for (const RField& f : t.fields) collect(m, f.type, base + f.offset, out, depth + 1);
    } else if (t.kind == RKind::Array && t.elem < m.types.size()) {
        uint32_t es = m.types[t.elem].slots;
        if (es == 0) return;
        size_t before = out.size();
        collect(m, t.elem, base, out, depth + 1);
        if (out.size() == before) return;  // no sync value in the element: skip the others
        std::vector<uint32_t> first(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
        for (uint32_t i = 1; i < t.len && out.size() < k_max_sync_cells; ++i)
            for (uint32_t off : first) out.push_back(off + i * es);
    }
}

}  // namespace

const std::vector<uint32_t>& Machine::Impl::sync_cells_of(uint32_t type) {
    if (sync_cells.size() <= type) {
        sync_cells.resize(type + 1);
        sync_cells_known.resize(type + 1, 0);
    }
    if (!sync_cells_known[type]) {
        collect(M, type, 0, sync_cells[type], 0);
        sync_cells_known[type] = 1;
    }
    return sync_cells[type];
}

bool Machine::Impl::is_sync_cell(uint32_t type, uint32_t n, uint32_t idx) {
    if (type >= M.types.size() || M.types[type].slots != n) return false;  // not the value's own type
    const std::vector<uint32_t>& cells = sync_cells_of(type);
    for (uint32_t c : cells)
        if (c == idx) return true;
    return false;
}

bool Machine::Impl::pause_load(Goroutine& g) {
    const Instr& in = g.pinstr;
    const uint32_t type = static_cast<uint32_t>(in.a);
    const uint32_t site = static_cast<uint32_t>(in.b);
    for (; g.pidx < in.n; ++g.pidx) {
        Cell c = g.pcell + g.pidx;
        if (is_sync_cell(type, in.n, g.pidx)) {
            uint32_t original = sync_id(c);
            uint32_t snapshot = next_sync_id++;
            pause(g, OpKind::SyncCopy, original, site, Pend::Load, static_cast<int64_t>(snapshot) | (static_cast<int64_t>(c) << 32));
            return true;
        }
        if (!limits.quiet_memory) {
            pause(g, OpKind::Load, c, site, Pend::Load);
            return true;
        }
        // A quiet run: plain cells are read at once.
        ensure_stack(g, 1);
        g.stack[g.sp++] = heap[c];
    }
    return false;
}

uint32_t Machine::sync_origin(uint32_t id) const {
    return id < m_impl->sync_origins.size() ? m_impl->sync_origins[id] : UINT32_MAX;
}

}  // namespace lockstep::vm
