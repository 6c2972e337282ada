// DporStrategy: dynamic partial-order reduction — Source-DPOR (Abdulla, Aronis, Jonsson,
// Sagonas, POPL 2014) with sleep sets: explores one execution per Mazurkiewicz trace of
// the dependency relation (checker/access.hpp), reversing each race it finds by adding an
// initial of the reversed sequence to the backtrack set of the point before the race.
//
// Blocking operations are reversed against the step that disabled them (the previous
// acquisition of the mutex, the WaitGroup Add from zero, the Do running f), not against
// the release that let them proceed: putting a Lock before the Unlock it waited for is
// not an execution, putting it before the other goroutine's Lock is. Which steps disable
// and enable which blocking operation is each sync model's rule (sync/model.hpp's Wait).
//
// Cost: while an execution runs, each step only gets its clock (its goroutine's clock
// joined with the per-object joins of the conflicting modes). The race analysis walks the
// finished execution when the next one is asked for, so a search that stops at its first
// bug never pays for it.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "checker/tree_search.hpp"

namespace lockstep::checker {

struct SymmetryAudit;  // checker/explorer.hpp

class DporStrategy : public TreeSearch {
public:
    DporStrategy(std::optional<uint32_t> preemption_bound, bool symmetry = true)
        : TreeSearch(preemption_bound), m_symmetry(preemption_bound ? false : symmetry) {}
    std::string_view name() const override { return "dpor"; }
    bool next_execution() override;
    void on_step(const Execution& exec) override;
    void on_end(const Execution& exec) override;
    // Split search: the sleep set of the first node below the prefix (set_prefix), each
    // goroutine with what its explored step touched; the split explored them elsewhere.
    void set_split_sleep(std::vector<std::pair<vm::Gid, std::vector<Access>>> sleep) { m_split_sleep = std::move(sleep); }
    // Tests: rebuild the symmetry classes at every fresh node too and count differences.
    void set_symmetry_audit(SymmetryAudit* audit) { m_audit = audit; }

protected:
    void fill_backtrack(const Execution& exec, SearchNode& node) override {}
    void initial_sleep(SearchNode& node) override;
    void node_created(const Execution& exec, SearchNode& node) override;

private:
    static constexpr uint32_t none = UINT32_MAX;
    struct Event {
        vm::Gid g = 0;
        uint32_t local = 0;    // 1-based index among g's events
        uint32_t prev = none;  // g's previous event, or the go statement that started g
        uint32_t extra = none; // an unbuffered rendezvous g took part in as the partner since
    };
    // The operation a goroutine had pending when the execution ended: the next event it
    // would have performed.
    struct Virtual {
        Event ev;
        uint32_t access_begin, access_end;  // into m_vaccesses
        sync::Wait blocking;
        uint32_t sync_obj;
    };
    // Per object, while walking an execution: the last event of each goroutine per mode.
    struct Table {
        std::vector<uint32_t> last[3];    // index + 1
        std::vector<vm::Gid> touched[3];
        // + 1, per blocking class: the latest step on the object that can disable an
        // operation of the class (sync::SyncModels::disables).
        uint32_t last_disabler[sync::k_wait_count] = {};
        bool used = false;
    };
    // Per object, while running: the join of the clocks of its events, per mode.
    struct Joins {
        std::vector<uint32_t> join[3];
        bool joined[3] = {false, false, false};  // join[m] is not all zero (worth joining)
        bool used = false;
    };

    const uint32_t* clock(uint32_t event) const { return &m_clocks[static_cast<size_t>(event) * m_stride]; }
    bool hb(uint32_t e, const uint32_t* c) const { return c[m_events[e].g] >= m_events[e].local; }
    bool covered(uint32_t e, const Event& ev) const {
        return (ev.prev != none && hb(e, clock(ev.prev))) || (ev.extra != none && hb(e, clock(ev.extra)));
    }
    void ensure_stride(uint32_t n);
    Joins& joins(const Access& a);
    Table& table(const Access& a);
    // This step's (or a pending operation's) clock into c.
    void compute_clock(const Event& ev, const Access* begin, const Access* end, uint32_t* c);
    void analyse_execution(const Execution& exec);
    void cut_backtracks(const Execution& exec);
    void collect(const Access* begin, const Access* end, vm::Gid g);
    void analyse(const Event& ev, sync::Wait blocking, uint32_t sync_obj, uint32_t end, const uint32_t* c, const Execution& exec);
    void race(uint32_t e, uint32_t end, vm::Gid p, const uint32_t* clock_p);
    void reset_run();
    // Symmetry (checker/dpor_symmetry.cpp): are r (created first) and g interchangeable now
    // (the full pairwise check), and which goroutine stands for q at node i (none: one
    // interchangeable with it sleeps there).
    bool interchangeable(const Execution& exec, vm::Gid r, vm::Gid g) const;
    // The part of interchangeable() that holds until r or g steps, is observed or is a
    // rendezvous partner (min(r, g) is taken as the one created first).
    bool stable_match(const Execution& exec, vm::Gid r, vm::Gid g) const;
    vm::Gid canonical(uint32_t i, vm::Gid q) const;
    void add_canonical(uint32_t i, vm::Gid q);
    void classify(const Execution& exec, vm::Gid g);
    void leave_class(vm::Gid g);
    void reset_classes();
    // The reference: the classes found afresh, pairwise, as (goroutine, representative).
    void rebuild_classes(const Execution& exec, std::vector<std::pair<vm::Gid, vm::Gid>>& reps);
    void audit_node(const Execution& exec, const std::vector<std::pair<vm::Gid, vm::Gid>>& reps);

