// vm::Machine: the Program interface over the execution state: reset, resume (performing
// the pending visible operation), and what the checker asks about goroutines and channels.
#include "vm/machine.hpp"

#include <cstring>

#include "lang/assert.hpp"
#include "vm/machine_state.hpp"

namespace lockstep::vm {

Machine::Machine(std::shared_ptr<const Module> module, MachineLimits limits)
    : m_module(std::move(module)), m_limits(limits), m_impl(std::make_unique<Impl>(*m_module, m_limits, *this)) {
    reset();
}

Machine::~Machine() = default;

void Machine::reset() { m_impl->reset(); }

GoroutineState Machine::state(Gid g) const { return m_impl->gs[g].state; }
const Operation& Machine::pending(Gid g) const { return m_impl->gs[g].op; }
void Machine::resume(Gid g, const Outcome& outcome) {
    m_impl->clock += m_impl->limits.ns_per_operation;
    m_impl->resume(g, outcome);
}
uint64_t Machine::loop_serial(Gid g) const { return m_impl->gs[g].loop_serial; }
uint64_t Machine::loop_repeats(Gid g) const { return m_impl->gs[g].loop_repeat; }

uint32_t Machine::chan_capacity(uint32_t chan) const {
    return chan == nil_chan_id ? 0 : m_impl->chans[chan].cap;
}
uint32_t Machine::chan_buffered(uint32_t chan) const {
    return chan == nil_chan_id ? 0 : m_impl->chans[chan].count();
}
bool Machine::chan_closed(uint32_t chan) const { return chan != nil_chan_id && m_impl->chans[chan].closed; }

SelectCase Machine::select_case(Gid gid, uint32_t index) const {
    const Goroutine& g = m_impl->gs[gid];
    const SelectShape& shape = m_module->selects[g.pinstr.a];
    uint32_t at = g.pcell;
    for (uint32_t i = 0; i < index; i++) at += 1 + (shape.cases[i].kind == OpKind::ChanSend ? shape.cases[i].elem_slots : 0);
    SelectCase c;
    c.kind = shape.cases[index].kind;
    Cell ch = g.stack[at].p.a;
    c.nil_chan = ch == 0;
    c.chan = ch == 0 ? nil_chan_id : ch - 1;
    return c;
}

bool Machine::select_has_default(Gid g) const { return m_module->selects[m_impl->gs[g].pinstr.a].has_default; }

const Site& Machine::site(uint32_t index) const { return m_module->sites[index]; }

bool Machine::is_timer(Gid gid) const { return m_impl->gs[gid].timer; }

GoroutineInfo Machine::goroutine_info(Gid gid) const {
    const Goroutine& g = m_impl->gs[gid];
    GoroutineInfo info;
    info.name = gid == 0 ? m_module->main_name : g.name;
    info.created_at = g.created_at;
    info.has_creator = gid != 0;
    info.parent = g.parent;
    return info;
}

namespace {
// A sync object's cells are the VM's own state (`{4294967297}`): a value holding one
// (directly, in a field or array element, or behind the pointer a trace prints as
// &{...}) is left out of traces rather than shown.
bool holds_sync_state(const Module& m, uint32_t type, int depth = 0) {
    const RType& t = m.types[type];
    if (t.special != RSpecial::None) return t.special <= RSpecial::AtomicValue;
    switch (t.kind) {
    case RKind::Struct:
        for (const RField& f : t.fields)
            if (holds_sync_state(m, f.type, depth + 1)) return true;
        return false;
    case RKind::Array: return holds_sync_state(m, t.elem, depth + 1);
    case RKind::Pointer: return depth == 0 && holds_sync_state(m, t.elem, depth + 1);
    default: return false;
    }
}
}  // namespace

std::string Machine::last_value_text(Gid gid) const {
    const Goroutine& g = m_impl->gs[gid];
    if (g.last_type == 0) return "";
    if (holds_sync_state(m_impl->M, g.last_type)) return "";
    std::string out;
    struct RenderOnly {
        bool& flag;
        explicit RenderOnly(bool& f) : flag(f) { flag = true; }
        ~RenderOnly() { flag = false; }
    } guard(m_impl->render_only);
    m_impl->format_value(out, &g.last_value, g.last_type, 'v', false, false);
    return out;
}

int Machine::exit_status() const { return m_impl->exit_status; }

std::string Machine::panic_message(Gid g) const { return m_impl->gs[g].panic_text; }
bool Machine::panic_is_fatal(Gid g) const { return m_impl->gs[g].fatal; }

std::string Machine::test_failure(uint32_t& site) const {
    const auto& tests = m_impl->tests;
    if (tests.size() < 2 || !tests[1].failed) return {};
    site = tests[1].fail_site;
    return tests[1].report.empty() ? "--- FAIL: " + tests[1].name + " (0.00s)\n" + tests[1].output : tests[1].report;
}

// ---------------------------------------------------------------------------------------

void Machine::Impl::reset() {
    heap.clear();
    heap.resize(1 + M.global_cells);
    strings.clear();
    reset_library();
    map_count = 0;
    chan_count = 0;
    for (auto& p : pools) p.clear();
    next_sync_id = 0;
    sync_origins.clear();
    clock = 0;
    rand_seed = 1;
    seeded_draws = 0;
    nested = 0;
    output().clear();
    self.m_streams.clear();
    stderr_bytes = 0;
    stderr_truncated = false;
    exit_status = 0;
    output_truncated = false;
    tests.clear();
    goroutine_count() = 0;
    Gid g = new_goroutine(M.start_function, FrameKind::Top);
    gs[g].state = GoroutineState::Pending;
    run(g);
}

void Machine::Impl::log_stream(bool to_stderr, std::string_view text) {
    if (!limits.keep_streams || text.empty()) return;
    auto& chunks = self.m_streams;
    if (chunks.empty() || chunks.back().to_stderr != to_stderr) chunks.push_back(StreamChunk{to_stderr, {}});
    chunks.back().text.append(text);
}

void Machine::Impl::append_stderr(std::string_view text) {
    // Bounded as stdout is: a program printing forever must not fill lockstep's memory.
    if (stderr_truncated || !limits.keep_streams) return;
    size_t room = limits.max_output_bytes > stderr_bytes ? limits.max_output_bytes - stderr_bytes : 0;
    std::string_view keep = text.substr(0, std::min(room, text.size()));
    stderr_bytes += keep.size();
    log_stream(true, keep);
    if (keep.size() < text.size()) {
        log_stream(true, "\n[lockstep: stderr truncated after " + std::to_string(limits.max_output_bytes) + " bytes]\n");
        stderr_truncated = true;
    }
}

void Machine::Impl::append_output(std::string_view text) {
    if (output_truncated) return;
    std::string& o = output();
    size_t room = limits.max_output_bytes > o.size() ? limits.max_output_bytes - o.size() : 0;
    if (text.size() <= room) {
        o.append(text);
        log_stream(false, text);
        return;
    }
    log_stream(false, text.substr(0, room));
    // Cut, and say so once: a silent cut reads as a program that stopped printing.
    o.append(text.substr(0, room));
    std::string marker = "\n[lockstep: output truncated after " + std::to_string(limits.max_output_bytes) + " bytes]\n";
    o += marker;
    log_stream(false, marker);
    output_truncated = true;
}

// Takes the next goroutine slot and resets it for a new goroutine; may move `gs`.
Gid Machine::Impl::fresh_goroutine() {
    Gid id = goroutine_count()++;
    if (gs.size() <= id) gs.emplace_back();
    Goroutine& g = gs[id];
    if (g.stack.size() < 1024) g.stack.resize(1024);
    g.sp = 0;
    g.frames.clear();
    g.defers.clear();
    g.defer_args.clear();
    g.state = GoroutineState::Pending;
    g.op = Operation{};
    g.pend = Pend::None;
    g.panicking = g.recovered = g.fatal = false;
    g.goexiting = g.goexited = false;
    g.panic_value = Value{};
    g.panic_site = 0;
    g.outer_panics.clear();
    g.panic_text.clear();
    g.print_buf.clear();
    g.last_type = 0;
    g.name.clear();
    g.created_at = 0;
    g.parent = 0;
    g.delivered = false;
    g.announced = 0;
    g.timer = false;
    g.rand_draws = 0;
    g.loop_serial = g.loop_repeat = 0;
    g.resumes = 0;
    g.loop_marks.clear();
    return id;
}

Gid Machine::Impl::new_goroutine(uint32_t fn, FrameKind kind) {
    Gid id = fresh_goroutine();
    enter(gs[id], fn, 0, 0, kind);
    return id;
}

void Machine::Impl::resume(Gid gid, const Outcome& out) {
    LOCKSTEP_ASSERT(gid < goroutine_count() && gs[gid].state == GoroutineState::Pending,
                    "resume of a goroutine that is not paused");
    current = gid;
    ++gs[gid].resumes;
    if (perform(gid, out)) run(gid);
}

namespace {

int64_t narrow(int64_t v, RKind k) {
    switch (k) {
    case RKind::Int32: return static_cast<int32_t>(v);
    case RKind::Uint32: return static_cast<uint32_t>(v);
    default: return v;
    }
}

}  // namespace

// Takes the value a goroutine paused at a send (or a select with a send case) on `chan`
// offers, for an unbuffered rendezvous in which the receiver is resumed first.
static bool take_from_partner(Machine::Impl& m, Gid partner, uint32_t chan, Value* out, uint32_t slots) {
    if (partner >= m.goroutine_count()) return false;
    Goroutine& p = m.gs[partner];
    if (p.state != GoroutineState::Pending || p.delivered) return false;
    if (p.pend == Pend::Send && p.op.object == chan) {
        std::memcpy(out, &p.stack[p.sp - slots], sizeof(Value) * slots);
        p.delivered = true;
        return true;
    }
    if (p.pend == Pend::Select) {
        const SelectShape& shape = m.M.selects[p.pinstr.a];
        uint32_t at = p.pcell;
        for (const auto& c : shape.cases) {
            Cell ch = p.stack[at].p.a;
            if (c.kind == OpKind::ChanSend && ch != 0 && ch - 1 == chan) {
                std::memcpy(out, &p.stack[at + 1], sizeof(Value) * slots);
                p.delivered = true;
                return true;
            }
            at += 1 + (c.kind == OpKind::ChanSend ? c.elem_slots : 0);
        }
    }
    return false;
}

bool Machine::Impl::perform(Gid gid, const Outcome& out) {
    Goroutine& g = gs[gid];
    const Instr& in = g.pinstr;
    Pend pend = g.pend;
    g.pend = Pend::None;
    // Only the operations that read or write a value set it again: a Lock or a print
    // must not show the value of the load before it.
    g.last_type = 0;
    switch (pend) {
    case Pend::None:
    case Pend::NestedPanic:
    case Pend::Yield:
    case Pend::StepLimit:
    case Pend::Relock: return true;
    case Pend::Access:
        g.last_value = heap[g.pcell];
        g.last_type = 0;
        return true;
    case Pend::Panic:
    case Pend::Exit:
        g.state = GoroutineState::Done;
        g.frames.clear();
        return false;
    case Pend::Load: {
        ensure_stack(g, 1);
        Value v = heap[g.pcell + g.pidx];
        if (g.op.kind == OpKind::SyncCopy) {
            // The copy names the snapshot the checker just took, bound nowhere yet.
            v = Value{};
            v.p.a = static_cast<uint32_t>(g.op.arg) + 1;
        }
        g.stack[g.sp++] = v;
        g.last_value = v;
        g.last_type = in.n == 1 ? static_cast<uint32_t>(in.a) : 0;
        ++g.pidx;
        return !pause_load(g);
    }
    case Pend::Store: {
        Value v = g.stack[g.sp - in.n + g.pidx];
        heap[g.pcell + g.pidx] = v;
        g.last_value = v;
        g.last_type = in.n == 1 ? static_cast<uint32_t>(in.a) : 0;
        if (++g.pidx < in.n) {
            pause(g, OpKind::Store, g.pcell + g.pidx, static_cast<uint32_t>(in.b), Pend::Store);
            return false;
        }
        g.sp -= in.n + 1;
        return true;
    }
    case Pend::Sync: {
        OpKind k = static_cast<OpKind>(in.k);
        if (k == OpKind::TryLock || k == OpKind::TryRLock || k == OpKind::OnceEnter) {
            ensure_stack(g, 1);
            g.stack[g.sp++] = Value::of_bool(out.value != 0);
        }
        return true;
    }
    case Pend::CondWait:
        // Cond.Wait re-acquires its Locker before returning: a second visible operation.
        pause(g, (g.parg >> 32) & 1 ? OpKind::RLock : OpKind::Lock, static_cast<uint32_t>(g.parg), g.op.site, Pend::Relock);
        return false;
    case Pend::Atomic: {
        AtomicOp op = static_cast<AtomicOp>(in.k);
        RKind kind = static_cast<RKind>(in.a);
        Value* s = g.stack.data();
        uint32_t nargs = op == AtomicOp::Load ? 0 : op == AtomicOp::CompareAndSwap ? 2 : 1;
        Value& cell = heap[g.pcell];
        Value result{};
        // atomic.Value keeps the type of its first stored value.
        if (kind == RKind::Interface && op != AtomicOp::Load && cell.c != 0 && cell.c != s[g.sp - 1].c) {
            g.sp -= nargs + 1;
            string_panic(g, op == AtomicOp::Store ? "sync/atomic: store of inconsistently typed value into Value"
                            : op == AtomicOp::Swap ? "sync/atomic: swap of inconsistently typed value into Value"
                                                   : "sync/atomic: compare and swap of inconsistently typed value into Value");
            return true;
        }
        switch (op) {
        case AtomicOp::Load: result = cell; break;
        case AtomicOp::Store: cell = s[g.sp - 1]; break;
        case AtomicOp::Add:
            cell = Value::of_int(narrow(static_cast<int64_t>(cell.u + s[g.sp - 1].u), kind));
            result = cell;
            break;
        case AtomicOp::Swap:
            result = cell;
            cell = s[g.sp - 1];
            break;
        case AtomicOp::CompareAndSwap: {
            bool eq = kind == RKind::Interface ? (cell.c == s[g.sp - 2].c && cell.u == s[g.sp - 2].u) : cell.u == s[g.sp - 2].u;
            if (eq) cell = s[g.sp - 1];
            result = Value::of_bool(eq);
            break;
        }
        }
        g.last_value = op == AtomicOp::Store ? cell : result;
        g.last_type = kind == RKind::Bool ? rt::boolean : kind == RKind::Interface ? 0 : rt::int64;
        g.sp -= nargs + 1;
        if (op != AtomicOp::Store && !(op == AtomicOp::Add && in.n == 1)) g.stack[g.sp++] = result;  // a dropped Add pushes nothing
        return true;
    }
    case Pend::TimerNew:
    case Pend::TimerFire:
    case Pend::TimerCtl: return perform_timer(gid, pend, out);
    case Pend::Rand: return perform_rand(g, out);
    case Pend::Go: {
        if (goroutine_count() >= limits.max_goroutines) {
            // Not a Go error: Go would start it. Reported at the go statement.
            fatal(g,
                  "lockstep bound: too many goroutines, this go statement would start more than " +
                      std::to_string(limits.max_goroutines) + " (raise with //lockstep:bound goroutines=N)",
                  static_cast<uint32_t>(in.b));
            return false;
        }
        Frame parent = g.frames.back();
        // Copy what we need from g before growing gs: emplace_back may move every
        // goroutine, and `in` and `g` point into the old storage.
        const Instr go_instr = in;
        uint32_t n = go_instr.n;
        Gid child = fresh_goroutine();
        Goroutine& p = gs[gid];  // gs may have moved
        Goroutine& c = gs[child];
        c.name = go_instr.b >= 0 && static_cast<size_t>(go_instr.b) < M.go_names.size() ? M.go_names[go_instr.b] : std::string();
        c.created_at = static_cast<uint32_t>(go_instr.b);
        c.parent = gid;
        const Function& f = M.functions[parent.fn];
        ensure_stack(c, f.frame_slots + n);
        for (uint32_t i = 0; i < f.frame_slots; i++) c.stack[i] = Value{};
        std::memcpy(&c.stack[f.frame_slots], &p.stack[p.sp - n], sizeof(Value) * n);
        c.sp = f.frame_slots + n;
        p.sp -= n;
        Frame fr;
        fr.fn = parent.fn;
        fr.pc = static_cast<uint32_t>(go_instr.a);
        fr.bp = 0;
        fr.env = parent.env;
        fr.kind = FrameKind::Top;
        c.frames.push_back(fr);
        if (limits.quiet_memory) {
            // Plain loads and stores are invisible in a plain run: running the child to its
            // first visible operation now would read shared variables at creation time. Go
            // starts it later (after its parent moves on), so it waits at a scheduling point.
            pause(c, OpKind::Yield, 0, static_cast<uint32_t>(go_instr.b < 0 ? 0 : go_instr.b), Pend::Yield);
        } else {
            run(child);
        }
        current = gid;
        return true;
    }
    case Pend::Print: {
        if (g.print_to_stderr) append_stderr(g.print_buf);
        else append_output(g.print_buf);
        g.print_to_stderr = false;
        g.print_buf.clear();
        return true;
    }
    case Pend::MapIndex:
    case Pend::MapStore:
    case Pend::MapDelete:
    case Pend::MapLen:
    case Pend::MapNext: {
        MapObj& m = maps[heap[g.pcell].u];
        uint32_t ks = m.kslots, vs = m.vslots;
        Value* s = g.stack.data();
        if (pend == Pend::MapLen) {
            g.stack[g.sp - 1] = Value::of_int(m.count);
            return true;
        }
        if (pend == Pend::MapNext) {
            size_t i = static_cast<size_t>(s[g.sp - 1].i);
            while (i < m.live.size() && !m.live[i]) i++;
            g.sp -= 2;
            ensure_stack(g, ks + vs + 2);
            s = g.stack.data();
            if (i < m.live.size()) {
                std::memcpy(s + g.sp, &m.keys[i * ks], sizeof(Value) * ks);
                std::memcpy(s + g.sp + ks, &m.vals[i * vs], sizeof(Value) * vs);
                g.sp += ks + vs;
                s[g.sp++] = Value::of_int(static_cast<int64_t>(i + 1));
                s[g.sp++] = Value::of_bool(true);
            } else {
                for (uint32_t j = 0; j < ks + vs + 1; j++) s[g.sp++] = Value{};
                s[g.sp++] = Value::of_bool(false);
            }
            return true;
        }
        if (pend == Pend::MapStore) {
            const Value* key = s + g.sp - vs - ks;
            int64_t i = map_find(m, key);
            if (i < 0) {
                m.keys.insert(m.keys.end(), key, key + ks);
                m.vals.insert(m.vals.end(), key + ks, key + ks + vs);
                m.live.push_back(1);
                m.count++;
                map_index_last(m);
            } else {
                std::memcpy(&m.vals[i * vs], key + ks, sizeof(Value) * vs);
            }
            g.sp -= ks + vs + 1;
            return true;
        }
        const Value* key = s + g.sp - ks;
        int64_t i = map_find(m, key);
        if (pend == Pend::MapDelete) {
            if (i >= 0) {
                m.live[i] = 0;
                m.count--;
            }
            g.sp -= ks + 1;
            return true;
        }
        g.sp -= ks + 1;
        ensure_stack(g, vs + 1);
        s = g.stack.data();
        if (i >= 0) std::memcpy(s + g.sp, &m.vals[i * vs], sizeof(Value) * vs);
        else for (uint32_t j = 0; j < vs; j++) s[g.sp + j] = Value{};
        if (vs == 1) {
            g.last_value = s[g.sp];
            g.last_type = M.types[m.type].elem;
        }
        g.sp += vs;
        if (in.k) s[g.sp++] = Value::of_bool(i >= 0);
        return true;
    }
    case Pend::Send: {
        ChanObj& c = chans[g.op.object];
        uint32_t n = in.n;
        if (c.closed) {
            g.sp -= n + 1;
            runtime_panic(g, "send on closed channel");
            return true;
        }
        if (!g.delivered) {
            c.buf.insert(c.buf.end(), g.stack.data() + g.sp - n, g.stack.data() + g.sp);
            ++c.values;
        }
        g.delivered = false;
        g.sp -= n + 1;
        return true;
    }
    case Pend::Recv: {
        ChanObj& c = chans[g.op.object];
        uint32_t n = in.n;
        g.sp -= 1;
        ensure_stack(g, n + 1);
        Value* s = g.stack.data() + g.sp;
        bool ok = true;
        if (c.count() > 0) {
            if (n > 0) std::memcpy(s, c.buf.data() + c.head, sizeof(Value) * n);  // chan struct{}: n == 0
            c.head += n;
            --c.values;
            if (c.fire_at > clock) clock = c.fire_at;
            if (c.head == c.buf.size()) { c.buf.clear(); c.head = 0; }
        } else if (take_from_partner(*this, out.partner, g.op.object, s, n)) {
        } else {
            LOCKSTEP_ASSERT(c.closed, "receive resumed on an empty open channel without a sender");
            for (uint32_t i = 0; i < n; i++) s[i] = Value{};
            ok = false;
        }
        if (n == 1) { g.last_value = s[0]; g.last_type = c.elem; }
        g.sp += n;
        if (in.k) g.stack[g.sp++] = Value::of_bool(ok);
        return true;
    }
    case Pend::Close: {
        ChanObj& c = chans[g.op.object];
        g.sp -= 1;
        if (c.closed) {
            runtime_panic(g, "close of closed channel");
            return true;
        }
        c.closed = true;
        return true;
    }
    case Pend::Select: {
        const SelectShape& shape = M.selects[in.a];
        int64_t idx = out.value;
        uint32_t rs = shape.recv_slots;
        Value tmp[64] = {};
        bool ok = false;
        uint32_t at = g.pcell;
        uint32_t sent_on = 0;
        bool send = false, panic_closed = false;
        for (int64_t i = 0; i < static_cast<int64_t>(shape.cases.size()); i++) {
            const auto& sc = shape.cases[i];
            if (i == idx) {
                Cell ch = g.stack[at].p.a;
                LOCKSTEP_ASSERT(ch != 0, "select case on a nil channel chosen");
                ChanObj& c = chans[ch - 1];
                if (sc.kind == OpKind::ChanSend) {
                    send = true;
                    sent_on = ch - 1;
                    if (c.closed) panic_closed = true;
                    else if (!g.delivered) {
                        c.buf.insert(c.buf.end(), g.stack.data() + at + 1, g.stack.data() + at + 1 + sc.elem_slots);
                        ++c.values;
                    }
                } else {
                    uint32_t n = sc.elem_slots;
                    ok = true;
                    if (c.count() > 0) {
                        if (n > 0) std::memcpy(tmp, c.buf.data() + c.head, sizeof(Value) * n);
                        c.head += n;
                        --c.values;
                        if (c.fire_at > clock) clock = c.fire_at;
                        if (c.head == c.buf.size()) { c.buf.clear(); c.head = 0; }
                    } else if (take_from_partner(*this, out.partner, ch - 1, tmp, n)) {
                    } else {
                        LOCKSTEP_ASSERT(c.closed, "select receive chosen on an empty open channel");
                        ok = false;
                    }
                }
            }
            at += 1 + (sc.kind == OpKind::ChanSend ? sc.elem_slots : 0);
        }
        (void)send;
        (void)sent_on;
        g.delivered = false;
        g.sp = g.pcell;
        if (panic_closed) {
            runtime_panic(g, "send on closed channel");
            return true;
        }
        ensure_stack(g, rs + 2);
        std::memcpy(&g.stack[g.sp], tmp, sizeof(Value) * rs);
        g.sp += rs;
        g.stack[g.sp++] = Value::of_bool(ok);
        g.stack[g.sp++] = Value::of_int(idx);
        return true;
    }
    case Pend::PoolGet: {
        uint32_t id = static_cast<uint32_t>(g.parg);
        Cell pool = g.pcell;
        if (pools.size() <= id) pools.resize(id + 1);
        auto& items = pools[id];
        ensure_stack(g, 1);
        if (out.value >= 0 && static_cast<size_t>(out.value) < items.size()) {
            Value v = items[out.value];
            items.erase(items.begin() + out.value);
            g.stack[g.sp++] = v;
            return true;
        }
        Value fn = heap[pool + 1];
        if (fn.p.a == 0) {
            g.stack[g.sp++] = Value{};
            return true;
        }
        call_value(g, fn, 0);
        return true;
    }
    case Pend::SyncMap: {
        // The handle cell holds the map's header cell once the Map is first used.
        Cell handle = g.pcell;
        if (heap[handle].u == 0) {
            Cell h = alloc(1);
            if (h == 0) return false;
            if (map_count == maps.size()) maps.emplace_back();
            MapObj& nm = maps[map_count];
            nm.clear();
            nm.type = rt::any_map;
            nm.kslots = nm.vslots = 1;
            heap[h].u = map_count++;
            heap[handle].u = h;
        }
        MapObj& m = maps[heap[heap[handle].u].u];
        NativeId id = static_cast<NativeId>(in.a);
        uint32_t base = g.sp - in.n;
        Value key = g.stack[base + 1];
        Value val = in.n > 2 ? g.stack[base + 2] : Value{};
        int64_t i = map_find(m, &key);
        Value found = i >= 0 ? m.vals[i] : Value{};
        g.sp = base;
        ensure_stack(g, 2);
        auto push = [&](Value v) { g.stack[g.sp++] = v; };
        switch (id) {
        case NativeId::SyncMapLoad: push(found); push(Value::of_bool(i >= 0)); break;
        case NativeId::SyncMapStore:
        case NativeId::SyncMapLoadOrStore:
            if (i >= 0 && id == NativeId::SyncMapStore) m.vals[i] = val;
            if (i < 0) {
                m.keys.push_back(key);
                m.vals.push_back(val);
                m.live.push_back(1);
                m.count++;
                map_index_last(m);
            }
            if (id == NativeId::SyncMapLoadOrStore) {
                push(i >= 0 ? found : val);
                push(Value::of_bool(i >= 0));
            }
            break;
        case NativeId::SyncMapLoadAndDelete:
        case NativeId::SyncMapDelete:
            if (i >= 0) {
                m.live[i] = 0;
                m.count--;
            }
            if (id == NativeId::SyncMapLoadAndDelete) {
                push(found);
                push(Value::of_bool(i >= 0));
            }
            break;
        default: break;
        }
        return true;
    }
    case Pend::Test: return perform_test(gid);
    case Pend::SyncMapNext: perform_sync_map_next(g); return true;
    case Pend::PoolPut: {
        uint32_t id = static_cast<uint32_t>(g.parg);
        if (pools.size() <= id) pools.resize(id + 1);
        Value v = g.stack[--g.sp];
        if (v.c != 0) pools[id].push_back(v);
        return true;
    }
    }
    return true;
}

}  // namespace lockstep::vm
