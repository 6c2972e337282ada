// errors.Unwrap and errors.Is over user error types: an error whose dynamic type has an
// `Unwrap() error` method is unwrapped by calling it (run by the VM for itself, as fmt
// runs Error()), lockstep's own fmt.Errorf("%w") errors through their wrapped cell.
#include <cstring>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

bool Machine::Impl::unwrap_error(Value err, Value& out) {
    out = Value{};
    if (err.c == 0) return false;
    if (err.c == rt::error_string) {
        out = heap[err.p.a + 1];
        return true;
    }
    uint32_t name = UINT32_MAX;
    for (size_t i = 0; i < M.method_names.size(); ++i)
        if (M.method_names[i] == "Unwrap") name = static_cast<uint32_t>(i);
    if (name == UINT32_MAX) return false;
    const RMethod* m = find_method(err.c, name);
    if (!m || m->function == UINT32_MAX) return false;
    const Function& f = M.functions[m->function];
    // Unwrap() []error (Go 1.20) is not followed (a wrapper has no result type: followed)
    if (f.result_slots != 1 || (f.result_type != 0 && f.result_type != rt::error)) return false;
    Goroutine& g = gs[current];
    Value recv = err;
    recv.c = 0;
    uint32_t r = m->mode == RecvMode::Payload ? 1 : m->recv_slots;
    if (m->mode != RecvMode::Payload && recv.p.a == 0) return false;
    ensure_stack(g, r + 1);
    if (m->mode == RecvMode::Payload) g.stack[g.sp] = recv;
    else std::memcpy(&g.stack[g.sp], &heap[recv.p.a], sizeof(Value) * r);
    g.sp += r;
    uint32_t sp0 = g.sp - r;
    if (!run_nested(current, Value::of_pair(m->function + 1, 0), r)) {
        gs[current].sp = sp0;
        return false;
    }
    out = g.stack[--g.sp];
    return true;
}

}  // namespace lockstep::vm
