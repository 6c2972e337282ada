// The compiler's internal state, shared by compiler.cpp (declarations, types, statements)
// and compile_expr.cpp (expressions, calls, library shims). Private to vm/.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/diagnostic.hpp"
#include "lang/token.hpp"
#include "vm/compiler.hpp"

namespace lockstep::vm {

// The visible operation a library method is, when it is exactly one ("sync.(*Mutex).Lock").
bool sync_method_op(std::string_view native, OpKind& kind);
// 1 for a sync.(*RWMutex) method (the Sync instruction's a operand), else 0.
int32_t is_rwmutex_method(std::string_view native);
// The runtime type holds a Mutex, RWMutex, WaitGroup or Once that a copy of the value
// copies (vm/sync_copy.cpp).
bool copies_sync_state(const Module& m, uint32_t type, int depth = 0);

// Where a variable lives.
struct VarLoc {
    enum Kind : uint8_t { Frame, Boxed, Global, Env } kind = Frame;
    uint32_t index = 0;  // frame slot (Frame: the value; Boxed: the pointer), global cell, env index
};

// An addressable location being read or written.
struct Place {
    enum Kind : uint8_t { Frame, Heap } kind = Frame;
    uint32_t slot = 0;  // Frame: first slot
};

struct LoopLabels {
    const lang::Stmt* stmt = nullptr;
    std::vector<uint32_t> breaks, continues;
    uint32_t continue_target = UINT32_MAX;  // known when continue jumps backwards
};

struct FnCtx {
    uint32_t index = 0;
    const lang::FuncLit* lit = nullptr;
    std::unordered_map<const lang::Object*, VarLoc> vars;
    std::unordered_map<const lang::Object*, uint32_t> env;  // captured var -> env index
    uint32_t next_slot = 0;
    uint32_t max_slot = 0;
    std::vector<const lang::Object*> results;  // result vars (named or hidden)
    std::vector<uint32_t> result_slots;       // hidden result slots when unnamed
    const lang::Tuple* result_tuple = nullptr;
    bool has_defer = false;
    std::vector<uint32_t> returns;  // jumps to the epilogue
    std::vector<LoopLabels> loops;
    // goto: the pc of each labeled statement compiled so far, and the forward jumps
    // waiting for a label further down.
    std::unordered_map<const lang::Stmt*, uint32_t> label_pc;
    std::unordered_map<const lang::Stmt*, std::vector<uint32_t>> pending_gotos;
    struct Snippet {
        uint32_t patch;               // the Defer/Go instruction whose `a` gets the snippet pc
        std::vector<Instr> finish;
        uint32_t result_slots;
    };
    std::vector<Snippet> snippets;
    int closures = 0;
    std::string name;
};

class Compiler {
public:
    Compiler(const lang::File& file, const lang::TypeInfo& info) : m_file(file), m_info(info) {}
    std::shared_ptr<const Module> run(std::string_view entry);

    // --- errors and sites
    [[noreturn]] void unsupported(lang::Pos pos, const std::string& what) const;
    lang::Pos m_where{};  // the statement or expression being compiled (for emit's limits)
    uint32_t site(lang::Pos pos, std::string expr = {});
    // Code emitted from here on comes from pos (Function::pc_sites).
    void mark_site(lang::Pos pos);
    void mark_site_index(uint32_t site);
    static std::string expr_text(const lang::Expr* e);

    // --- types
    uint32_t rtype(const lang::Type* t);
    uint32_t slots(const lang::Type* t);
    uint32_t go_size(const lang::Type* t);
    void fill_methods();

    // --- emission
    uint32_t emit(Opcode op, int32_t a = 0, uint32_t n = 0, int32_t b = 0, uint8_t k = 0);
    uint32_t here() const;
    void patch(uint32_t at) { code()[at].a = static_cast<int32_t>(here()); }
    // Points every jump in `jumps` at `target`.
    void patch_all(const std::vector<uint32_t>& jumps, uint32_t target) {
        for (uint32_t j : jumps) code()[j].a = static_cast<int32_t>(target);
    }
    // Compiles a range loop's body with its labels in scope; returns the break and continue
    // jumps it emitted, for the caller to patch.
    LoopLabels loop_body(const lang::Stmt* body, LoopLabels labels);
    std::vector<Instr>& code();
    uint32_t temp(uint32_t n);
    uint32_t const_value(Value v);