    // A sleep set's members with what their explored step touched: a goroutine's step
    // can touch more than its pending operation shows (arriving at a channel wait writes
    // the channel), and a sleeper wakes when a step conflicts with what its step did.
    struct Sleepers {
        std::vector<Access> acc;
        struct Who {
            vm::Gid g;
            uint32_t begin, end;
        };
        std::vector<Who> who;
        void clear() {
            acc.clear();
            who.clear();
        }
    };
    std::vector<Sleepers> m_sleepers;            // per node
    std::vector<std::vector<Access>> m_taken;    // per node: what the steps explored there by its chosen goroutine touched
    std::vector<vm::Gid> m_taken_g;              // per node: that goroutine
    Sleepers m_next_store;

    std::vector<Event> m_events;
    std::vector<uint32_t> m_clocks;  // per event, stride m_stride
    uint32_t m_stride = 0;
    std::vector<uint32_t> m_last_event;     // per goroutine: + 1, the event its next one follows
    std::vector<uint32_t> m_pending_extra;  // per goroutine: + 1, a rendezvous since that event
    std::vector<uint32_t> m_local;
    std::vector<Joins> m_joins[k_space_count];
    std::vector<Table> m_tables[k_space_count];
    std::vector<std::pair<uint8_t, uint32_t>> m_used_joins, m_used_tables;
    std::vector<Joins*> m_step_joins;  // compute_clock: the objects of the step's accesses
    std::vector<Table*> m_step_tables; // collect: the same, while analysing
    std::vector<Virtual> m_virtuals;
    std::vector<Access> m_vaccesses;
    std::vector<uint32_t> m_vclocks;
    const Execution* m_pending_analysis = nullptr;
    GoroutineSet m_next_sleep;
    std::vector<uint32_t> m_cands;
    std::vector<uint32_t> m_eligible;   // analyse(): the candidates a race could reverse, sorted
    std::vector<uint32_t> m_immediate;  // analyse(): the candidates no other one follows
    std::vector<Access> m_pacc;
    std::vector<std::pair<vm::Gid, uint32_t>> m_seen;
    std::vector<uint32_t> m_seen_stamp;
    uint32_t m_stamp = 0;
    std::vector<vm::Gid> m_initials;

    bool m_symmetry = true;
    std::vector<uint8_t> m_observed;   // per goroutine: another's event knows one of its events
    std::vector<uint64_t> m_history;   // per goroutine: a hash of the steps it took
    std::vector<std::vector<std::pair<vm::Gid, vm::Gid>>> m_reps;  // per node: (goroutine, its representative)
    std::vector<vm::Gid> m_class_reps;  // rebuild_classes' scratch
    std::vector<std::pair<vm::Gid, vm::Gid>> m_audit_reps;
    SymmetryAudit* m_audit = nullptr;
    // The classes of the current execution, kept incrementally: a goroutine joins one when
    // it is first enabled (after each of its steps), by a hash of what must be equal and
    // an exact comparison with the class's pivot; it leaves when it steps, is observed or
    // is a rendezvous partner.
    struct SymClass {
        uint64_t key = 0;
        vm::Gid pivot = 0;       // a member every other one was compared with (or promoted)
        uint32_t size = 0;
        bool stepped = false;    // its members took steps: pairs are checked in full
        uint32_t stamp = 0;      // node_created: the node this rep is for
        vm::Gid rep = 0;         // the first enabled member at that node
        GoroutineSet members;
    };
    std::vector<uint32_t> m_cls;  // per goroutine: its class, or none
    std::vector<SymClass> m_classes;
    std::unordered_map<uint64_t, std::vector<uint32_t>> m_buckets;  // key -> classes
    uint32_t m_node_stamp = 0;
    std::vector<std::pair<vm::Gid, std::vector<Access>>> m_split_sleep;
};

}  // namespace lockstep::checker
