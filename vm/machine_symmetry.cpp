// Machine::same_local_state: are two goroutines interchangeable as far as their own state
// goes (the checker's symmetry reduction, checker/symmetry.hpp)? Everything a goroutine
// owns is compared; a pointer is equal only to itself, except the environment cell of a
// frame's closure, which is private to the closure and never written after it is made, so
// two environments with equal contents are indistinguishable.
#include <cstring>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

bool same_value(const Value& x, const Value& y) { return x.u == y.u && x.c == y.c; }

bool same_values(const std::vector<Value>& x, const std::vector<Value>& y, size_t n) {
    if (x.size() < n || y.size() < n) return false;
    for (size_t i = 0; i < n; ++i)
        if (!same_value(x[i], y[i])) return false;
    return true;
}

bool same_instr(const Instr& x, const Instr& y) { return x.op == y.op && x.k == y.k && x.n == y.n && x.a == y.a && x.b == y.b; }

// The environment slots a function reads: one past the highest LoadEnv index.
uint32_t env_slots(const Function& f) {
    uint32_t n = 0;
    for (const Instr& in : f.code)
        if (in.op == Opcode::LoadEnv && in.a >= 0) n = std::max(n, static_cast<uint32_t>(in.a) + 1);
    return n;
}

}  // namespace

bool Machine::same_local_state(Gid a, Gid b) const {
    const Impl& M = *m_impl;
    if (a == b) return true;
    if (a == 0 || b == 0 || a >= M.gs.size() || b >= M.gs.size()) return false;
    const Goroutine& x = M.gs[a];
    const Goroutine& y = M.gs[b];
    if (x.state != GoroutineState::Pending || y.state != GoroutineState::Pending) return false;
    if (x.parent != y.parent || x.created_at != y.created_at || x.name_fn != y.name_fn) return false;
    if (x.sp != y.sp || x.frames.size() != y.frames.size() || x.defers.size() != y.defers.size()) return false;
    if (x.defer_args.size() != y.defer_args.size()) return false;
    if (x.op.kind != y.op.kind || x.op.object != y.op.object || x.op.site != y.op.site || x.op.arg != y.op.arg) return false;
    // What the pending operation resumes with; without one, whatever was left there.
    if (x.pend != y.pend) return false;
    if (x.pend != Pend::None && (!same_instr(x.pinstr, y.pinstr) || x.pcell != y.pcell || x.pidx != y.pidx || x.parg != y.parg)) return false;
    if (x.delivered != y.delivered || x.announced != y.announced) return false;
    if (x.panicking || y.panicking || x.recovered != y.recovered || x.fatal || y.fatal || x.goexiting || y.goexiting) return false;
    if (x.goexited != y.goexited || x.print_buf != y.print_buf) return false;
    // The last value read is only shown (last_value_text) when it has a type: without one
    // it is whatever an earlier execution left there.
    if (x.last_type != y.last_type || (x.last_type != 0 && !same_value(x.last_value, y.last_value))) return false;
    if (!same_values(x.stack, y.stack, x.sp)) return false;
    if (!same_values(x.defer_args, y.defer_args, x.defer_args.size())) return false;
    for (size_t i = 0; i < x.defers.size(); ++i)
        if (x.defers[i].pc != y.defers[i].pc || x.defers[i].args != y.defers[i].args || x.defers[i].nargs != y.defers[i].nargs) return false;
    for (size_t i = 0; i < x.frames.size(); ++i) {
        const Frame& f = x.frames[i];
        const Frame& h = y.frames[i];
        if (f.fn != h.fn || f.pc != h.pc || f.bp != h.bp || f.defer_base != h.defer_base || f.snippet_ret != h.snippet_ret ||
            f.kind != h.kind || f.snippet != h.snippet || f.deferred_call != h.deferred_call)
            return false;
        if (f.env == h.env) continue;
        if (f.env == 0 || h.env == 0 || f.fn >= m_module->functions.size()) return false;
        uint32_t n = env_slots(m_module->functions[f.fn]);
        if (f.env + n > M.heap.size() || h.env + n > M.heap.size()) return false;
        for (uint32_t k = 0; k < n; ++k)
            if (!same_value(M.heap[f.env + k], M.heap[h.env + k])) return false;
    }
    return true;
}

}  // namespace lockstep::vm
