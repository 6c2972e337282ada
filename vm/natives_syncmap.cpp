// sync.Map.Range, one entry at a time: each step is a visible atomic load of the Map's
// handle cell that finds the next live entry at or after an index (insertion order), so
// stores and deletes of other goroutines interleave with the iteration as Go allows
// (Range is not a snapshot: an entry stored meanwhile may or may not be visited).
#include "vm/machine_state.hpp"

namespace lockstep::vm {

void Machine::Impl::sync_map_range_next(Gid gid, Goroutine& g, const Instr& in) {
    uint32_t base = g.sp - in.n;
    Cell p = g.stack[base].p.a;
    if (p == 0) {
        runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
        return;
    }
    g.pinstr = in;
    g.pcell = p;
    if (nested) {
        perform_sync_map_next(g);
        return;
    }
    pause(g, OpKind::AtomicLoad, p, static_cast<uint32_t>(in.b < 0 ? 0 : in.b), Pend::SyncMapNext);
    (void)gid;
}

void Machine::Impl::perform_sync_map_next(Goroutine& g) {
    uint32_t base = g.sp - g.pinstr.n;
    Cell handle = g.pcell;
    int64_t i = g.stack[base + 1].i;
    g.sp = base;
    ensure_stack(g, 4);
    Value key{}, val{};
    int64_t next = i;
    bool ok = false;
    if (heap[handle].u != 0) {  // the Map was used: its table exists (natives.cpp, Pend::SyncMap)
        const MapObj& m = maps[heap[heap[handle].u].u];
        for (auto j = static_cast<size_t>(i); j < m.keys.size(); ++j) {
            if (!m.live[j]) continue;
            key = m.keys[j];
            val = m.vals[j];
            next = static_cast<int64_t>(j) + 1;
            ok = true;
            break;
        }
    }
    g.stack[g.sp++] = key;
    g.stack[g.sp++] = val;
    g.stack[g.sp++] = Value::of_int(next);
    g.stack[g.sp++] = Value::of_bool(ok);
}

}  // namespace lockstep::vm
