// Causality beyond happens-before (see causality.hpp): a forward walk over the recorded steps.
#include "checker/causality.hpp"

#include <unordered_map>
#include <vector>

#include "checker/execution.hpp"

namespace lockstep::checker {

namespace {

using vm::Gid;
using vm::OpKind;

uint64_t object_key(const Access& a) { return (static_cast<uint64_t>(a.space) << 32) | a.id; }

// A store that does not look at what it overwrites.
bool blind(OpKind k) { return k == OpKind::Store || k == OpKind::AtomicStore; }

// An operation that passes the chain on to its goroutine when it observes an object the
// chain reached. A WaitGroup Add or Done reads the counter, but it acquires nothing in
// Go's memory model, and the search treats Adds and Dones that do not cross zero as
// commuting: following it would make the verdict depend on which of two equivalent
// orders was explored. An atomic Add whose result is dropped is the same (it commutes
// with the other such Adds and acquires nothing: docs/semantics.md).
bool observes(const vm::Operation& op) {
    return !blind(op.kind) && op.kind != OpKind::WgAdd && !(op.kind == OpKind::AtomicRmw && op.arg == 1);
}

}  // namespace

bool causally_after(const Execution& e, uint32_t from, Gid to, uint32_t upto) {
    const auto& steps = e.steps();
    const auto& accesses = e.accesses();
    // A single run (ExecutionConfig::single_run) keeps no history to follow: no chain.
    if (from >= steps.size() || e.step_count() != steps.size()) return false;
    upto = std::min<uint32_t>(upto, static_cast<uint32_t>(steps.size()));
    const uint32_t n = e.goroutine_count();

    // The goroutines each one started, in the order it started them (gids grow with creation).
    std::vector<std::vector<Gid>> children(n);
    for (Gid c = 1; c < n; ++c) {
        vm::GoroutineInfo info = e.program().goroutine_info(c);
        if (info.has_creator && info.parent < n) children[info.parent].push_back(c);
    }
    std::vector<uint32_t> started(n, 0);  // how many `go` steps each goroutine has taken
    for (uint32_t i = 0; i < from; ++i)
        if (steps[i].op.kind == OpKind::Go && steps[i].choice.g < n) ++started[steps[i].choice.g];

    std::vector<bool> reached(n, false);
    std::unordered_map<uint64_t, bool> passed;  // object -> its value carries the chain
    reached[steps[from].choice.g] = true;
    for (uint32_t i = from; i < upto; ++i) {
        const StepRecord& rec = steps[i];
        const Gid g = rec.choice.g;
        if (g >= n) continue;
        const bool has_partner = rec.partner < n;
        bool r = reached[g] || (has_partner && reached[rec.partner]);
        if (!r && observes(rec.op))
            for (uint32_t a = rec.access_begin; a < rec.access_end && !r; ++a)
                if (accesses[a].space != Space::Output) {
                    auto it = passed.find(object_key(accesses[a]));
                    r = it != passed.end() && it->second;
                }
        if (r) {
            reached[g] = true;
            if (has_partner) reached[rec.partner] = true;
            for (uint32_t a = rec.access_begin; a < rec.access_end; ++a)
                if (accesses[a].space != Space::Output && accesses[a].mode != AccessMode::Read) passed[object_key(accesses[a])] = true;
        } else if (blind(rec.op.kind)) {
            for (uint32_t a = rec.access_begin; a < rec.access_end; ++a) passed[object_key(accesses[a])] = false;
        }
        if (rec.op.kind == OpKind::Go) {
            uint32_t k = started[g]++;
            if (r && k < children[g].size()) reached[children[g][k]] = true;
        }
    }
    return to < n && reached[to];
}

}  // namespace lockstep::checker
