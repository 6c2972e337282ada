// The execution state behind vm::Machine (heap arena, strings, maps, channels, goroutines)
// and the declarations of the interpreter's parts, which are split over interpreter.cpp
// (dispatch loop, panics), machine.cpp (Program interface, reset, resume), natives.cpp
// (library shims) and format.cpp (Go's fmt). Private to vm/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/machine.hpp"
#include "vm/testing_state.hpp"

namespace lockstep::vm {

enum class FrameKind : uint8_t {
    Normal,
    Top,     // a goroutine's first frame: its end ends the goroutine
    Nested,  // called by the VM itself (fmt calling Error()/String()): its return ends run_nested
};

enum class SnippetMode : uint8_t { None, Return, Panic };

struct Frame {
    uint32_t fn = 0;
    uint32_t pc = 0;
    uint32_t bp = 0;          // first slot of the frame (parameters, then locals)
    uint32_t env = 0;         // closure environment cell (pointers to captured variables)
    uint32_t defer_base = 0;  // this frame's deferred snippets are Goroutine::defers[defer_base..]
    uint32_t snippet_ret = 0; // pc of the RunDefers to go back to after a snippet
    FrameKind kind = FrameKind::Normal;
    SnippetMode snippet = SnippetMode::None;
    bool deferred_call = false;  // called directly by a deferred snippet: recover() works here
};

struct DeferRec {
    uint32_t pc = 0;
    uint32_t args = 0;  // offset in Goroutine::defer_args
    uint32_t nargs = 0;
};

// What the goroutine's pending visible operation will do when resumed.
enum class Pend : uint8_t {
    None, Load, Store, Sync, CondWait, Relock, Atomic, Go, Print, Yield, MapIndex, MapStore,
    MapDelete, MapLen, MapNext, Send, Recv, Close, Select, PoolGet, PoolPut, SyncMap, Panic, Exit, StepLimit,
    Access,  // a Load/Store announced by a bulk instruction (append, copy, conversions), which then re-executes
    NestedPanic,  // not an operation: a panic left a method fmt called (run_nested returns false)
    Test,         // a testing.T method (vm/natives_testing.cpp): performed on resume
    SyncMapNext,  // a step of sync.Map.Range (vm/natives_syncmap.cpp)
    TimerNew, TimerFire, TimerCtl,  // a timer starts, fires, is stopped or reset (vm/natives_time.cpp)
    Rand,  // math/rand's choice (vm/natives_rand.cpp): the checker's alternative is the value
};

// The goroutine-local state at a loop head (Opcode::BackEdge), kept to tell whether the
// loop came back to it unchanged (vm/back_edge.cpp).
struct LoopMark {
    uint32_t fn = 0, pc = 0, depth = 0;
    uint64_t serial = 0;  // the crossing that left this state
    uint64_t resumes = 0;  // Goroutine::resumes at that crossing
    std::vector<Value> stack;
    std::vector<Frame> frames;
    uint32_t defers = 0, defer_args = 0;
};

struct Goroutine {
    std::vector<Value> stack;
    uint32_t sp = 0;
    std::vector<Frame> frames;
    std::vector<DeferRec> defers;
    std::vector<Value> defer_args;

    GoroutineState state = GoroutineState::Done;
    Operation op;
    Pend pend = Pend::None;
    Instr pinstr;        // the instruction that paused
    uint32_t pcell = 0;  // memory: the cell; select: operand base; sync: the handle cell
    uint32_t pidx = 0;   // memory: the cell being accessed among pinstr.n
    int64_t parg = 0;
    bool delivered = false;  // unbuffered send: the receiver already took the value
    uint8_t announced = 0;   // accesses the instruction at pc already announced (Pend::Access)

