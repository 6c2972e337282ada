// DporStrategy: dynamic partial-order reduction — Source-DPOR (Abdulla, Aronis, Jonsson,
// Sagonas, POPL 2014) with sleep sets: explores one execution per Mazurkiewicz trace of
// the dependency relation (checker/access.hpp), reversing each race it finds by adding an
// initial of the reversed sequence to the backtrack set of the point before the race.
//
// Blocking operations are reversed against the step that disabled them (the previous
// acquisition of the mutex, the WaitGroup Add from zero, the Do running f), not against
// the release that let them proceed: putting a Lock before the Unlock it waited for is
// not an execution, putting it before the other goroutine's Lock is.
#pragma once

#include <optional>
#include <vector>

#include "checker/tree_search.hpp"

namespace lockstep::checker {

class DporStrategy : public TreeSearch {
public:
    using TreeSearch::TreeSearch;
    std::string_view name() const override { return "dpor"; }
    bool next_execution() override;
    void on_step(const Execution& exec) override;
    void on_end(const Execution& exec) override;

protected:
    void fill_backtrack(const Execution& exec, SearchNode& node) override {}
    void initial_sleep(SearchNode& node) override { node.sleep.assign(m_next_sleep); }

private:
    struct Event {
        vm::Gid g = 0;
        uint32_t local = 0;  // 1-based index among g's events
    };
    struct Obj {
        std::vector<uint32_t> last[3];  // per mode, per goroutine: last event index + 1
        std::vector<vm::Gid> touched;
        uint32_t last_acquire = 0;        // + 1: latest Lock/RLock/TryLock acquisition or announce
        uint32_t last_write_acquire = 0;  // + 1: latest Lock acquisition or announce
        uint32_t last_from_zero = 0;      // + 1: latest WaitGroup Add from zero
        uint32_t last_once = 0;           // + 1: latest Once.Do entry
        bool used = false;
    };
    enum class Blocking : uint8_t { No, Lock, RLock, Wait, Once };

    Obj& obj(const Access& a);
    const uint32_t* clock(uint32_t event) const { return &m_clocks[static_cast<size_t>(event) * m_stride]; }
    bool hb(uint32_t e, const uint32_t* c) const { return c[m_events[e].g] >= m_events[e].local; }
    void ensure_stride(uint32_t n);
    // Candidates: the last conflicting event of each other goroutine on each object.
    void collect(const Access* begin, const Access* end, vm::Gid g);
    void analyse(const Execution& exec, vm::Gid g, Blocking blocking, uint32_t sync_obj, uint32_t end, const uint32_t* c, bool skip_regular_releases);
    void race(const Execution& exec, uint32_t e, uint32_t end, vm::Gid p, const uint32_t* clock_p);
    static Blocking blocking_of(const vm::Operation& op, uint8_t cond_phase_reacquire);

    std::vector<Event> m_events;
    std::vector<uint32_t> m_clocks;  // per event, stride m_stride
    uint32_t m_stride = 0;
    std::vector<std::vector<uint32_t>> m_base;  // per goroutine: clock its next event starts from (size m_stride)
    std::vector<uint32_t> m_local;
    std::vector<Obj> m_objs[5];
    std::vector<std::pair<uint8_t, uint32_t>> m_used;  // (space, id) of the objects touched this execution
    GoroutineSet m_next_sleep;
    std::vector<uint32_t> m_cands;
    std::vector<uint32_t> m_scratch;
    std::vector<Access> m_pacc;
    std::vector<std::pair<vm::Gid, uint32_t>> m_seen;
    std::vector<vm::Gid> m_initials;
};

}  // namespace lockstep::checker