    // --- functions and statements (compiler.cpp)
    void compile_function(uint32_t index, const lang::FuncType* sig_node, const lang::Signature* sig,
                          const lang::Object* recv, const lang::BlockStmt* body, const lang::FuncLit* lit);
    void declare_var(const lang::Object* obj, bool init_from_stack);
    void stmt(const lang::Stmt* s);
    void block(const std::vector<lang::Stmt*>& stmts);
    void assign(const lang::AssignStmt* s);
    void store_to(const lang::Expr* lhs, const lang::Type* rhs_type);  // value on stack
    // Two-phase assignment (compile_assign.cpp): a left operand's index and pointer
    // operands evaluated into temps, then the store of the value held in temp `value`.
    struct LhsRef {
        enum Kind : uint8_t { Name, MapEntry, Frame, Address } kind = Name;
        uint32_t a = 0, b = 0;  // MapEntry: map, key temps; Frame: slot; Address: pointer temp
    };
    LhsRef prepare_lhs(const lang::Expr* l);
    // [v×n] -> [p]: an array value copied to fresh cells (indexing or ranging over a
    // value that has no address).
    void spill(uint32_t n);
    void store_prepared(const LhsRef& r, const lang::Expr* l, const lang::Type* t, uint32_t value);
    void for_stmt(const lang::ForStmt* s);
    void per_iteration_copy(const lang::ForStmt* s);
    void range_stmt(const lang::RangeStmt* s);
    void switch_stmt(const lang::SwitchStmt* s);
    void type_switch(const lang::TypeSwitchStmt* s);
    void select_stmt(const lang::SelectStmt* s);
    void return_stmt(const lang::ReturnStmt* s);
    void go_defer(const lang::CallExpr* call, bool is_go, lang::Pos pos);
    void emit_epilogue();
    void emit_snippets();
    LoopLabels* find_loop(const lang::Stmt* target);

    // --- expressions (compile_expr.cpp)
    void expr(const lang::Expr* e);                               // pushes slots(e->type)
    void expr_to(const lang::Expr* e, const lang::Type* target);  // with assignability conversion
    void convert(const lang::Type* from, const lang::Type* to);   // value on stack
    void constant(const lang::ConstValue* v, const lang::Type* t, lang::Pos pos);
    bool place(const lang::Expr* e, Place& out);  // pushes a pointer for Heap places
    void load_place(const Place& p, uint32_t n, uint32_t rt, uint32_t site);
    void store_place(const Place& p, uint32_t n, uint32_t rt, uint32_t site);  // [ptr? v]
    void load_var(const lang::Object* obj, lang::Pos pos, const lang::Expr* e);
    bool var_place(const lang::Object* obj, Place& out);
    void selector(const lang::SelectorExpr* e);
    void index(const lang::IndexExpr* e);
    void binary(const lang::BinaryExpr* e);
    // unsigned_count: a shift's count is unsigned (a count >= 2^63 is no negative shift)
    void arith(lang::Tok op, const lang::Type* t, lang::Pos pos, bool unsigned_count = false);
    void compare(lang::Tok op, const lang::Type* t, lang::Pos pos);
    void unary(const lang::UnaryExpr* e);
    void composite(const lang::CompositeLit* e, bool on_heap);
    void func_lit(const lang::FuncLit* e);
    void type_assert(const lang::TypeAssertExpr* e);
    void conversion(const lang::CallExpr* e);
    // Pushes the call's operands and returns the instructions that complete it (so `go`
    // and `defer` can run them later, in a snippet).
    std::vector<Instr> prepare_call(const lang::CallExpr* e, uint32_t& result_slots);
    void call(const lang::CallExpr* e);  // pushes the results
    std::vector<Instr> builtin(const lang::CallExpr* e, lang::BuiltinKind k, uint32_t& result_slots);
    // copy() of elements holding sync values (vm/compile_sync_copy.cpp).
    std::vector<Instr> copy_sync_elements(const lang::CallExpr* e, const lang::Type* elem);
    std::vector<Instr> library(const lang::CallExpr* e, const lang::Object* fn, const lang::Expr* recv_expr,
                               const lang::Selection* sel, uint32_t& result_slots);
    void args(const lang::CallExpr* e, const lang::Signature* sig, bool native_variadic, uint8_t& flags);
    void receiver(const lang::SelectorExpr* e, bool want_pointer);
    void path(const lang::Expr* x, const std::vector<lang::FieldStep>& steps, bool want_addr, const lang::Expr* whole);
    uint32_t function_of(const lang::Object* fn);