    bool panicking = false;
    bool recovered = false;
    bool fatal = false;
    bool goexiting = false;  // runtime.Goexit (t.FailNow, t.SkipNow) is unwinding the stack
    bool goexited = false;   // a Goexit stopped at a test runner frame (testing.returned reads it)
    Value panic_value{};     // an interface value
    uint32_t panic_site = 0; // where the current panic started (the report's location)
    std::string panic_text;  // Go's message, computed when the panic reaches the top
    // Panics a later panic interrupted: one started in a deferred call the earlier one ran
    // (Go's g._panic chain). `frame` is the frame running that deferred call; a panic that
    // unwinds past it aborts the earlier one, which Go still prints ("panic: A
    // [recovered]\n\tpanic: B"). A recovery of the later panic resumes the innermost
    // earlier one not aborted.
    struct OuterPanic {
        Value value{};
        uint32_t site = 0;
        uint32_t frame = 0;
        bool recovered = false;
        bool aborted = false;
        // Not a panic: a runtime.Goexit that a panic in one of its deferred calls
        // interrupted; it goes on when that panic is recovered (Go's gopanic).
        bool goexit = false;
    };
    std::vector<OuterPanic> outer_panics;

    // Loop heads crossed (Program::loop_serial) and the crossing whose state the latest one
    // repeats (Program::loop_repeats); marks are forgotten when the goroutine reads state
    // nobody sees it read (time, len(ch), NumGoroutine).
    uint64_t loop_serial = 0, loop_repeat = 0;
    // Visible operations performed: a loop head whose state repeats with none in between
    // is a loop that spins for ever without a visible operation (back_edge.cpp).
    uint64_t resumes = 0;
    std::vector<LoopMark> loop_marks;

    std::string print_buf;
    bool print_to_stderr = false;  // the pending Print writes print_buf to stderr (log, os.Stderr)
    Value last_value{};
    uint32_t last_type = 0;  // 0: no value
    uint32_t name_fn = 0;    // for goroutine_info
    std::string name;
    uint32_t created_at = 0;
    Gid parent = 0;
    bool timer = false;  // a timer's own goroutine (vm/natives_time.cpp): not the program's
    uint64_t rand_draws = 0;  // the global source's draws by this goroutine (natives_rand.cpp)
};

struct MapObj {
    uint32_t type = 0;  // the map's rtype
    uint32_t kslots = 1, vslots = 1;
    std::vector<Value> keys, vals;
    std::vector<uint8_t> live;
    uint32_t count = 0;
    // Open-addressing index over the entries (vm/map_table.cpp): entry + 1, 0 = empty; a
    // power of two at least twice the entry count. Entries stay in insertion order, which
    // is the iteration order.
    std::vector<uint32_t> table;
    void clear() {
        keys.clear();
        vals.clear();
        live.clear();
        table.clear();
        count = 0;
    }
};

struct ChanObj {
    uint32_t cap = 0;
    uint32_t elem = 0;  // rtype
    uint32_t slots = 1;
    bool closed = false;
    std::vector<Value> buf;
    uint32_t head = 0;  // first slot of the oldest value in buf
    // Values in the buffer, counted apart from buf: a chan struct{} has 0-slot values.
    uint32_t values = 0;
    uint32_t count() const { return values; }
    // A ready timer's channel (vm/natives_time.cpp, TimeAfterReady): the deadline its one
    // value stands for; receiving it moves the clock there, as the firing would. -1: none.
    int64_t fire_at = -1;
};

struct Machine::Impl {
    Impl(const Module& m, const MachineLimits& l, Machine& owner) : M(m), limits(l), self(owner) {}

    const Module& M;
    MachineLimits limits;
    Machine& self;

    std::vector<Value> heap;  // cell 0 is never used (nil)
    std::string strings;      // the execution's string arena
    std::vector<MapObj> maps;
    uint32_t map_count = 0;
    std::vector<ChanObj> chans;
    uint32_t chan_count = 0;
    std::vector<std::vector<Value>> pools;  // by sync id: pooled interface values
    uint32_t next_sync_id = 0;
    std::vector<uint32_t> sync_origins;  // by sync id: Program::sync_origin (UINT32_MAX: fresh)
    // By rtype: the slot offsets of the Mutex, RWMutex, WaitGroup and Once values a value of
    // the type holds (their handle cells: a Load of one is a SyncCopy). Filled lazily.
    std::vector<std::vector<uint32_t>> sync_cells;
    std::vector<uint8_t> sync_cells_known;
    std::vector<Goroutine> gs;
    int64_t clock = 0;
    int nested = 0;  // > 0 while the VM runs Go code for itself (no visible operations)
    bool render_only = false;
    int exit_status = 0;  // os.Exit's argument
    uint64_t panics_started = 0;  // every start_panic (tells an instruction its own panic)  // formatting for a trace: never call the program's methods
    std::string nested_panic;  // the message of the last panic that left a nested run
    std::string scratch;

