// The hash index of a map's entries: lookups by Go's equality of the key type without a
// linear scan. Open addressing with linear probing; deleted entries stay in the table
// (skipped when probing) until the next rebuild. The vectors are reused across
// executions, so a warm map allocates nothing.
#include <cstring>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

}  // namespace

// Equal keys (Machine::Impl::equal) hash equally.
uint64_t Machine::Impl::hash_key(const Value* v, uint32_t type) const {
    const RType& t = M.types[type];
    switch (t.kind) {
    case RKind::String: {
        uint64_t h = 1469598103934665603ull;
        for (unsigned char ch : str(*v)) h = (h ^ ch) * 1099511628211ull;
        return h;
    }
    case RKind::Float32:
    case RKind::Float64: return v->f == 0 ? 0 : v->u;  // +0 == -0
    case RKind::Interface: {
        if (v->c == 0) return 0;
        const RType& d = M.types[v->c];
        if (d.kind == RKind::Slice || d.kind == RKind::Map || d.kind == RKind::Func) return v->c;
        if (d.boxed_in_interface()) return mix(v->c, hash_key(&heap[v->p.a], v->c));
        Value a = *v;
        a.c = 0;
        return mix(v->c, hash_key(&a, v->c));
    }
    case RKind::Complex64:
    case RKind::Complex128:
    case RKind::Struct: {
        uint64_t h = 7;
        for (const RField& f : t.fields) h = mix(h, hash_key(v + f.offset, f.type));
        return h;
    }
    case RKind::Array: {
        uint64_t h = 11;
        uint32_t es = M.types[t.elem].slots;
        for (uint32_t i = 0; i < t.len; i++) h = mix(h, hash_key(v + i * es, t.elem));
        return h;
    }
    case RKind::Pointer:
    case RKind::Map:
    case RKind::Chan:
    case RKind::Func: return v->p.a;
    default: return v->u;
    }
}

int64_t Machine::Impl::map_find(const MapObj& m, const Value* key) const {
    if (m.table.empty()) return -1;
    uint32_t kt = M.types[m.type].key;
    size_t mask = m.table.size() - 1;
    for (size_t j = mix(0, hash_key(key, kt)) & mask;; j = (j + 1) & mask) {
        uint32_t e = m.table[j];
        if (e == 0) return -1;
        e--;
        if (m.live[e] && const_cast<Impl*>(this)->equal(&m.keys[size_t(e) * m.kslots], key, kt, nullptr)) return e;
    }
}

void Machine::Impl::map_index_last(MapObj& m) {
    uint32_t kt = M.types[m.type].key;
    auto place = [&](uint32_t e) {
        size_t mask = m.table.size() - 1;
        size_t j = mix(0, hash_key(&m.keys[size_t(e) * m.kslots], kt)) & mask;
        while (m.table[j] != 0) j = (j + 1) & mask;
        m.table[j] = e + 1;
    };
    uint32_t entries = static_cast<uint32_t>(m.live.size());
    if (size_t(entries) * 2 <= m.table.size()) {
        place(entries - 1);
        return;
    }
    // Rebuild for the live entries (dead ones are dropped from the index), with room to grow.
    size_t size = 8;
    while (size < size_t(m.count) * 4 || size < size_t(entries) * 2 + 2) size *= 2;
    m.table.assign(size, 0);
    for (uint32_t e = 0; e < entries; e++)
        if (m.live[e]) place(e);
}

}  // namespace lockstep::vm