    // --- wrappers (compile_wrappers.cpp)
    // A function taking a receiver of type `recv` then the method's arguments, calling
    // method `name` of recv's method set (promoted, library or dynamic); UINT32_MAX when
    // recv has no such method.
    uint32_t method_wrapper(const lang::Type* recv, std::string_view name);
    // A function calling library function `fn` with its own parameters.
    uint32_t library_function_value(const lang::Object* fn, lang::Pos pos);
    uint32_t rlocker_type();  // the runtime type of RWMutex.RLocker's result
    const lang::Type* pointer_to(const lang::Type* t);
    uint32_t begin_wrapper(std::string name, uint32_t param_slots, uint32_t result_slots, FnCtx& ctx);
    void end_wrapper(uint32_t result_slots);
    void library_var(const lang::Object* obj, lang::Pos pos);
    void emit_library_method(const lang::Object* m, uint32_t arg_slots, uint32_t site_index);
    uint32_t once_do_function();

    // --- tests (compile_testing.cpp)
    void test_main(const lang::Object* entry_fn);        // runtime.main's body for a TestXxx entry
    uint32_t test_run_function(uint32_t site_index, uint32_t end_site);    // testing.(*T).Run at one call site
    uint32_t test_parallel_function(uint32_t site_index);                  // testing.(*T).Parallel at one call site
    std::unordered_map<uint32_t, uint32_t> m_test_runs;
    // --- sync.Map.Range (compile_syncmap.cpp): the loop at one call site
    uint32_t sync_map_range_function(uint32_t site_index);
    uint32_t timer_function();  // vm/compile_timer.cpp
    std::unordered_map<uint32_t, uint32_t> m_map_ranges;
    uint32_t sort_search_function();  // vm/compile_sort.cpp
    uint32_t m_sort_search = UINT32_MAX;
    uint32_t sort_interface_function(bool stable, const lang::Type* iface);  // sort.Sort, sort.Stable
    uint32_t m_sort_sort = UINT32_MAX;
    uint32_t m_sort_stable = UINT32_MAX;
    uint32_t sort_is_sorted_function(const lang::Type* iface);
    uint32_t m_sort_is_sorted = UINT32_MAX;
    uint32_t sort_slice_is_sorted_function(const lang::Type* slice_type);
    std::unordered_map<uint32_t, uint32_t> m_sort_slice_sorted;  // by the slice's slot count
    uint32_t sort_slice_function(uint32_t site_index, const lang::Type* slice_type, bool stable);
    std::unordered_map<uint32_t, uint32_t> m_sort_slices;

    const lang::File& m_file;
    const lang::TypeInfo& m_info;
    std::shared_ptr<Module> m_mod;
    // Runtime types by Go spelling; one spelling may name several types (local types
    // `T` declared in different blocks), told apart by type identity.
    std::unordered_map<std::string, std::vector<std::pair<const lang::Type*, uint32_t>>> m_type_ids;
    std::vector<std::pair<const lang::Type*, uint32_t>> m_named_types;  // for method tables
    std::unordered_map<const lang::Object*, uint32_t> m_funcs;
    std::unordered_map<const lang::Object*, uint32_t> m_globals;
    std::unordered_map<const lang::FuncLit*, uint32_t> m_lits;
    FnCtx* m_fn = nullptr;
    uint32_t m_once_do = UINT32_MAX;
    uint32_t m_rlocker = UINT32_MAX;
    lang::Pos m_conversion_pos;  // the conversion being compiled (sites of []byte -> string reads)
    std::unordered_map<std::string, uint32_t> m_wrappers;  // "T\x1fM" or a library function's name
    std::vector<std::unique_ptr<lang::Pointer>> m_owned_types;  // types the compiler makes (*T for method values)
    uint32_t m_last_operands = 0;  // slots pushed by the last prepare_call
    // A time.After call whose channel only a receive sees (a plain receive, or a case of
    // a select without default): it compiles to TimeAfterReady (vm/natives_time.cpp).
    const lang::CallExpr* m_ready_timer = nullptr;
    // x, without parentheses, when it is a call of time.After; else null.
    static const lang::CallExpr* time_after_call(const lang::Expr* x);
    // The variable a defining identifier declares.
    static lang::Object* def(const lang::Expr* e) { return e->as<lang::Ident>()->obj; }
};

}  // namespace lockstep::vm