    uint32_t& goroutine_count() { return self.m_goroutine_count; }
    std::string& output() { return self.m_output; }

    // --- machine.cpp
    void reset();
    void resume(Gid g, const Outcome& out);
    Gid fresh_goroutine();
    Gid new_goroutine(uint32_t fn, FrameKind kind);

    // --- interpreter.cpp
    void run(Gid g);  // until g's next visible operation or its end
    void enter(Goroutine& g, uint32_t fn, uint32_t env, uint32_t arg_slots, FrameKind kind);
    void call_value(Goroutine& g, Value f, uint32_t arg_slots);
    bool perform(Gid g, const Outcome& out);  // false: paused again without running
    void pause(Goroutine& g, OpKind kind, uint32_t object, uint32_t site, Pend pend, int64_t arg = 0);
    void start_panic(Goroutine& g, Value iface);
    void runtime_panic(Goroutine& g, std::string_view msg);  // "runtime error: ..." style errors
    void string_panic(Goroutine& g, std::string_view msg);   // a library's panic("...")
    void fatal(Goroutine& g, std::string_view msg, uint32_t site = 0);  // "fatal error: ..."
    // The site of the instruction g's innermost frame last ran (0 when unknown).
    uint32_t current_site(const Goroutine& g) const;
    // Appends to the execution's output up to max_output_bytes, then one marker line.
    void append_output(std::string_view text);
    // print/println's text: to stderr, kept only for streams().
    void append_stderr(std::string_view text);
    void log_stream(bool to_stderr, std::string_view text);
    size_t stderr_bytes = 0;
    bool stderr_truncated = false;
    bool output_truncated = false;
    void unwind(Goroutine& g);
    // --- back_edge.cpp
    // true: g's state repeats with no visible operation since: it spins for ever (`for {}`).
    bool back_edge(Goroutine& g, uint32_t pc);
    static void forget_loops(Goroutine& g) { g.loop_marks.clear(); }
    void ensure_stack(Goroutine& g, uint32_t extra);
    // Runs f(args) to completion for the VM itself; results replace the args on the stack.
    bool run_nested(Gid g, Value f, uint32_t arg_slots);

    // --- heap and values
    Cell alloc(uint32_t n);
    uint32_t sync_id(Cell handle);
    // --- sync_copy.cpp: copies of sync values
    const std::vector<uint32_t>& sync_cells_of(uint32_t type);
    bool is_sync_cell(uint32_t type, uint32_t n, uint32_t idx);
    // Pauses g at the next visible cell of its pending Load from g.pidx on (a SyncCopy at
    // a sync value's cell; in a quiet run the other cells are read at once): false when
    // no cell is left.
    bool pause_load(Goroutine& g);
    Value make_string(std::string_view s);
    std::string_view str(const Value& v) const {
        if (v.p.a & const_string_bit) return M.const_string(v);
        return std::string_view(strings).substr(v.p.a, v.p.b);
    }
    Value make_error(std::string_view msg, Value wrapped = Value{});
    Value box(const Value* v, uint32_t type);
    bool equal(const Value* x, const Value* y, uint32_t type, Goroutine* g);
    bool comparable_type(uint32_t type) const;
    const RMethod* find_method(uint32_t type, uint32_t name) const;
    bool implements(uint32_t type, uint32_t iface) const;

    // --- maps and channels
    int64_t map_find(const MapObj& m, const Value* key) const;
    // Adds the last entry (keys/vals/live already appended) to m's index.
    void map_index_last(MapObj& m);
    uint64_t hash_key(const Value* v, uint32_t type) const;
    ChanObj& chan(uint32_t id) { return chans[id]; }

    // --- natives.cpp: returns true when g paused (or its frames changed)
    void native(Gid gid, Goroutine& g, const Instr& in);

