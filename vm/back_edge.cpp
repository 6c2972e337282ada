// Loop heads and the spin-loop (await) reduction's view of a goroutine: at every `for`
// loop head (Opcode::BackEdge) the goroutine's local state — its stack up to sp, its frames
// and its deferred calls — is compared with the state it had the last time it was at the
// same loop head in the same frame. Equal, the iteration in between changed nothing of the
// goroutine itself; the checker decides whether it changed anything another goroutine can
// see (checker/spin_await.cpp). Heap cells are not part of the local state: every access
// to one is a visible operation the checker sees.
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

// A loop whose frames hold more than this many stack slots is not compared (a cost bound,
// never a soundness one: no repeat is reported for it).
constexpr uint32_t k_max_compared_slots = 4096;
// Loop heads remembered per goroutine (nested loops, a loop in a called function).
constexpr size_t k_max_marks = 8;

bool same_frame(const Frame& a, const Frame& b) {
    return a.fn == b.fn && a.pc == b.pc && a.bp == b.bp && a.env == b.env && a.defer_base == b.defer_base &&
           a.snippet_ret == b.snippet_ret && a.kind == b.kind && a.snippet == b.snippet && a.deferred_call == b.deferred_call;
}

bool same_state(const LoopMark& m, const Goroutine& g) {
    if (m.stack.size() != g.sp || m.frames.size() != g.frames.size()) return false;
    if (m.defers != g.defers.size() || m.defer_args != g.defer_args.size()) return false;
    for (uint32_t i = 0; i < g.sp; ++i)
        if (!m.stack[i].same_bits(g.stack[i])) return false;
    for (size_t i = 0; i < g.frames.size(); ++i)
        if (!same_frame(m.frames[i], g.frames[i])) return false;
    return true;
}

}  // namespace

bool Machine::Impl::back_edge(Goroutine& g, uint32_t pc) {
    const uint32_t fn = g.frames.back().fn, depth = static_cast<uint32_t>(g.frames.size());
    ++g.loop_serial;
    g.loop_repeat = 0;
    // Without visible loads and stores (MachineLimits::quiet_memory) an iteration's reads
    // are not seen, so no repeat may be claimed.
    if (g.panicking || g.goexiting || limits.quiet_memory) {
        forget_loops(g);
        return false;
    }
    LoopMark* mark = nullptr;
    for (auto& m : g.loop_marks)
        if (m.fn == fn && m.pc == pc && m.depth == depth) mark = &m;
    if (g.sp > k_max_compared_slots) {
        if (mark) mark->serial = 0;
        return false;
    }
    if (!mark) {
        if (g.loop_marks.size() >= k_max_marks) g.loop_marks.erase(g.loop_marks.begin());
        g.loop_marks.emplace_back();
        mark = &g.loop_marks.back();
        mark->fn = fn;
        mark->pc = pc;
        mark->depth = depth;
    } else if (mark->serial != 0 && same_state(*mark, g)) {
        // Nothing visible since the same state: the iteration is a function of the local
        // state alone (every heap read is visible, every read of the clock or a channel's
        // length forgets the marks), so it repeats for ever.
        if (mark->resumes == g.resumes) return true;
        g.loop_repeat = mark->serial;
        mark->serial = g.loop_serial;
        mark->resumes = g.resumes;
        return false;
    }
    mark->serial = g.loop_serial;
    mark->resumes = g.resumes;
    mark->stack.assign(g.stack.begin(), g.stack.begin() + g.sp);
    mark->frames = g.frames;
    mark->defers = static_cast<uint32_t>(g.defers.size());
    mark->defer_args = static_cast<uint32_t>(g.defer_args.size());
    return false;
}

}  // namespace lockstep::vm
