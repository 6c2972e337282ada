// Parallel subtests, as Go 1.19's testing runs them: t.Run runs a subtest on the calling
// goroutine until the subtest calls t.Parallel(); then the subtest goes on in a goroutine
// of its own (its frames, from its runner up, move to a new goroutine: the visible
// operation is a `go`), t.Run returns, and the subtest waits on its parent's barrier
// channel, which the parent's runner closes when the parent's function returned. The
// parent's runner then waits for each parallel subtest's done channel before its own
// cleanups and report, as Go's tRunner does (`close(t.barrier)`, `<-sub.signal`). The
// waits are channel operations, so their happens-before edges are the channels'.
#include "lang/assert.hpp"
#include "vm/machine_state.hpp"

namespace lockstep::vm {

// An unbuffered chan bool of the VM's own, as MakeChan makes one.
uint32_t Machine::Impl::make_test_chan() {
    if (chan_count == chans.size()) chans.emplace_back();
    ChanObj& c = chans[chan_count];
    c.buf.clear();
    c.head = 0;
    c.values = 0;
    c.closed = false;
    c.cap = 0;
    c.elem = rt::boolean;
    c.slots = M.types[rt::boolean].slots;
    return ++chan_count;
}

// The natives the runner snippets (vm/compile_testing.cpp) call; none is visible.
bool Machine::Impl::testing_parallel_native(Goroutine& g, NativeId id, TestRec& t, uint32_t base) {
    auto ret2 = [&](uint32_t ch, bool ok) {
        g.sp = base;
        ensure_stack(g, 2);
        g.stack[g.sp++] = ch ? Value::of_ptr(ch) : Value{};
        g.stack[g.sp++] = Value::of_bool(ok);
    };
    switch (id) {
    case NativeId::TestingRelease:
        if (t.barrier == 0 || t.released) {
            ret2(0, false);
        } else {
            t.released = true;
            ret2(t.barrier, true);
        }
        return true;
    case NativeId::TestingNextDone:
        if (t.parallel_subs.empty()) {
            ret2(0, false);
        } else {
            uint32_t sub = t.parallel_subs.front();
            t.parallel_subs.erase(t.parallel_subs.begin());
            ret2(tests[sub].finished_ch, true);
        }
        return true;
    case NativeId::TestingDoneChan:
        ret2(t.finished_ch, t.finished_ch != 0);
        return true;
    default: return false;
    }
}

// t.Parallel() in a subtest, performed: the subtest's frames move to a new goroutine,
// which goes on waiting for the parent's barrier; the calling goroutine returns from
// t.Run with !t.Failed(). [t] -> [barrier true] on the new goroutine.
bool Machine::Impl::perform_parallel(Gid gid, TestRec& t) {
    Goroutine& g0 = gs[gid];
    const Instr in = g0.pinstr;
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    uint32_t idx = static_cast<uint32_t>(&t - tests.data());
    // The subtest's runner frame: a tRunner whose subtest (local 3) is t.
    size_t k = g0.frames.size();
    while (k-- > 0) {
        const Frame& f = g0.frames[k];
        const Function& fn = M.functions[f.fn];
        if (fn.test_runner && fn.name == "testing.tRunner" && g0.stack[f.bp + 3].p.a == t.cell) break;
    }
    if (k >= g0.frames.size()) {
        fatal(g0, "unsupported: t.Parallel() called from another goroutine than its test's", site);
        return false;
    }
    if (goroutine_count() >= limits.max_goroutines) {
        fatal(g0, "lockstep bound: too many goroutines, t.Parallel() would start more than " +
                      std::to_string(limits.max_goroutines) + " (raise with //lockstep:bound goroutines=N)",
              site);
        return false;
    }
    TestRec& parent = tests[static_cast<size_t>(t.parent)];
    if (parent.barrier == 0) parent.barrier = make_test_chan();
    t.finished_ch = make_test_chan();
    t.parallel = true;
    parent.parallel_subs.push_back(idx);
    uint32_t barrier = parent.barrier;
    bool failed = t.failed;
    Gid child = fresh_goroutine();  // may move gs
    Goroutine& g = gs[gid];
    Goroutine& c = gs[child];
    c.name = "testing.tRunner";
    c.created_at = site;
    c.parent = gid;
    // Move the frames from the runner up, with their stack, defers and deferred arguments.
    uint32_t bp0 = g.frames[k].bp;
    uint32_t db0 = g.frames[k].defer_base;
    uint32_t da0 = db0 < g.defers.size() ? g.defers[db0].args : static_cast<uint32_t>(g.defer_args.size());
    uint32_t top = g.sp - in.n;  // without the operand t
    ensure_stack(c, top - bp0 + 2);
    for (uint32_t i = bp0; i < top; i++) c.stack[i - bp0] = g.stack[i];
    c.sp = top - bp0;
    c.stack[c.sp++] = Value::of_ptr(barrier);
    c.stack[c.sp++] = Value::of_bool(true);
    for (size_t i = k; i < g.frames.size(); i++) {
        Frame f = g.frames[i];
        f.bp -= bp0;
        f.defer_base -= db0;
        if (i == k) f.kind = FrameKind::Top;
        c.frames.push_back(f);
    }
    for (size_t i = db0; i < g.defers.size(); i++) {
        DeferRec d = g.defers[i];
        d.args -= da0;
        c.defers.push_back(d);
    }
    c.defer_args.assign(g.defer_args.begin() + da0, g.defer_args.end());
    // The caller returns from t.Run: the runner's result where its parameters were.
    g.frames.resize(k);
    g.defers.resize(db0);
    g.defer_args.resize(da0);
    g.stack[bp0] = Value::of_bool(!failed);
    g.sp = bp0 + 1;
    forget_loops(g);
    if (limits.quiet_memory) pause(c, OpKind::Yield, 0, site, Pend::Yield);
    else run(child);
    current = gid;
    return true;
}

}  // namespace lockstep::vm