    // --- format.cpp
    void format_value(std::string& out, const Value* v, uint32_t type, char verb, bool plus, bool sharp,
                      int depth = 0);
    void format_iface(std::string& out, const Value& iface, char verb, bool plus, bool sharp, int depth = 0);
    void sprint(std::string& out, const Value* args, uint32_t n, bool ln);
    void builtin_print(std::string& out, const Value* args, uint32_t n, bool ln);  // builtin_print.cpp
    // Library shims by package, each in its own file: true if `id` was one of theirs.
    bool native_math(Goroutine& g, NativeId id, uint32_t base);     // natives_math.cpp
    bool native_complex(Goroutine& g, const Instr& in, uint32_t base);  // natives_complex.cpp
    bool native_runtime(Goroutine& g, NativeId id, uint32_t base);  // natives_runtime.cpp
    // io, os.Stdout/Stderr/Args, fmt.Fprint*, log, sort, unicode/utf8, errors.As/Join and
    // the further strings/strconv functions (natives_std.cpp, natives_text.cpp)
    bool native_std(Gid gid, Goroutine& g, const Instr& in, uint32_t base);
    bool native_text(Goroutine& g, NativeId id, uint32_t base);
    void reset_library();  // the library's package variables of a new execution
    // A visible Print of g.print_buf (to stderr when `to_stderr`), or a direct append when
    // the VM runs a method for itself.
    void print_text(Goroutine& g, bool to_stderr, uint32_t site);
    std::string log_header(const std::string& prefix, int64_t flags, uint32_t site);
    bool error_as(Value err, uint32_t target_type, Cell target, int depth);
    Value lib_stdout{}, lib_stderr{}, lib_args{}, lib_eof{}, lib_unexpected_eof{}, lib_short_write{}, lib_closed_pipe{},
        lib_short_buffer{}, lib_no_progress{};
    Cell lib_log_cell = 0;  // the standard logger's mutex, as an atomic cell
    int64_t log_flags = 3;  // log.LstdFlags
    std::string log_prefix;
    int64_t gomaxprocs = 0;
    void sprintf(std::string& out, std::string_view fmt, const Value* args, uint32_t n);
    // The Error() / String() text of an interface value whose dynamic type has that method.
    bool call_string_method(Value iface, uint32_t method, std::string& out);  // iface copied: the stack may move
    std::string panic_text(const Value& iface);
    Gid current = 0;

    // --- natives_testing.cpp
    std::vector<TestRec> tests;  // this execution's test tree (empty outside test entries)
    void testing_native(Gid gid, Goroutine& g, const Instr& in);
    bool perform_test(Gid gid);
    bool perform_parallel(Gid gid, TestRec& t);  // vm/natives_testing_parallel.cpp
    bool testing_parallel_native(Goroutine& g, NativeId id, TestRec& t, uint32_t base);
    uint32_t make_test_chan();
    void goexit(Goroutine& g);
    static uint32_t unwinding_frame(const Goroutine& g);  // interpreter.cpp
    TestRec* test_of(const Value& t);
    std::string decorate(const TestRec& t, std::string_view s, uint32_t site, const Goroutine& g) const;

    // --- natives_errors.cpp: err's Unwrap() result (false: nothing to unwrap)
    bool unwrap_error(Value err, Value& out);

    // --- natives_time.cpp: true if `in` was one of time's timer natives
    bool native_time(Gid gid, Goroutine& g, const Instr& in);
    bool perform_timer(Gid gid, Pend pend, const Outcome& out);

    // --- natives_rand.cpp: true if `id` was one of math/rand's primitives
    bool native_rand(Goroutine& g, NativeId id, const Instr& in, uint32_t base);
    bool perform_rand(Goroutine& g, const Outcome& out);
    uint32_t caller_site(const Goroutine& g, uint32_t fallback) const;
    uint64_t global_draw(Goroutine& g);
    int64_t rand_seed = 1;        // the global source's seed (rand.Seed)
    uint64_t seeded_draws = 0;    // values drawn, not chosen, in this execution
    // --- natives_syncmap.cpp
    void sync_map_range_next(Gid gid, Goroutine& g, const Instr& in);
    void perform_sync_map_next(Goroutine& g);
};

}  // namespace lockstep::vm
