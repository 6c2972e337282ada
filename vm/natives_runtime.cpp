// runtime and os functions beyond the scheduler: runtime.GC (a no-op: lockstep has no
// collector to run, and no finalizers), os.Getenv (the real environment, as under go run).
#include <cstdlib>

#include "vm/machine_state.hpp"

namespace lockstep::vm {

bool Machine::Impl::native_runtime(Goroutine& g, NativeId id, uint32_t base) {
    Value* A = g.stack.data() + base;
    switch (id) {
    case NativeId::RuntimeGC: g.sp = base; return true;
    case NativeId::OsGetenv: {
        std::string name(str(A[0]));
        const char* v = std::getenv(name.c_str());
        Value s = make_string(v ? v : "");
        g.sp = base;
        ensure_stack(g, 1);
        g.stack[g.sp++] = s;
        return true;
    }
    default: return false;
    }
}

}  // namespace lockstep::vm
