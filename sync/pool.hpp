// The model of sync.Pool: the objects now pooled, by the checker's token for each Put.
// Get is a data choice: any pooled object (the pool keeps them) or New (it was emptied by
// a GC); all are explored.
#pragma once

#include <cstdint>
#include <vector>

#include "sync/model.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

class PoolModel {
public:
    void reset() { m_items.clear(); }
    // Choices for Get: one per pooled object, then New.
    uint32_t get_choices() const { return static_cast<uint32_t>(m_items.size()) + 1; }
    uint32_t size() const { return static_cast<uint32_t>(m_items.size()); }
    uint32_t item(uint32_t index) const { return m_items[index]; }
    void put(uint32_t token) { m_items.push_back(token); }
    // choice < size(): that object leaves the pool; else New. Returns the VM's outcome.
    int64_t get(uint32_t choice, uint32_t& token) {
        if (choice >= m_items.size()) return -1;
        token = m_items[choice];
        m_items.erase(m_items.begin() + choice);
        return choice;
    }

    // --- the model interface (sync/model.hpp): PoolGet, PoolPut. Put's q.arg is the
    // checker's token for the object; Get's value is the index taken (or -1: New runs).
    bool enabled(const OpQuery&) const { return true; }
    Dep dep(const OpQuery&) const { return Dep::Write; }
    Deps deps(const OpQuery& q) const { return Deps::object(dep(q)); }
    Misuse misuse(const OpQuery&) const { return Misuse::None; }
    uint32_t alternatives(const OpQuery& q) const { return q.kind == vm::OpKind::PoolGet ? get_choices() : 1; }
    Applied apply(const OpQuery& q) {
        Applied a;
        uint32_t token = 0;
        if (q.kind == vm::OpKind::PoolGet) a.value = get(q.alt, token);
        else put(static_cast<uint32_t>(q.arg));
        return a;
    }

private:
    std::vector<uint32_t> m_items;
};

}  // namespace lockstep::sync
