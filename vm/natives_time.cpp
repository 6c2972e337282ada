// time's timers: time.NewTimer, time.After, time.AfterFunc, time.NewTicker, time.Tick, and
// Timer/Ticker Stop and Reset. Each timer is a state block on the heap and a goroutine of
// its own (vm/compile_timer.cpp), created by the call as a `go` statement would: that
// goroutine's one visible operation, TimerFire, is when the timer fires — the explorer
// decides when (sync/timer.hpp says when it may). Firing advances the virtual clock to the
// timer's deadline (never back), then sends the time on C, or runs AfterFunc's func.
//
// State block (TimerCell): the sync handle, deadline, period (0: fires once), C (nil for
// AfterFunc), AfterFunc's func, the creating call's site, the ticks so far.
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {
enum TimerCell : uint32_t { TcHandle, TcDeadline, TcPeriod, TcChan, TcFunc, TcSite, TcTicks, TcCells };
}

// A fresh channel of capacity 1 for a timer's C (its values are Times: one int64 slot).
static Value timer_chan(Machine::Impl& m) {
    if (m.chan_count == m.chans.size()) m.chans.emplace_back();
    ChanObj& c = m.chans[m.chan_count];
    c.buf.clear();
    c.head = 0;
    c.values = 0;
    c.closed = false;
    c.fire_at = -1;
    c.cap = 1;
    c.elem = rt::int64;
    c.slots = 1;
    return Value::of_ptr(++m.chan_count);
}

bool Machine::Impl::native_time(Gid gid, Goroutine& g, const Instr& in) {
    NativeId id = static_cast<NativeId>(in.a);
    uint32_t base = g.sp - in.n;
    Value* A = g.stack.data() + base;
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    switch (id) {
    case NativeId::TimeUnixNano:  // the virtual clock's epoch: log's 2009/11/10 23:00:00 UTC
        g.sp = base;
        g.stack[g.sp++] = Value::of_int(A[0].i + 1257894000LL * 1000000000LL);
        return true;
    case NativeId::TimeAfterReady: {
        // time.After(d) as the channel of a receive, or of a case of a select without
        // default: nothing else can ever reference the channel, so the timer is observable
        // only as that receive's readiness, and under free time it may fire at any point
        // after it is armed. Its channel is made holding the value the firing would send;
        // receiving it moves the clock to the deadline. No timer, no goroutine: a timer
        // nobody can reach is never made (docs/semantics.md, "Time and timers").
        int64_t deadline = clock + (A[0].i > 0 ? A[0].i : 0);
        Value c = timer_chan(*this);
        ChanObj& ch = chans[c.p.a - 1];
        ch.buf.push_back(Value::of_int(deadline));
        ch.values = 1;
        ch.fire_at = deadline;
        g.sp = base;
        g.stack[g.sp++] = c;
        return true;
    }
    case NativeId::TimeUntil:
        g.sp = base;
        g.stack[g.sp++] = Value::of_int(A[0].i - clock);
        return true;
    case NativeId::TimeNewTimer:
    case NativeId::TimeAfterChan:
    case NativeId::TimeAfterFunc:
    case NativeId::TimeNewTicker:
    case NativeId::TimeTick: {
        int64_t d = A[0].i;
        bool ticker = id == NativeId::TimeNewTicker || id == NativeId::TimeTick;
        if (ticker && d <= 0) {
            if (id == NativeId::TimeTick) {  // Go: Tick returns nil for a non-positive duration
                g.sp = base;
                g.stack[g.sp++] = Value{};
                return true;
            }
            string_panic(g, "non-positive interval for NewTicker");
            return true;
        }
        if (nested) {
            fatal(g, "unsupported: a timer created inside a method called by fmt", site);
            return true;
        }
        Value f = id == NativeId::TimeAfterFunc ? A[1] : Value{};
        Cell st = alloc(TcCells);
        if (st == 0) return true;
        Cell t = alloc(2);  // the *Timer / *Ticker: {C, handle}
        if (t == 0) return true;
        heap[st + TcDeadline] = Value::of_int(clock + (d > 0 ? d : 0));
        heap[st + TcPeriod] = Value::of_int(ticker ? d : 0);
        heap[st + TcChan] = id == NativeId::TimeAfterFunc ? Value{} : timer_chan(*this);
        heap[st + TcFunc] = f;
        heap[st + TcSite] = Value::of_int(site);
        heap[st + TcTicks] = Value::of_int(0);
        heap[t] = heap[st + TcChan];
        heap[t + 1] = Value::of_ptr(st);
        g.sp = base;
        bool chan_result = id == NativeId::TimeAfterChan || id == NativeId::TimeTick;
        g.stack[g.sp++] = chan_result ? heap[st + TcChan] : Value::of_ptr(t);
        g.pcell = st;
        g.pinstr = in;
        // Starting the timer's goroutine is a step, as a go statement is.
        pause(g, OpKind::Go, 0, site, Pend::TimerNew);
        return true;
    }
    case NativeId::TimerStop:
    case NativeId::TimerReset:
    case NativeId::TickerStop:
    case NativeId::TickerReset: {
        Cell t = A[0].p.a;
        if (t == 0) {
            runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
            return true;
        }
        bool ticker = id == NativeId::TickerStop || id == NativeId::TickerReset;
        bool reset = id == NativeId::TimerReset || id == NativeId::TickerReset;
        Cell st = heap[t + 1].p.a;
        if (st == 0) {
            string_panic(g, std::string("time: ") + (reset ? "Reset" : "Stop") + " called on uninitialized " + (ticker ? "Ticker" : "Timer"));
            return true;
        }
        if (id == NativeId::TickerReset && A[1].i <= 0) {
            string_panic(g, "non-positive interval for Ticker.Reset");
            return true;
        }
        if (nested) {
            fatal(g, "unsupported: a timer operation inside a method called by fmt", site);
            return true;
        }
        g.parg = reset ? A[1].i : 0;
        g.sp = base;
        g.pcell = st;
        g.pinstr = in;
        pause(g, reset ? OpKind::TimerReset : OpKind::TimerStop, sync_id(st), site, Pend::TimerCtl, g.parg);
        return true;
    }
    case NativeId::TimerWait: {
        Cell st = A[0].p.a;
        g.sp = base;
        g.pcell = st;
        g.pinstr = in;
        Value c = heap[st + TcChan];
        int64_t arg = (heap[st + TcPeriod].i > 0 ? 1 : 0) | (static_cast<int64_t>(c.p.a) << 8);
        pause(g, OpKind::TimerFire, sync_id(st), static_cast<uint32_t>(heap[st + TcSite].i), Pend::TimerFire, arg);
        return true;
    }
    default: return false;
    }
    (void)gid;
}

