// The dispatch loop: runs one goroutine's bytecode until its next visible operation, and
// the panic machinery (deferred snippets, recover, unwinding) it shares with resume().
#include <cmath>
#include <cstring>

#include "lang/assert.hpp"
#include "vm/machine_state.hpp"
#include "vm/slice_growth.hpp"
#include "vm/utf8.hpp"

namespace lockstep::vm {

namespace {

// The access a strings.Builder / bytes.Buffer method makes to its receiver's state, or
// OpKind::Exit for a native that is not one of them.
OpKind buffer_access(NativeId id) {
    switch (id) {
    case NativeId::BuilderString:
    case NativeId::BuilderLen:
    case NativeId::BufferString:
    case NativeId::BufferLen: return OpKind::Load;
    case NativeId::BuilderWriteString:
    case NativeId::BuilderWriteByte:
    case NativeId::BuilderWriteRune:
    case NativeId::BuilderReset:
    case NativeId::BuilderGrow:
    case NativeId::BufferWriteString:
    case NativeId::BufferWriteByte:
    case NativeId::BufferWriteRune:
    case NativeId::BufferReset:
    case NativeId::BufferWrite:
    case NativeId::BuilderWrite: return OpKind::Store;
    default: return OpKind::Exit;
    }
}

// The one visible access a library function makes to its first operand, a slice (sorting
// writes it, searching and decoding read it), as bulk instructions announce theirs; or
// OpKind::Exit for a native that has none.
OpKind slice_access(NativeId id) {
    switch (id) {
    case NativeId::SortInts:
    case NativeId::SortStrings:
    case NativeId::SortFloat64s:
    case NativeId::Utf8EncodeRune: return OpKind::Store;
    case NativeId::SortIntsAreSorted:
    case NativeId::SortStringsAreSorted:
    case NativeId::SortSearchInts:
    case NativeId::SortSearchStrings:
    case NativeId::Utf8RuneCount:
    case NativeId::Utf8DecodeRune:
    case NativeId::Utf8Valid: return OpKind::Load;
    default: return OpKind::Exit;
    }
}

constexpr uint32_t stack_headroom = 256;

int64_t wrap(int64_t v, RKind k) {
    switch (k) {
    case RKind::Int8: return static_cast<int8_t>(v);
    case RKind::Int16: return static_cast<int16_t>(v);
    case RKind::Int32: return static_cast<int32_t>(v);
    case RKind::Uint8: return static_cast<uint8_t>(v);
    case RKind::Uint16: return static_cast<uint16_t>(v);
    case RKind::Uint32: return static_cast<uint32_t>(v);
    default: return v;
    }
}

std::string index_error(int64_t i, int64_t len) {
    return "runtime error: index out of range [" + std::to_string(i) + "] with length " + std::to_string(len);
}

// Budget granted per frame deeper than any before in one resume: above the instructions
// a recursive call costs (arguments, call, the frame's set-up).
constexpr uint64_t instructions_per_new_frame = 64;

// Go code the VM runs for itself (String()/Error() under fmt) may call fmt again: the only
// place a Go call recurses on the C++ stack, so its depth has its own, small bound.
constexpr int max_nested_depth = 200;

constexpr std::string_view nil_deref = "runtime error: invalid memory address or nil pointer dereference";

}  // namespace

void Machine::Impl::ensure_stack(Goroutine& g, uint32_t extra) {
    size_t need = size_t(g.sp) + extra + stack_headroom;
    if (need > g.stack.size()) g.stack.resize(std::max(need, g.stack.size() * 2));
}

Cell Machine::Impl::alloc(uint32_t n) {
    Cell c = static_cast<Cell>(heap.size());
    if (heap.size() + n > limits.max_heap_cells) {
        // Not Go's "out of memory": Go would run this; lockstep's heap model is smaller.
        Goroutine& g = gs[current];
        fatal(g,
              "lockstep bound: the program allocates more than " + std::to_string(limits.max_heap_cells) +
                  " heap cells (max_heap_cells), more than lockstep can model",
              current_site(g));
        return 0;
    }
    heap.resize(heap.size() + n);  // value-initialized: zero
    return c;
}

uint32_t Machine::Impl::sync_id(Cell handle) {
    // The handle holds a = id + 1 and b = the cell the id was given in. Found in another
    // cell, it is a copy of a used sync object (struct assignment, value receiver, range
    // variable...): in Go the copy is an independent object, so it gets a fresh id. Its
    // state starts unlocked/empty, as docs/semantics.md says (go vet's copylocks flags
    // such copies anyway).
    // A handle with b = 0 names the snapshot a SyncCopy took (vm/sync_copy.cpp): the new
    // object starts from it.
    Value& h = heap[handle];
    if (h.p.a == 0 || h.p.b != handle) {
        uint32_t origin = h.p.a != 0 && h.p.b == 0 ? h.p.a - 1 : UINT32_MAX;
        h = Value{};
        h.p.a = ++next_sync_id;
        h.p.b = handle;
        if (origin != UINT32_MAX) {
            if (sync_origins.size() < next_sync_id) sync_origins.resize(next_sync_id, UINT32_MAX);
            sync_origins[next_sync_id - 1] = origin;
        }
    }
    return h.p.a - 1;
}

Value Machine::Impl::make_string(std::string_view s) {
    if (s.empty()) return Value{};
    // s may point into the arena itself: reserve first, then copy from the (moved) source.
    size_t off_in_arena = SIZE_MAX;
    if (!strings.empty() && s.data() >= strings.data() && s.data() < strings.data() + strings.size())
        off_in_arena = static_cast<size_t>(s.data() - strings.data());
    strings.reserve(strings.size() + s.size());
    if (off_in_arena != SIZE_MAX) s = std::string_view(strings).substr(off_in_arena, s.size());
    Value v = Value::of_pair(static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(s.size()));
    strings.append(s.data(), s.size());
    return v;
}

Value Machine::Impl::make_error(std::string_view msg, Value wrapped) {
    Value m = make_string(msg);
    Cell c = alloc(2);
    if (c == 0) return Value{};
    heap[c] = m;
    heap[c + 1] = wrapped;
    Value e = Value::of_ptr(c);
    e.c = rt::error_string;
    return e;
}

Value Machine::Impl::box(const Value* v, uint32_t type) {
    const RType& t = M.types[type];
    if (!t.boxed_in_interface()) {
        Value r = v[0];
        r.c = type;
        return r;
    }
    Cell c = alloc(t.slots);
    if (c == 0) return Value{};
    std::memcpy(&heap[c], v, sizeof(Value) * t.slots);
    Value r = Value::of_ptr(c);
    r.c = type;
    return r;
}

const RMethod* Machine::Impl::find_method(uint32_t type, uint32_t name) const {
    for (const RMethod& m : M.types[type].methods)
        if (m.name == name) return &m;
    return nullptr;
}

bool Machine::Impl::implements(uint32_t type, uint32_t iface) const {
    for (uint32_t name : M.types[iface].iface_methods)
        if (!find_method(type, name)) return false;
    return true;
}

// Whether == is defined on values of a type: not on slices, maps and funcs, nor on
// structs and arrays holding one (comparing such values in interfaces panics).
bool Machine::Impl::comparable_type(uint32_t type) const {
    const RType& t = M.types[type];
    switch (t.kind) {
    case RKind::Slice: case RKind::Map: case RKind::Func: return false;
    case RKind::Struct:
        for (const RField& f : t.fields)
            if (!comparable_type(f.type)) return false;
        return true;
    case RKind::Array: return comparable_type(t.elem);
    default: return true;
    }
}

bool Machine::Impl::equal(const Value* x, const Value* y, uint32_t type, Goroutine* g) {
    const RType& t = M.types[type];
    switch (t.kind) {
    case RKind::String: return str(*x) == str(*y);
    case RKind::Float32:
    case RKind::Float64: return x->f == y->f;
    case RKind::Interface: {
        if (x->c != y->c) return false;
        if (x->c == 0) return true;
        const RType& d = M.types[x->c];
        if (!comparable_type(x->c)) {
            if (g) runtime_panic(*g, "runtime error: comparing uncomparable type " + d.name);
            return false;
        }
        if (d.boxed_in_interface()) return equal(&heap[x->p.a], &heap[y->p.a], x->c, g);
        Value a = *x, b = *y;
        a.c = b.c = 0;
        return equal(&a, &b, x->c, g);
    }
    case RKind::Complex64:
    case RKind::Complex128:
    case RKind::Struct:
        for (const RField& f : t.fields)
            if (!equal(x + f.offset, y + f.offset, f.type, g)) return false;
        return true;
    case RKind::Array: {
        uint32_t es = M.types[t.elem].slots;
        for (uint32_t i = 0; i < t.len; i++)
            if (!equal(x + i * es, y + i * es, t.elem, g)) return false;
        return true;
    }
    case RKind::Pointer:
    case RKind::Map:
    case RKind::Chan:
    case RKind::Func: return x->p.a == y->p.a;
    default: return x->u == y->u;
    }
}

void Machine::Impl::pause(Goroutine& g, OpKind kind, uint32_t object, uint32_t site, Pend pend, int64_t arg) {
    // A fatal error inside code the VM ran for itself (fmt calling String()) ends the
    // goroutine; the native that called it must not turn that into its own operation.
    if (g.pend == Pend::Panic) return;
    g.op.kind = kind;
    g.op.object = object;
    g.op.site = site;
    g.op.arg = arg;
    g.pend = pend;
    g.state = GoroutineState::Pending;
}

void Machine::Impl::enter(Goroutine& g, uint32_t fn, uint32_t env, uint32_t arg_slots, FrameKind kind) {
    const Function& f = M.functions[fn];
    if (g.frames.size() >= limits.max_call_depth) {
        // Go prints "runtime: goroutine stack exceeds 1000000000-byte limit" on a line of
        // its own, then "fatal error: stack overflow": the report's headline is the latter.
        fatal(g, "stack overflow", current_site(g));
        return;
    }
    uint32_t bp = g.sp - arg_slots;
    ensure_stack(g, f.frame_slots);
    for (uint32_t i = g.sp; i < bp + f.frame_slots; i++) g.stack[i] = Value{};
    g.sp = bp + f.frame_slots;
    bool deferred = !g.frames.empty() && g.frames.back().snippet != SnippetMode::None;
    Frame fr;
    fr.fn = fn;
    fr.pc = 0;
    fr.bp = bp;
    fr.env = env;
    fr.defer_base = static_cast<uint32_t>(g.defers.size());
    fr.kind = kind;
    fr.deferred_call = deferred;
    g.frames.push_back(fr);
}

void Machine::Impl::call_value(Goroutine& g, Value f, uint32_t n) {
    if (f.p.a == 0) {
        runtime_panic(g, nil_deref);
        return;
    }
    uint32_t fn = f.p.a - 1;
    if (f.c == 1) {  // bound method: the receiver's slots live in the environment cells
        uint32_t r = M.functions[fn].param_slots - n;
        ensure_stack(g, r);
        Value* s = g.stack.data();
        std::memmove(s + g.sp - n + r, s + g.sp - n, sizeof(Value) * n);
        std::memcpy(s + g.sp - n, &heap[f.p.b], sizeof(Value) * r);
        g.sp += r;
        enter(g, fn, 0, n + r, FrameKind::Normal);
    } else {
        enter(g, fn, f.p.b, n, FrameKind::Normal);
    }
}

void Machine::Impl::runtime_panic(Goroutine& g, std::string_view msg) {
    Value m = make_string(msg);
    m.c = rt::runtime_error;
    start_panic(g, m);
}

void Machine::Impl::string_panic(Goroutine& g, std::string_view msg) {
    Value m = make_string(msg);
    m.c = rt::string;
    start_panic(g, m);
}

void Machine::Impl::fatal(Goroutine& g, std::string_view msg, uint32_t site) {
    g.fatal = true;
    g.panicking = true;
    g.panic_text = std::string(msg);
    g.frames.clear();
    pause(g, OpKind::Panic, 0, site, Pend::Panic);
}

uint32_t Machine::Impl::current_site(const Goroutine& g) const {
    // Frames without a table (Once.Do, wrappers) defer to their caller.
    for (size_t i = g.frames.size(); i-- > 0;) {
        const Frame& fr = g.frames[i];
        uint32_t s = M.functions[fr.fn].site_at(fr.pc ? fr.pc - 1 : 0);
        if (s != 0) return s;
    }
    return 0;
}

// The innermost frame running a deferred call for a panic or a Goexit.
uint32_t Machine::Impl::unwinding_frame(const Goroutine& g) {
    for (size_t i = g.frames.size(); i-- > 0;)
        if (g.frames[i].snippet == SnippetMode::Panic) return static_cast<uint32_t>(i);
    return 0;
}

void Machine::Impl::start_panic(Goroutine& g, Value iface) {
    ++panics_started;
    if (g.panicking && !g.fatal) {
        // A panic in a deferred call an earlier panic (or a Goexit) runs: the earlier one
        // stays on the chain.
        Goroutine::OuterPanic o{g.panic_value, g.panic_site, unwinding_frame(g), g.recovered, false};
        o.goexit = g.goexiting;
        g.outer_panics.push_back(o);
    } else if (!g.panicking) {
        g.outer_panics.clear();
    }
    g.panicking = true;
    g.goexiting = false;  // a panic in a deferred call replaces a Goexit
    g.recovered = false;
    g.panic_value = iface;
    g.panic_site = current_site(g);
    unwind(g);
}

// After a recovery: the earlier panic whose deferred call is still running (a panic
// recovered inside it) goes on; aborted ones are dropped, as Go's gorecover does. A
// Goexit the recovered panic interrupted goes on even when aborted (Go's gopanic returns
// to the Goexit's loop rather than bypass it).
static void resume_outer_panic(Goroutine& g) {
    if (g.outer_panics.empty() || !g.outer_panics.back().goexit)
        while (!g.outer_panics.empty() && g.outer_panics.back().aborted) g.outer_panics.pop_back();
    if (g.outer_panics.empty()) return;
    const Goroutine::OuterPanic o = g.outer_panics.back();
    g.outer_panics.pop_back();
    if (o.goexit) {
        g.panicking = g.goexiting = true;
        g.recovered = false;
        g.panic_value = Value{};
        return;
    }
    g.panicking = true;
    g.recovered = o.recovered;
    g.panic_value = o.value;
    g.panic_site = o.site;
}

// Runs the innermost pending deferred snippet of the panicking goroutine, or pops frames
// until one has one; with no frame left the goroutine pauses at Panic.
void Machine::Impl::unwind(Goroutine& g) {
    while (!g.frames.empty()) {
        Frame& fr = g.frames.back();
        for (auto& o : g.outer_panics)
            if (o.frame + 1 >= g.frames.size()) o.aborted = true;  // its deferred call is left
        if (fr.kind == FrameKind::Nested) {
            // A panic escaping a String()/Error() method fmt called: fmt recovers it and
            // prints "%!v(PANIC=String method: msg)"; run_nested reports it.
            nested_panic = panic_text(g.panic_value);
            g.sp = fr.bp;
            g.frames.pop_back();
            g.panicking = g.recovered = false;
            g.panic_value = Value{};
            resume_outer_panic(g);
            g.pend = Pend::NestedPanic;  // ends the nested run()
            return;
        }
        if (g.defers.size() > fr.defer_base) {
            DeferRec rec = g.defers.back();
            g.defers.pop_back();
            const Function& f = M.functions[fr.fn];
            g.sp = fr.bp + f.frame_slots;
            ensure_stack(g, rec.nargs);
            if (rec.nargs) std::memcpy(g.stack.data() + g.sp, g.defer_args.data() + rec.args, sizeof(Value) * rec.nargs);
            g.sp += rec.nargs;
            g.defer_args.resize(rec.args);
            fr.snippet = SnippetMode::Panic;
            fr.pc = rec.pc;
            return;
        }
        g.sp = fr.bp;
        g.frames.pop_back();
        if (g.goexiting && !g.frames.empty() && M.functions[g.frames.back().fn].test_runner) {
            // runtime.Goexit ends the test's goroutine; lockstep runs the test function
            // on the runner's goroutine, so the runner carries on (vm/natives_testing.cpp).
            g.panicking = g.goexiting = false;
            g.goexited = true;
            return;
        }
    }
    if (g.goexiting) {  // runtime.Goexit: the goroutine ends once its deferred calls ran
        g.panicking = g.goexiting = false;
        g.state = GoroutineState::Done;
        return;
    }
    g.panic_text.clear();
    for (const auto& o : g.outer_panics)
        if (!o.goexit) g.panic_text += panic_text(o.value) + (o.recovered ? " [recovered]" : "") + "\n\tpanic: ";
    g.panic_text += panic_text(g.panic_value);
    pause(g, OpKind::Panic, 0, g.panic_site, Pend::Panic);
}

bool Machine::Impl::run_nested(Gid gid, Value f, uint32_t arg_slots) {
    Goroutine& g = gs[gid];
    size_t depth = g.frames.size();
    if (g.pend == Pend::Panic) return false;  // a fatal error already ended the goroutine
    if (nested >= max_nested_depth) {
        // Each level is a C++ recursion (fmt calling String() calling fmt...): stop it
        // long before the C++ stack runs out, as Go's stack would.
        fatal(g, "stack overflow", current_site(g));
        return false;
    }
    nested++;
    call_value(g, f, arg_slots);
    if (g.frames.size() == depth + 1) {
        g.frames.back().kind = FrameKind::Nested;
        run(gid);
    }
    nested--;
    if (g.pend == Pend::NestedPanic) {
        g.pend = Pend::None;
        return false;
    }
    return g.frames.size() == depth && g.pend == Pend::None;
}

void Machine::Impl::run(Gid gid) {
    Goroutine& g = gs[gid];
    current = gid;
    uint64_t budget = limits.max_instructions_per_resume;
    // A recursion growing to a new depth is not a spinning loop: each new frame extends the
    // budget, so a runaway recursion ends as a stack overflow (max_call_depth) and a deep
    // one Go runs is not cut short as a livelock.
    size_t deepest = g.frames.size();
    g.pend = Pend::None;

reload:
    if (g.frames.empty() || g.pend != Pend::None) return;
    if (g.frames.size() > deepest) {
        budget += instructions_per_new_frame * (g.frames.size() - deepest);
        deepest = g.frames.size();
    }
    {
        Frame* fr = &g.frames.back();
        const Function* fn = &M.functions[fr->fn];
        const Instr* code = fn->code.data();
        uint32_t pc = fr->pc;
        uint32_t bp = fr->bp;
        Value* S = g.stack.data();
        uint32_t sp = g.sp;
        ensure_stack(g, 0);
        S = g.stack.data();

#define SAVE() (fr->pc = pc, g.sp = sp)
#define RELOAD() \
    do { SAVE(); goto reload; } while (0)
// A bulk instruction (append, copy, []byte/string conversion) makes one visible access
// per operand slice, on its first element, rather than one per element: enough for the
// checker to see the race of two appends to a shared backing array, or of an append with
// a reader, at a cost independent of the length. Announcement `i` pauses before the
// instruction and re-executes it when resumed; g.announced counts those already made.
#define ANNOUNCE(i, kind, cell, site)                                     \
    do {                                                                 \
        if (!nested && !limits.quiet_memory && g.announced <= (i) && (cell) != 0) {              \
            fr->pc = pc - 1;                                             \
            g.sp = sp;                                                   \
            g.announced = (i) + 1;                                       \
            g.pcell = (cell);                                            \
            pause(g, kind, (cell), static_cast<uint32_t>(site), Pend::Access); \
            return;                                                      \
        }                                                                \
    } while (0)
#define PANIC_RT(msg) \
    do { SAVE(); runtime_panic(g, (msg)); goto reload; } while (0)
#define ROOM(n)                    \
    do {                           \
        if (sp + (n) + 16 > g.stack.size()) { \
            g.sp = sp;             \
            ensure_stack(g, (n) + 16); \
            S = g.stack.data();    \
        }                          \
    } while (0)

        for (;;) {
            if (budget-- == 0) [[unlikely]] {
                SAVE();
                if (limits.preempt && !nested) pause(g, OpKind::Yield, 0, current_site(g), Pend::Yield);
                else pause(g, OpKind::StepLimit, 0, current_site(g), Pend::StepLimit);
                return;
            }
            const Instr& in = code[pc++];
            switch (in.op) {
            case Opcode::Nop: break;
            case Opcode::Const: ROOM(1); S[sp++] = M.constants[in.a]; break;
            case Opcode::Int: ROOM(1); S[sp++] = Value::of_int(in.a); break;
            case Opcode::Zero:
                ROOM(in.n);
                for (uint32_t i = 0; i < in.n; i++) S[sp++] = Value{};
                break;
            case Opcode::Pop: sp -= in.n; break;
            case Opcode::Dup:
                ROOM(in.n);
                if (in.n == 1) S[sp] = S[sp - 1];  // the common case, without a memcpy call
                else std::memcpy(S + sp, S + sp - in.n, sizeof(Value) * in.n);
                sp += in.n;
                break;
            case Opcode::Pick:
                ROOM(in.n);
                if (in.n == 1) S[sp] = S[sp - in.a];
                else std::memmove(S + sp, S + sp - in.a, sizeof(Value) * in.n);
                sp += in.n;
                break;
            case Opcode::Extract: {
                uint32_t base = sp - in.b;
                std::memmove(S + base, S + base + in.a, sizeof(Value) * in.n);
                sp = base + in.n;
                break;
            }
            case Opcode::Rotate: {  // move top n below the a slots under them
                ROOM(in.n);
                uint32_t n = in.n, a = in.a;
                std::memcpy(S + sp, S + sp - n, sizeof(Value) * n);           // scratch copy above
                std::memmove(S + sp - n - a + n, S + sp - n - a, sizeof(Value) * a);
                std::memcpy(S + sp - n - a, S + sp, sizeof(Value) * n);
                break;
            }
            case Opcode::LoadLocal:
                ROOM(in.n);
                if (in.n == 1) S[sp] = S[bp + in.a];
                else std::memcpy(S + sp, S + bp + in.a, sizeof(Value) * in.n);
                sp += in.n;
                break;
            case Opcode::StoreLocal:
                sp -= in.n;
                if (in.n == 1) S[bp + in.a] = S[sp];
                else std::memmove(S + bp + in.a, S + sp, sizeof(Value) * in.n);
                break;
            case Opcode::LoadEnv: ROOM(1); S[sp++] = heap[fr->env + in.a]; break;
            case Opcode::AddrGlobal: ROOM(1); S[sp++] = Value::of_ptr(static_cast<Cell>(in.a)); break;
            case Opcode::Load: {
                Cell p = S[sp - 1].p.a;
                if (p == 0) PANIC_RT(nil_deref);
                sp--;
                // A zero-size value (struct{}) reads no cell: nothing to make visible. A
                // quiet run still makes a copy of a sync value visible (vm/sync_copy.cpp).
                bool quiet = nested || limits.quiet_memory || in.n == 0;
                if (quiet && (nested || in.n == 0 || !in.a || sync_cells_of(static_cast<uint32_t>(in.a)).empty() ||
                              M.types[static_cast<uint32_t>(in.a)].slots != in.n)) {
                    ROOM(in.n);
                    std::memcpy(S + sp, &heap[p], sizeof(Value) * in.n);
                    sp += in.n;
                    break;
                }
                SAVE();
                g.pinstr = in;
                g.pcell = p;
                g.pidx = 0;
                if (pause_load(g)) return;
                goto reload;
            }
            case Opcode::Store: {
                Cell p = S[sp - in.n - 1].p.a;
                if (p == 0) PANIC_RT(nil_deref);
                if (nested || limits.quiet_memory || in.n == 0) {
                    std::memcpy(&heap[p], S + sp - in.n, sizeof(Value) * in.n);
                    sp -= in.n + 1;
                    break;
                }
                SAVE();
                g.pinstr = in;
                g.pcell = p;
                g.pidx = 0;
                pause(g, OpKind::Store, p, static_cast<uint32_t>(in.b), Pend::Store);
                return;
            }
            case Opcode::Init: {
                Cell p = S[sp - in.n - 1].p.a;
                std::memcpy(&heap[p], S + sp - in.n, sizeof(Value) * in.n);
                sp -= in.n + 1;
                break;
            }
            case Opcode::Alloc: {
                SAVE();
                Cell c = alloc(in.n);
                if (c == 0 && in.n) goto reload;
                ROOM(1);
                S[sp++] = Value::of_ptr(c);
                break;
            }
            case Opcode::FieldAddr:
                if (S[sp - 1].p.a == 0) PANIC_RT(nil_deref);
                S[sp - 1].p.a += static_cast<uint32_t>(in.a);
                break;
            case Opcode::NilCheck:
                if (S[sp - 1].p.a == 0) PANIC_RT(nil_deref);
                break;
            case Opcode::IndexAddr: {
                int64_t i = S[sp - 1].i;
                Value s = S[sp - 2];
                if (i < 0 || i >= static_cast<int64_t>(s.p.b)) PANIC_RT(index_error(i, s.p.b));
                sp--;
                S[sp - 1] = Value::of_ptr(s.p.a + static_cast<uint32_t>(i) * in.n);
                break;
            }
            case Opcode::ArrayAddr: {
                int64_t i = S[sp - 1].i;
                Cell p = S[sp - 2].p.a;
                if (p == 0) PANIC_RT(nil_deref);
                if (i < 0 || i >= in.a) PANIC_RT(index_error(i, in.a));
                sp--;
                S[sp - 1] = Value::of_ptr(p + static_cast<uint32_t>(i) * in.n);
                break;
            }
#define BIN_INT(op, expr)                      \
    case Opcode::op: {                         \
        uint64_t y = S[sp - 1].u, x = S[sp - 2].u; \
        (void)x; (void)y;                      \
        sp--;                                  \
        S[sp - 1] = Value::of_int(static_cast<int64_t>(expr)); \
        break;                                 \
    }
            BIN_INT(Add, x + y)
            BIN_INT(Sub, x - y)
            BIN_INT(Mul, x * y)
            BIN_INT(And, x & y)
            BIN_INT(Or, x | y)
            BIN_INT(Xor, x ^ y)
            BIN_INT(AndNot, x & ~y)
            case Opcode::Div:
            case Opcode::Rem: {
                int64_t y = S[sp - 1].i, x = S[sp - 2].i;
                if (y == 0) PANIC_RT("runtime error: integer divide by zero");
                int64_t r;
                if (y == -1) r = in.op == Opcode::Div ? static_cast<int64_t>(0 - static_cast<uint64_t>(x)) : 0;
                else r = in.op == Opcode::Div ? x / y : x % y;
                sp--;
                S[sp - 1] = Value::of_int(r);
                break;
            }
            case Opcode::DivU:
            case Opcode::RemU: {
                uint64_t y = S[sp - 1].u, x = S[sp - 2].u;
                if (y == 0) PANIC_RT("runtime error: integer divide by zero");
                sp--;
                S[sp - 1] = Value::of_int(static_cast<int64_t>(in.op == Opcode::DivU ? x / y : x % y));
                break;
            }
            case Opcode::Shl:
            case Opcode::Shr:
            case Opcode::ShrU: {
                int64_t y = S[sp - 1].i;
                uint64_t x = S[sp - 2].u;
                if (y < 0 && !(in.k & 1)) PANIC_RT("runtime error: negative shift amount");
                if (y < 0) y = 64;  // k & 1: an unsigned count of 2^63 or more
                uint64_t r;
                if (in.op == Opcode::Shl) r = y >= 64 ? 0 : x << y;
                else if (in.op == Opcode::ShrU) r = y >= 64 ? 0 : x >> y;
                else r = static_cast<uint64_t>(static_cast<int64_t>(x) >> (y >= 64 ? 63 : y));
                sp--;
                S[sp - 1] = Value::of_int(static_cast<int64_t>(r));
                break;
            }
            case Opcode::Neg: S[sp - 1] = Value::of_int(static_cast<int64_t>(0 - S[sp - 1].u)); break;
            case Opcode::Com: S[sp - 1] = Value::of_int(~S[sp - 1].i); break;
            case Opcode::Not: S[sp - 1] = Value::of_bool(S[sp - 1].i == 0); break;
            case Opcode::Wrap: S[sp - 1] = Value::of_int(wrap(S[sp - 1].i, static_cast<RKind>(in.k))); break;
#define BIN_F(op, expr)                              \
    case Opcode::op: {                               \
        double y = S[sp - 1].f, x = S[sp - 2].f;     \
        sp--;                                        \
        S[sp - 1] = Value::of_float(expr);           \
        break;                                       \
    }
            BIN_F(FAdd, x + y)
            BIN_F(FSub, x - y)
            BIN_F(FMul, x * y)
            BIN_F(FDiv, x / y)
            case Opcode::FNeg: S[sp - 1] = Value::of_float(-S[sp - 1].f); break;
            case Opcode::F32: S[sp - 1] = Value::of_float(static_cast<float>(S[sp - 1].f)); break;
#define CMP(op, expr)                                \
    case Opcode::op: {                               \
        const Value& y = S[sp - 1];                  \
        const Value& x = S[sp - 2];                  \
        bool r = (expr);                             \
        sp--;                                        \
        S[sp - 1] = Value::of_bool(r);               \
        break;                                       \
    }
            CMP(Eq, x.u == y.u)
            CMP(Ne, x.u != y.u)
            CMP(Lt, x.i < y.i)
            CMP(Le, x.i <= y.i)
            CMP(LtU, x.u < y.u)
            CMP(LeU, x.u <= y.u)
            CMP(FEq, x.f == y.f)
            CMP(FLt, x.f < y.f)
            CMP(FLe, x.f <= y.f)
            CMP(SEq, str(x) == str(y))
            CMP(SLt, str(x) < str(y))
            CMP(SLe, str(x) <= str(y))
            case Opcode::EqT: {
                uint32_t n = M.types[in.a].slots;
                SAVE();
                uint64_t panics = panics_started;
                bool r = equal(S + sp - 2 * n, S + sp - n, static_cast<uint32_t>(in.a), &g);
                // Comparing uncomparable values panicked (a deferred call may be running
                // while an older panic is still in flight: only a new one counts).
                if (panics_started != panics) goto reload;
                sp -= 2 * n;
                S[sp++] = Value::of_bool(r);
                break;
            }
            case Opcode::Concat: {
                std::string_view x = str(S[sp - 2]), y = str(S[sp - 1]);
                Value r;
                if (y.empty()) r = S[sp - 2];
                else if (x.empty()) r = S[sp - 1];
                else {
                    scratch.assign(x);
                    scratch.append(y);
                    r = make_string(scratch);
                }
                sp--;
                S[sp - 1] = r;
                break;
            }
            case Opcode::StrLen: S[sp - 1] = Value::of_int(S[sp - 1].p.b); break;
            case Opcode::StrIndex: {
                int64_t i = S[sp - 1].i;
                std::string_view s = str(S[sp - 2]);
                if (i < 0 || i >= static_cast<int64_t>(s.size())) PANIC_RT(index_error(i, s.size()));
                sp--;
                S[sp - 1] = Value::of_int(static_cast<uint8_t>(s[i]));
                break;
            }
            case Opcode::StrSlice: {
                int64_t hi = -1, lo = 0;
                if (in.k & 2) hi = S[--sp].i;
                if (in.k & 1) lo = S[--sp].i;
                Value s = S[sp - 1];
                int64_t len = s.p.b;
                if (hi < 0 && !(in.k & 2)) hi = len;
                if (hi < 0 || hi > len) PANIC_RT("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with length " + std::to_string(len));
                if (lo < 0 || lo > hi) PANIC_RT("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
                Value r = hi == lo ? Value{} : Value::of_pair(s.p.a + static_cast<uint32_t>(lo), static_cast<uint32_t>(hi - lo));
                S[sp - 1] = r;
                break;
            }
            case Opcode::IntToFloat: S[sp - 1] = Value::of_float(static_cast<double>(S[sp - 1].i)); break;
            case Opcode::UintToFloat: S[sp - 1] = Value::of_float(static_cast<double>(S[sp - 1].u)); break;
            case Opcode::FloatToInt: {
                double f = S[sp - 1].f;
                if (in.k == 1 && f >= 9.2233720368547758e18 && f < 1.8446744073709552e19) {
                    // k=1: an unsigned target; values in [2^63, 2^64) convert exactly
                    Value u{};
                    u.u = static_cast<uint64_t>(f);
                    S[sp - 1] = u;
                    break;
                }
                int64_t r = std::isnan(f) ? INT64_MIN : f >= 9.2233720368547758e18 ? INT64_MIN : f < -9.2233720368547758e18 ? INT64_MIN : static_cast<int64_t>(f);
                S[sp - 1] = Value::of_int(r);
                break;
            }
            case Opcode::RuneToStr: {
                char buf[4];
                size_t n = utf8_encode(S[sp - 1].i, buf);
                S[sp - 1] = make_string(std::string_view(buf, n));
                break;
            }
            case Opcode::BytesToStr: {
                Value s = S[sp - 1];
                if (s.p.b) ANNOUNCE(0, OpKind::Load, s.p.a, in.b);
                g.announced = 0;
                scratch.clear();
                for (uint32_t i = 0; i < s.p.b; i++) scratch.push_back(static_cast<char>(heap[s.p.a + i].i));
                S[sp - 1] = make_string(scratch);
                break;
            }
            case Opcode::StrToBytes: {
                std::string_view s = str(S[sp - 1]);
                uint32_t n = static_cast<uint32_t>(s.size());
                SAVE();
                size_t off = (S[sp - 1].p.a & const_string_bit) ? SIZE_MAX : S[sp - 1].p.a;
                Value sv = S[sp - 1];
                Cell c = alloc(n);
                if (c == 0 && n) goto reload;
                std::string_view s2 = str(sv);
                (void)off;
                for (uint32_t i = 0; i < n; i++) heap[c + i] = Value::of_int(static_cast<uint8_t>(s2[i]));
                S[sp - 1] = Value::of_pair(c, n, n);
                break;
            }
            case Opcode::RunesToStr: {
                Value s = S[sp - 1];
                if (s.p.b) ANNOUNCE(0, OpKind::Load, s.p.a, in.b);
                g.announced = 0;
                scratch.clear();
                for (uint32_t i = 0; i < s.p.b; i++) {
                    char buf[4];
                    scratch.append(buf, utf8_encode(heap[s.p.a + i].i, buf));
                }
                S[sp - 1] = make_string(scratch);
                break;
            }
            case Opcode::StrToRunes: {
                Value sv = S[sp - 1];
                std::string_view s = str(sv);
                uint32_t count = 0;
                for (size_t i = 0; i < s.size();) { i += utf8_decode(s, i).width; count++; }
                SAVE();
                Cell c = alloc(count);
                if (c == 0 && count) goto reload;
                s = str(sv);
                uint32_t k = 0;
                for (size_t i = 0; i < s.size();) {
                    Utf8Rune r = utf8_decode(s, i);
                    heap[c + k++] = Value::of_int(r.rune);
                    i += r.width;
                }
                S[sp - 1] = Value::of_pair(c, count, count);
                break;
            }
            case Opcode::StrNext: {
                int64_t i = S[sp - 1].i;
                std::string_view s = str(S[sp - 2]);
                Utf8Rune r = utf8_decode(s, static_cast<size_t>(i));
                S[sp - 2] = Value::of_int(r.rune);
                S[sp - 1] = Value::of_int(r.width);
                break;
            }
            case Opcode::Jump: pc = static_cast<uint32_t>(in.a); break;
            case Opcode::JumpIf:
                if (S[--sp].i) pc = static_cast<uint32_t>(in.a);
                break;
            case Opcode::JumpIfNot:
                if (!S[--sp].i) pc = static_cast<uint32_t>(in.a);
                break;
            case Opcode::BackEdge:
                if (!nested) {
                    SAVE();
                    if (back_edge(g, pc)) {
                        // Spins for ever with nothing visible: a StepLimit that says so (arg 1).
                        pause(g, OpKind::StepLimit, 0, current_site(g), Pend::StepLimit, 1);
                        return;
                    }
                }
                break;
            case Opcode::Call:
                SAVE();
                enter(g, static_cast<uint32_t>(in.a), 0, in.n, FrameKind::Normal);
                goto reload;
            case Opcode::CallValue: {
                Value f = S[--sp];
                SAVE();
                call_value(g, f, in.n);
                goto reload;
            }
            case Opcode::CallIface:
            case Opcode::MethodValue: {
                uint32_t n = in.op == Opcode::CallIface ? in.n : 0;
                Value iface = S[sp - n - 1];
                if (iface.c == 0) PANIC_RT(nil_deref);
                const RMethod* m = find_method(iface.c, static_cast<uint32_t>(in.a));
                LOCKSTEP_ASSERT(m != nullptr, "method missing from a runtime type's table: " + M.types[iface.c].name + "." + M.method_names[in.a]);
                if (m->function == UINT32_MAX) {  // Error() of the VM's own error values
                    Value msg = iface.c == rt::runtime_error ? iface : heap[iface.p.a];
                    msg.c = 0;
                    S[sp - n - 1] = msg;
                    if (in.op == Opcode::MethodValue) PANIC_RT("unsupported: method value of a library error");
                    break;
                }
                uint32_t r = m->mode == RecvMode::Payload ? 1 : m->recv_slots;
                ROOM(r);
                Value recv = iface;
                recv.c = 0;
                if (m->mode != RecvMode::Payload && recv.p.a == 0) PANIC_RT(nil_deref);
                std::memmove(S + sp - n - 1 + r, S + sp - n, sizeof(Value) * n);
                if (m->mode == RecvMode::Payload) S[sp - n - 1] = recv;
                else std::memcpy(S + sp - n - 1, &heap[recv.p.a], sizeof(Value) * r);
                sp += r - 1;
                if (in.op == Opcode::MethodValue) {
                    SAVE();
                    Cell env = alloc(r);
                    if (env == 0 && r) goto reload;
                    std::memcpy(&heap[env], S + sp - r, sizeof(Value) * r);
                    sp -= r;
                    S[sp++] = Value::of_pair(m->function + 1, env, 1);
                    break;
                }
                SAVE();
                enter(g, m->function, 0, n + r, FrameKind::Normal);
                goto reload;
            }
            case Opcode::Closure: {
                SAVE();
                Cell env = alloc(in.n);
                if (env == 0 && in.n) goto reload;
                sp -= in.n;
                std::memcpy(&heap[env], S + sp, sizeof(Value) * in.n);
                S[sp++] = Value::of_pair(static_cast<uint32_t>(in.a) + 1, env);
                break;
            }
            case Opcode::FuncValue: ROOM(1); S[sp++] = Value::of_pair(static_cast<uint32_t>(in.a) + 1, 0); break;
            case Opcode::Bind: {
                SAVE();
                Cell env = alloc(in.n);
                if (env == 0 && in.n) goto reload;
                sp -= in.n;
                std::memcpy(&heap[env], S + sp, sizeof(Value) * in.n);
                S[sp++] = Value::of_pair(static_cast<uint32_t>(in.a) + 1, env, 1);
                break;
            }
            case Opcode::Ret: {
                if (in.n == 1) S[bp] = S[sp - 1];
                else if (in.n) std::memmove(S + bp, S + sp - in.n, sizeof(Value) * in.n);
                FrameKind kind = fr->kind;
                g.sp = bp + in.n;
                g.frames.pop_back();
                if (kind == FrameKind::Nested) return;
                if (kind == FrameKind::Top || g.frames.empty()) {
                    g.state = GoroutineState::Done;
                    g.frames.clear();
                    return;
                }
                goto reload;
            }
            case Opcode::Defer: {
                sp -= in.n;
                DeferRec rec;
                rec.pc = static_cast<uint32_t>(in.a);
                rec.args = static_cast<uint32_t>(g.defer_args.size());
                rec.nargs = in.n;
                g.defer_args.insert(g.defer_args.end(), S + sp, S + sp + in.n);
                g.defers.push_back(rec);
                break;
            }
            case Opcode::RunDefers: {
                if (g.defers.size() <= fr->defer_base) break;
                DeferRec rec = g.defers.back();
                g.defers.pop_back();
                fr->snippet = SnippetMode::Return;
                fr->snippet_ret = pc - 1;
                sp = bp + fn->frame_slots;
                ROOM(rec.nargs);
                if (rec.nargs) std::memcpy(S + sp, g.defer_args.data() + rec.args, sizeof(Value) * rec.nargs);
                sp += rec.nargs;
                g.defer_args.resize(rec.args);
                pc = rec.pc;
                break;
            }
            case Opcode::EndSnippet: {
                SnippetMode mode = fr->snippet;
                fr->snippet = SnippetMode::None;
                sp = bp + fn->frame_slots;
                if (mode == SnippetMode::Return) {
                    pc = fr->snippet_ret;
                    break;
                }
                if (mode == SnippetMode::Panic) {
                    SAVE();
                    if (g.recovered) {
                        g.panicking = false;
                        g.recovered = false;
                        g.panic_value = Value{};
                        resume_outer_panic(g);
                        fr->pc = fn->epilogue;
                        goto reload;
                    }
                    unwind(g);
                    goto reload;
                }
                // The first frame of a goroutine started by `go`: the goroutine ends.
                g.sp = 0;
                g.frames.clear();
                g.state = GoroutineState::Done;
                return;
            }
            case Opcode::Go:
                SAVE();
                g.pinstr = in;
                pause(g, OpKind::Go, 0, static_cast<uint32_t>(in.b), Pend::Go);
                return;
            case Opcode::Panic: {
                Value v = S[--sp];
                SAVE();
                start_panic(g, v);
                goto reload;
            }
            case Opcode::Recover: {
                Value r{};
                if (g.panicking && !g.goexiting && !g.recovered && fr->deferred_call && g.frames.size() >= 2 &&
                    g.frames[g.frames.size() - 2].snippet == SnippetMode::Panic) {
                    r = g.panic_value;
                    g.recovered = true;
                }
                ROOM(1);
                S[sp++] = r;
                break;
            }
            case Opcode::Exit:
                SAVE();
                pause(g, OpKind::Exit, 0, 0, Pend::Exit);
                return;
            case Opcode::Native: {
                // A strings.Builder / bytes.Buffer method reads or writes the receiver's
                // state (and Write reads its argument's bytes): visible, so races are found.
                OpKind access = buffer_access(static_cast<NativeId>(in.a));
                if (access != OpKind::Exit) {
                    // Called by a method-table wrapper (fmt.Fprintf(&buf) calls buf.Write
                    // through io.Writer): the access is at the caller's line.
                    int32_t at = in.b;
                    if (at >= 0 && static_cast<size_t>(at) < M.sites.size() && M.sites[at].pos.line == 0) {
                        SAVE();
                        if (uint32_t caller = current_site(g); caller != 0) at = static_cast<int32_t>(caller);
                    }
                    ANNOUNCE(0, access, S[sp - in.n].p.a, at);
                    NativeId nid = static_cast<NativeId>(in.a);
                    if ((nid == NativeId::BufferWrite || nid == NativeId::BuilderWrite) && S[sp - 1].p.b)
                        ANNOUNCE(1, OpKind::Load, S[sp - 1].p.a, at);
                    g.announced = 0;
                }
                OpKind bulk = slice_access(static_cast<NativeId>(in.a));
                if (bulk != OpKind::Exit && S[sp - in.n].p.b) {
                    ANNOUNCE(0, bulk, S[sp - in.n].p.a, in.b);
                    g.announced = 0;
                }
                // *os.File's Write reads the bytes it writes
                if (static_cast<NativeId>(in.a) == NativeId::OsFileWrite && S[sp - 1].p.b) {
                    ANNOUNCE(0, OpKind::Load, S[sp - 1].p.a, in.b);
                    g.announced = 0;
                }
                SAVE();
                native(gid, g, in);
                goto reload;
            }
            case Opcode::Sync: {
                OpKind kind = static_cast<OpKind>(in.k);
                uint32_t site = in.b >= 0 ? static_cast<uint32_t>(in.b) : static_cast<uint32_t>(S[bp + (-in.b - 1)].i);
                int64_t arg = 0;
                if (kind == OpKind::WgAdd) arg = S[--sp].i;
                // An RWMutex's Lock/Unlock/TryLock say so (arg 1): its misuse messages differ.
                if (kind == OpKind::Lock || kind == OpKind::Unlock || kind == OpKind::TryLock) arg = in.a;
                // Once.Do's deferred OnceExit runs in panic mode exactly when f is exiting
                // by a panic (a Do called while an outer panic unwinds still returns normally).
                if (kind == OpKind::OnceExit && fr->snippet == SnippetMode::Panic) arg = 1;
                Cell p = S[--sp].p.a;
                if (p == 0) PANIC_RT(nil_deref);
                if (nested) {
                    SAVE();
                    fatal(g, "unsupported: a sync operation inside a method called by fmt", static_cast<uint32_t>(in.b < 0 ? 0 : in.b));
                    return;
                }
                uint32_t id = sync_id(p);
                SAVE();
                g.pinstr = in;
                g.pcell = p;
                Pend pend = Pend::Sync;
                if (kind == OpKind::CondWait) {
                    Value locker = heap[p + 1];
                    if (locker.c == 0 || locker.p.a == 0) PANIC_RT(nil_deref);
                    arg = sync_id(locker.p.a);
                    // NewCond(rw.RLocker()): Wait RUnlocks and re-RLocks (arg bit 32).
                    if (M.types[locker.c].name == "*sync.rlocker") arg |= int64_t{1} << 32;
                    pend = Pend::CondWait;
                }
                g.parg = arg;
                pause(g, kind, id, site, pend, arg);
                return;
            }
            case Opcode::Atomic: {
                AtomicOp op = static_cast<AtomicOp>(in.k);
                uint32_t nargs = op == AtomicOp::Load ? 0 : op == AtomicOp::CompareAndSwap ? 2 : 1;
                Cell p = S[sp - nargs - 1].p.a;
                if (p == 0) PANIC_RT(nil_deref);
                // atomic.Value refuses nil (and a CompareAndSwap whose old and new differ
                // in type) before it touches the Value: an ordinary panic, no access.
                if (static_cast<RKind>(in.a) == RKind::Interface && op != AtomicOp::Load) {
                    const char* bad = nullptr;
                    if (S[sp - 1].c == 0)
                        bad = op == AtomicOp::Store ? "sync/atomic: store of nil value into Value"
                              : op == AtomicOp::Swap ? "sync/atomic: swap of nil value into Value"
                                                     : "sync/atomic: compare and swap of nil value into Value";
                    else if (op == AtomicOp::CompareAndSwap && S[sp - 2].c != 0 && S[sp - 2].c != S[sp - 1].c)
                        bad = "sync/atomic: compare and swap of inconsistently typed values";
                    if (bad) {
                        sp -= nargs + 1;
                        SAVE();
                        string_panic(g, bad);
                        goto reload;
                    }
                }
                SAVE();
                g.pinstr = in;
                g.pcell = p;
                OpKind kind = op == AtomicOp::Load ? OpKind::AtomicLoad : op == AtomicOp::Store ? OpKind::AtomicStore : OpKind::AtomicRmw;
                if (nested) {
                    Outcome none;
                    g.pend = Pend::Atomic;
                    perform(gid, none);
                    g.pend = Pend::None;
                    goto reload;
                }
                pause(g, kind, p, static_cast<uint32_t>(in.b), Pend::Atomic, op == AtomicOp::Add && in.n == 1 ? 1 : 0);
                return;
            }
            case Opcode::MakeSlice: {
                int64_t cap = S[sp - 1].i, len = S[sp - 2].i;
                if (len < 0 || len > (1ll << 31)) PANIC_RT("runtime error: makeslice: len out of range");
                if (cap < len || cap > (1ll << 31)) PANIC_RT("runtime error: makeslice: cap out of range");
                SAVE();
                Cell c = alloc(static_cast<uint32_t>(cap) * in.n);
                if (c == 0 && cap) goto reload;
                sp -= 2;
                S[sp++] = Value::of_pair(c, static_cast<uint32_t>(len), static_cast<uint32_t>(cap));
                break;
            }
            case Opcode::SliceLen: S[sp - 1] = Value::of_int(S[sp - 1].p.b); break;
            case Opcode::SliceToArrayPtr: {
                Value s = S[sp - 1];
                if (static_cast<int64_t>(s.p.b) < in.a)
                    PANIC_RT("runtime error: cannot convert slice with length " + std::to_string(s.p.b) +
                             " to pointer to array with length " + std::to_string(in.a));
                S[sp - 1] = Value::of_ptr(s.p.a);  // the array is the slice's first elements
                break;
            }
            case Opcode::SliceCap: S[sp - 1] = Value::of_int(S[sp - 1].c); break;
            case Opcode::Append:
            case Opcode::AppendSlice:
            case Opcode::AppendStr: {
                uint32_t es = in.op == Opcode::AppendStr ? 1 : in.n;
                Value s;
                uint32_t add;   // elements added
                const Value* src = nullptr;
                std::string_view text;
                if (in.op == Opcode::Append) {
                    s = S[sp - es - 1];
                    add = 1;
                    src = S + sp - es;
                } else if (in.op == Opcode::AppendSlice) {
                    s = S[sp - 2];
                    Value t = S[sp - 1];
                    add = t.p.b;
                    src = t.p.b ? &heap[t.p.a] : nullptr;
                } else {
                    s = S[sp - 2];
                    text = str(S[sp - 1]);
                    add = static_cast<uint32_t>(text.size());
                }
                uint32_t len = s.p.b, cap = s.c;
                if (add) {
                    // in place: the first element written; growing: the first element read
                    Cell first = len + add <= cap ? s.p.a + len * es : len ? s.p.a : 0;
                    ANNOUNCE(0, len + add <= cap ? OpKind::Store : OpKind::Load, first, in.b);
                    if (in.op == Opcode::AppendSlice && src && len + add <= cap) ANNOUNCE(1, OpKind::Load, S[sp - 1].p.a, in.b);
                }
                g.announced = 0;
                Value r = s;
                if (len + add > cap) {
                    uint32_t elem_type = in.op == Opcode::AppendStr ? rt::uint8 : static_cast<uint32_t>(in.a);
                    uint32_t ncap = grow_capacity(cap, len + add, M.types[elem_type].go_size);
                    SAVE();
                    size_t src_off = src && src >= heap.data() && src < heap.data() + heap.size() ? src - heap.data() : SIZE_MAX;
                    Cell c = alloc(ncap * es);
                    if (c == 0 && ncap) goto reload;
                    if (src_off != SIZE_MAX) src = heap.data() + src_off;
                    if (len) std::memcpy(&heap[c], &heap[s.p.a], sizeof(Value) * len * es);
                    r = Value::of_pair(c, len, ncap);
                }
                if (in.op == Opcode::AppendStr) {
                    if (!(S[sp - 1].p.a & const_string_bit)) text = str(S[sp - 1]);
                    for (uint32_t i = 0; i < add; i++) heap[r.p.a + len + i] = Value::of_int(static_cast<uint8_t>(text[i]));
                } else if (add) {
                    std::memmove(&heap[r.p.a + len * es], src, sizeof(Value) * add * es);
                }
                r.p.b = len + add;
                sp -= in.op == Opcode::Append ? es + 1 : 2;
                S[sp++] = r;
                break;
            }
            case Opcode::Copy: {
                Value src = S[sp - 1], dst = S[sp - 2];
                if (in.k == 1) {  // copy(dst []byte, src string)
                    std::string_view text = str(src);
                    uint32_t n = std::min(static_cast<uint32_t>(text.size()), dst.p.b);
                    if (n) ANNOUNCE(0, OpKind::Store, dst.p.a, in.b);
                    g.announced = 0;
                    for (uint32_t i = 0; i < n; i++) heap[dst.p.a + i] = Value::of_int(static_cast<uint8_t>(text[i]));
                    sp -= 2;
                    S[sp++] = Value::of_int(n);
                    break;
                }
                uint32_t n = std::min(src.p.b, dst.p.b);
                if (n) {
                    ANNOUNCE(0, OpKind::Load, src.p.a, in.b);
                    ANNOUNCE(1, OpKind::Store, dst.p.a, in.b);
                }
                g.announced = 0;
                if (n) std::memmove(&heap[dst.p.a], &heap[src.p.a], sizeof(Value) * n * in.n);
                sp -= 2;
                S[sp++] = Value::of_int(n);
                break;
            }
            case Opcode::SliceSlice:
            case Opcode::SliceArray: {
                int64_t lo = 0, hi = -1, mx = -1;
                if (in.k & 4) mx = S[--sp].i;
                if (in.k & 2) hi = S[--sp].i;
                if (in.k & 1) lo = S[--sp].i;
                Value s = S[sp - 1];
                int64_t len, cap;
                Cell base;
                if (in.op == Opcode::SliceArray) {
                    if (s.p.a == 0) PANIC_RT(nil_deref);
                    base = s.p.a;
                    len = cap = in.a;
                } else {
                    base = s.p.a;
                    len = s.p.b;
                    cap = s.c;
                }
                if (!(in.k & 2)) hi = len;
                if (!(in.k & 4)) mx = cap;
                if (mx < 0 || mx > cap) PANIC_RT("runtime error: slice bounds out of range [::" + std::to_string(mx) + "] with capacity " + std::to_string(cap));
                if (hi < 0 || hi > mx) {
                    if (in.k & 4) PANIC_RT("runtime error: slice bounds out of range [:" + std::to_string(hi) + ":" + std::to_string(mx) + "]");
                    PANIC_RT("runtime error: slice bounds out of range [:" + std::to_string(hi) + "] with capacity " + std::to_string(cap));
                }
                if (lo < 0 || lo > hi) PANIC_RT("runtime error: slice bounds out of range [" + std::to_string(lo) + ":" + std::to_string(hi) + "]");
                S[sp - 1] = Value::of_pair(base + static_cast<uint32_t>(lo) * in.n, static_cast<uint32_t>(hi - lo), static_cast<uint32_t>(mx - lo));
                break;
            }
            case Opcode::SliceLit: {
                uint32_t total = in.n * static_cast<uint32_t>(in.a);
                SAVE();
                Cell c = alloc(total);
                if (c == 0 && total) goto reload;
                sp -= total;
                if (total) std::memcpy(&heap[c], S + sp, sizeof(Value) * total);
                S[sp++] = Value::of_pair(c, static_cast<uint32_t>(in.a), static_cast<uint32_t>(in.a));
                break;
            }
            case Opcode::MakeMap: {
                SAVE();
                Cell h = alloc(1);
                if (h == 0) goto reload;
                if (map_count == maps.size()) maps.emplace_back();
                MapObj& m = maps[map_count];
                m.clear();
                m.type = static_cast<uint32_t>(in.a);
                const RType& t = M.types[in.a];
                m.kslots = M.types[t.key].slots;
                m.vslots = M.types[t.elem].slots;
                heap[h].u = map_count++;
                S[sp - 1] = Value::of_ptr(h);
                break;
            }
            case Opcode::MapIndex:
            case Opcode::MapStore:
            case Opcode::MapDelete:
            case Opcode::MapLen:
            case Opcode::MapNext: {
                const RType& t = M.types[in.op == Opcode::MapLen ? rt::int_ : in.a];
                uint32_t ks = in.op == Opcode::MapLen ? 0 : M.types[t.key].slots;
                uint32_t vs = in.op == Opcode::MapLen ? 0 : M.types[t.elem].slots;
                uint32_t operands = in.op == Opcode::MapIndex || in.op == Opcode::MapDelete ? ks
                                  : in.op == Opcode::MapStore ? ks + vs
                                  : in.op == Opcode::MapNext ? 1 : 0;
                Cell m = S[sp - operands - 1].p.a;
                if (in.op == Opcode::MapIndex || in.op == Opcode::MapStore || in.op == Opcode::MapDelete) {
                    // An interface key whose dynamic type has no == cannot be hashed.
                    const Value& key = S[sp - operands];
                    if (M.types[t.key].kind == RKind::Interface && key.c != 0 && !comparable_type(key.c))
                        PANIC_RT("runtime error: hash of unhashable type " + M.types[key.c].name);
                }
                if (m == 0) {
                    if (in.op == Opcode::MapStore) {
                        SAVE();
                        runtime_panic(g, "assignment to entry in nil map");
                        goto reload;
                    }
                    sp -= operands + 1;
                    if (in.op == Opcode::MapLen) { S[sp++] = Value::of_int(0); break; }
                    if (in.op == Opcode::MapDelete) break;
                    if (in.op == Opcode::MapNext) {
                        ROOM(ks + vs + 2);
                        for (uint32_t i = 0; i < ks + vs + 1; i++) S[sp++] = Value{};
                        S[sp++] = Value::of_bool(false);
                        break;
                    }
                    ROOM(vs + 1);
                    for (uint32_t i = 0; i < vs; i++) S[sp++] = Value{};
                    if (in.k) S[sp++] = Value::of_bool(false);
                    break;
                }
                SAVE();
                g.pinstr = in;
                g.pcell = m;
                Pend pend = in.op == Opcode::MapIndex ? Pend::MapIndex : in.op == Opcode::MapStore ? Pend::MapStore
                          : in.op == Opcode::MapDelete ? Pend::MapDelete : in.op == Opcode::MapLen ? Pend::MapLen : Pend::MapNext;
                OpKind kind = in.op == Opcode::MapStore || in.op == Opcode::MapDelete ? OpKind::MapWrite : OpKind::MapRead;
                if (nested) {
                    Outcome none;
                    g.pend = pend;
                    perform(gid, none);
                    g.pend = Pend::None;
                    goto reload;
                }
                pause(g, kind, m, static_cast<uint32_t>(in.b), pend);
                return;
            }
            case Opcode::MakeChan: {
                int64_t cap = S[sp - 1].i;
                if (cap < 0 || cap > (1 << 24)) PANIC_RT("makechan: size out of range");
                if (chan_count == chans.size()) chans.emplace_back();
                ChanObj& c = chans[chan_count];
                c.buf.clear();
                c.head = 0;
                c.values = 0;
                c.closed = false;
                c.fire_at = -1;
                c.cap = static_cast<uint32_t>(cap);
                c.elem = static_cast<uint32_t>(in.a);
                c.slots = M.types[in.a].slots;
                S[sp - 1] = Value::of_ptr(++chan_count);
                break;
            }
            case Opcode::Send:
            case Opcode::Recv:
            case Opcode::Close: {
                uint32_t operands = in.op == Opcode::Send ? in.n : 0;
                Cell ch = S[sp - operands - 1].p.a;
                if (in.op == Opcode::Close && ch == 0) PANIC_RT("close of nil channel");
                if (nested) {
                    SAVE();
                    fatal(g, "unsupported: a channel operation inside a method called by fmt", static_cast<uint32_t>(in.b < 0 ? 0 : in.b));
                    return;
                }
                SAVE();
                g.pinstr = in;
                g.delivered = false;
                OpKind kind = in.op == Opcode::Send ? OpKind::ChanSend : in.op == Opcode::Recv ? OpKind::ChanRecv : OpKind::ChanClose;
                Pend pend = in.op == Opcode::Send ? Pend::Send : in.op == Opcode::Recv ? Pend::Recv : Pend::Close;
                pause(g, kind, ch == 0 ? nil_chan_id : ch - 1, static_cast<uint32_t>(in.b), pend);
                return;
            }
            case Opcode::ChanLen: {
                Cell ch = S[sp - 1].p.a;
                S[sp - 1] = Value::of_int(ch ? chans[ch - 1].count() : 0);
                forget_loops(g);  // reads channel state without a visible operation
                break;
            }
            case Opcode::ChanCap: {
                Cell ch = S[sp - 1].p.a;
                S[sp - 1] = Value::of_int(ch ? chans[ch - 1].cap : 0);
                break;
            }
            case Opcode::Select: {
                const SelectShape& shape = M.selects[in.a];
                uint32_t operands = 0;
                for (const auto& c : shape.cases) operands += 1 + (c.kind == OpKind::ChanSend ? c.elem_slots : 0);
                SAVE();
                g.pinstr = in;
                g.pcell = sp - operands;
                g.delivered = false;
                pause(g, OpKind::Select, 0, static_cast<uint32_t>(in.b), Pend::Select, static_cast<int64_t>(shape.cases.size()));
                return;
            }
            case Opcode::Box: {
                uint32_t n = M.types[in.a].slots;
                SAVE();
                Value r = box(S + sp - n, static_cast<uint32_t>(in.a));
                if (g.pend != Pend::None) return;
                sp -= n;
                S[sp++] = r;
                break;
            }
            case Opcode::Assert:
            case Opcode::AssertIface: {
                Value v = S[sp - 1];
                bool ok = in.op == Opcode::Assert ? v.c == static_cast<uint32_t>(in.a) : (v.c != 0 && implements(v.c, static_cast<uint32_t>(in.a)));
                const RType& target = M.types[in.a];
                if (!ok && !in.k) {
                    std::string src = in.b ? M.types[in.b].name : "interface {}";
                    std::string msg = "interface conversion: ";
                    if (v.c == 0) msg += src + " is nil, not " + target.name;
                    else if (in.op == Opcode::Assert) msg += src + " is " + M.types[v.c].name + ", not " + target.name;
                    else {
                        msg += M.types[v.c].name + " is not " + target.name + ": missing method ";
                        for (uint32_t name : target.iface_methods)
                            if (!find_method(v.c, name)) { msg += M.method_names[name]; break; }
                    }
                    SAVE();
                    Value e = make_string(msg);
                    e.c = rt::runtime_error;
                    start_panic(g, e);
                    goto reload;
                }
                sp--;
                if (in.op == Opcode::AssertIface) {
                    ROOM(2);
                    S[sp++] = ok ? v : Value{};
                } else {
                    uint32_t n = target.slots;
                    ROOM(n + 1);
                    if (!ok) {
                        for (uint32_t i = 0; i < n; i++) S[sp++] = Value{};
                    } else if (target.boxed_in_interface()) {
                        std::memcpy(S + sp, &heap[v.p.a], sizeof(Value) * n);
                        sp += n;
                    } else {
                        v.c = 0;
                        S[sp++] = v;
                    }
                }
                if (in.k) S[sp++] = Value::of_bool(ok);
                break;
            }
            case Opcode::TypeIs: S[sp - 1] = Value::of_bool(S[sp - 1].c == static_cast<uint32_t>(in.a)); break;
            }
        }
#undef SAVE
#undef RELOAD
#undef PANIC_RT
#undef ROOM
    }
}

}  // namespace lockstep::vm