bool Machine::Impl::perform_timer(Gid gid, Pend pend, const Outcome& out) {
    Goroutine& g = gs[gid];
    Cell st = g.pcell;
    switch (pend) {
    case Pend::TimerNew: {
        uint32_t site = static_cast<uint32_t>(heap[st + TcSite].i);
        if (goroutine_count() >= limits.max_goroutines) {
            fatal(g,
                  "lockstep bound: too many goroutines, this timer would start more than " + std::to_string(limits.max_goroutines) +
                      " (raise with //lockstep:bound goroutines=N)",
                  site);
            return false;
        }
        NativeId kind = static_cast<NativeId>(g.pinstr.a);
        Gid child = fresh_goroutine();
        Goroutine& c = gs[child];  // gs may have moved: g is not used below
        c.timer = true;
        c.name = kind == NativeId::TimeAfterFunc ? "time.AfterFunc" : kind == NativeId::TimeAfterChan ? "time.After"
                 : kind == NativeId::TimeNewTimer ? "time.NewTimer" : kind == NativeId::TimeTick ? "time.Tick" : "time.NewTicker";
        c.created_at = site;
        c.parent = gid;
        ensure_stack(c, 2);
        c.stack[c.sp++] = Value::of_ptr(st);
        c.stack[c.sp++] = heap[st + TcFunc];
        enter(c, M.timer_function, 0, 2, FrameKind::Top);
        run(child);
        current = gid;
        return true;
    }
    case Pend::TimerCtl: {
        NativeId id = static_cast<NativeId>(g.pinstr.a);
        if (id == NativeId::TimerReset || id == NativeId::TickerReset) {
            heap[st + TcDeadline] = Value::of_int(clock + (g.parg > 0 ? g.parg : 0));
            if (id == NativeId::TickerReset) heap[st + TcPeriod] = Value::of_int(g.parg);
        }
        if (id == NativeId::TimerStop || id == NativeId::TimerReset) {
            ensure_stack(g, 1);
            g.stack[g.sp++] = Value::of_bool(out.value != 0);
        }
        return true;
    }
    case Pend::TimerFire: {
        // The clock moves to the deadline, never back (a timer fired late fires "now").
        int64_t deadline = heap[st + TcDeadline].i;
        if (deadline > clock) clock = deadline;
        int64_t period = heap[st + TcPeriod].i;
        if (period > 0) {
            heap[st + TcDeadline] = Value::of_int(clock + period);
            int64_t ticks = ++heap[st + TcTicks].i;
            if (static_cast<uint64_t>(ticks) > limits.max_ticks) {
                fatal(g,
                      "lockstep bound: a Ticker would tick more than " + std::to_string(limits.max_ticks) +
                          " times in one execution (raise with //lockstep:bound ticks=N)",
                      static_cast<uint32_t>(heap[st + TcSite].i));
                return false;
            }
        }
        Cell ch = heap[st + TcChan].p.a;
        if (ch != 0) {
            ChanObj& c = chans[ch - 1];
            if (c.values < c.cap) {  // a full C drops the value, as Go's sendTime does
                c.buf.push_back(Value::of_int(clock));
                ++c.values;
            }
        }
        ensure_stack(g, 1);
        g.stack[g.sp++] = Value::of_bool(heap[st + TcFunc].p.a != 0);
        return true;
    }
    default: return true;
    }
}

}  // namespace lockstep::vm
