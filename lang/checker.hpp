// The type checker's internal state, shared by its parts: check.cpp (package level and
// declarations), check_types.cpp (type expressions), check_expr.cpp (expressions),
// check_call.cpp (calls, conversions, builtins), check_stmt.cpp (statements). Not a
// public header: the API is lang/check.hpp.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/check.hpp"
#include "lang/diagnostic.hpp"
#include "lang/token.hpp"
#include "lang/types.hpp"

namespace lockstep::lang {

// What an expression turned out to be.
enum class Mode : uint8_t {
    Invalid,
    NoValue,   // a call without results
    Builtin,   // a builtin function name (only callable)
    TypeExpr,  // a type
    Constant,  // a constant (val set)
    Variable,  // an addressable value
    MapIndex,  // m[k]: assignable, not addressable, comma-ok
    Value,     // any other value
    CommaOk,   // x.(T) or <-ch: a value that may be used with `, ok`
    PkgName,   // a package name (only before `.`)
};

struct Operand {
    Mode mode = Mode::Invalid;
    Expr* expr = nullptr;
    const Type* type = nullptr;
    const ConstValue* val = nullptr;
    Object* obj = nullptr;  // Builtin / PkgName
};

struct Scope {
    Scope* parent = nullptr;
    std::unordered_map<std::string, Object*> names;
    Object* lookup_local(const std::string& n) const {
        auto it = names.find(n);
        return it == names.end() ? nullptr : it->second;
    }
};

// The function whose body is being checked.
struct FuncCtx {
    FuncCtx* outer = nullptr;
    Node* node = nullptr;     // FuncDecl or FuncLit
    FuncLit* lit = nullptr;   // when node is a FuncLit
    const Signature* sig = nullptr;
    std::vector<Object*> locals;  // to report "declared but not used"
    std::unordered_map<std::string, Object*> labels;
    // For goto's checks: the statement list each label stands in (and its index there),
    // the list's start position as Go names it, and the lists (with the index of the
    // statement being checked) that enclose the statement being checked.
    struct ListPos {
        const std::vector<Stmt*>* list = nullptr;
        size_t index = 0;
        Pos start;
    };
    std::unordered_map<const Object*, ListPos> label_at;
    std::vector<ListPos> open_lists;
};

// Package-level declaration details, for lazy (any order) resolution.
struct DeclInfo {
    enum class Kind : uint8_t { Type, Const, Var, Func } kind;
    TypeSpec* type_spec = nullptr;
    ValueSpec* spec = nullptr;       // const/var: the spec
    size_t index = 0;                // const/var: index of the name in the spec
    Expr* const_type = nullptr;      // const: type expr (possibly inherited)
    Expr* const_init = nullptr;      // const: init expr (possibly inherited)
    int iota = 0;
    FuncDecl* func = nullptr;
    enum class State : uint8_t { Unresolved, Resolving, Done } state = State::Unresolved;
    std::vector<Object*> lhs;        // var: every name of a multi-value spec
    bool init_checked = false;
};

// Statement context for break/continue/fallthrough.
struct BranchCtx {
    Stmt* break_target = nullptr;
    Stmt* continue_target = nullptr;
    bool fallthrough_ok = false;
};

// Thrown by Checker::error and caught per function body (and per package-level
// initializer), so that one error does not hide the others.
struct CheckAbort {
    Diagnostic diag;
    bool follow_on = false;  // caused by an earlier error: not reported
};

class Checker {
public:
    Checker(File& file, TypeInfo& info, const CheckOptions& options);
    void check_package();

    // --- errors (check.cpp)
    [[noreturn]] void error(Pos pos, std::string message);
    void soft_error(Pos pos, std::string message);  // collected, reported sorted
    void record_abort(const CheckAbort& a);
    void mark_used(Stmt* s);  // after a statement failed (check_recover.cpp)
    void salvage(Stmt* s);
    void finish();  // throws DiagnosticError with every error, sorted, if there is any
    void check_declarations();
    [[noreturn]] void unsupported(Pos pos, const std::string& what);
    [[noreturn]] void const_error(Pos op_pos, Pos operand_pos, const std::string& err);

    // --- scopes and objects (check.cpp)
    void push_scope();
    void pop_scope();
    void declare(Object* obj, Ident* id);
    Object* lookup(const std::string& name);
    Object* new_var(Ident* id, VarKind kind, const Type* type);
    void resolve_package_object(Object* obj);
    void use(Object* obj, Ident* id);
    void record_dep(Object* obj);

    // --- types (check_types.cpp)
    const Type* type_expr(Expr* e, bool direct = false);
    const Signature* signature(FuncType* ft, Field* recv, Node* owner, bool declare_params);
    const Struct* struct_type(StructType* st);
    const Interface* interface_type(InterfaceType* it);

    // --- expressions (check_expr.cpp)
    Operand expr(Expr* e, const Type* hint = nullptr);
    Operand rvalue(Expr* e, const Type* hint = nullptr);  // single value, not a type
    Operand multi_value(Expr* e);                          // value or tuple
    void convert_untyped(Operand& x, const Type* target);
    void assign_to(Operand& x, const Type* target, const std::string& context);
    void set_expr_type(Expr* e, const Type* t);
    std::string describe(const Operand& x);
    Operand ident(Ident* id);
    Operand selector(SelectorExpr* se);
    Operand composite(CompositeLit* cl, const Type* hint);
    Operand func_lit(FuncLit* fl);
    Operand unary(UnaryExpr* ue);
    Operand binary(BinaryExpr* be);
    Operand index(IndexExpr* ie);
    Operand slice(SliceExpr* se);
    void mark_address_taken(Expr* e);
    const ConstValue* constant_of(ConstValue v);
    int64_t constant_index(Expr* e, const char* what, int64_t bound);

    // --- calls (check_call.cpp)
    // The library's generic API (lang/check_library_generics.cpp): atomic.Pointer[T], and
    // calls of sync.OnceFunc, OnceValue and OnceValues (false: ce is no such call).
    const Type* instantiate_library(IndexExpr* ie);
    bool library_generic_call(CallExpr* ce, Operand& out);
    Operand call(CallExpr* ce);
    Operand conversion(CallExpr* ce, const Type* T);
    Operand builtin_call(CallExpr* ce, Object* b);
    Operand min_max_call(CallExpr* ce, bool is_min);  // Go 1.21 min/max (check_minmax.cpp)
    Operand complex_call(CallExpr* ce);                // complex(re, im) (check_complex.cpp)
    Operand real_imag_call(CallExpr* ce, bool real);  // real(c), imag(c)
    void call_args(CallExpr* ce, const Signature* sig, const std::string& fname);

    // --- statements (check_stmt.cpp)
    void func_body(Node* node, const Signature* sig, BlockStmt* body);
    void stmt_list(const std::vector<Stmt*>& list, const BranchCtx& bc);
    void stmt(Stmt* s, const BranchCtx& bc);
    void assign(AssignStmt* as);
    void define(AssignStmt* as);
    void assign_lhs(Expr* lhs, Operand& x, const std::string& context);
    void local_decl(GenDecl* gd);
    void const_specs(std::vector<ValueSpec>& specs, bool package_level);
    void return_stmt(ReturnStmt* rs);
    void go_defer(CallExpr* call, const char* what);
    bool terminating(Stmt* s, Ident* label = nullptr);
    void check_unused(FuncCtx& ctx);
    std::vector<Operand> rhs_values(std::vector<Expr*>& rhs, size_t nlhs, Pos err_pos);
    Operand lhs_operand(Expr* lhs);
    void collect_labels(const std::vector<Stmt*>& list, Pos start);
    void goto_stmt(BranchStmt* br);

    // --- package level (check.cpp)
    void collect();
    void declare_imports(const FileUnit& unit);
    Scope* file_scope_at(Pos pos) const;  // the file scope of the file `pos` is in
    void resolve_type_decl(Object* obj, DeclInfo& d);
    void resolve_const(Object* obj, DeclInfo& d);
    void resolve_var(Object* obj, DeclInfo& d);
    void resolve_func(Object* obj, DeclInfo& d);
    void attach_method(FuncDecl* fd);
    void compute_init_order();

    File& m_file;
    TypeInfo& m_info;
    CheckOptions m_options;
    Package* m_pkg = nullptr;
    std::vector<std::unique_ptr<Scope>> m_scopes;
    Scope* m_universe_shadow = nullptr;  // package scope (universe is consulted after it)
    Scope* m_file_scope = nullptr;       // imports (of the first file)
    std::vector<std::pair<uint32_t, Scope*>> m_unit_scopes;  // each file's first line and scope
    Scope* m_package_scope = nullptr;    // package-level declarations
    // The shim members of a library package that is also run from source (see check.cpp).
    std::unordered_map<std::string, Object*> m_shim_members;
    Scope* m_scope = nullptr;
    FuncCtx* m_func = nullptr;
    std::unordered_map<Object*, DeclInfo> m_decls;
    // The package-level type declarations being resolved, outermost first, each with
    // whether it was reached directly (not through a pointer, slice, map, chan or func):
    // a cycle is invalid only if every edge on it is direct.
    std::vector<std::pair<Object*, bool>> m_type_path;
    bool m_reach_direct = true;
    bool direct_cycle(Object* o) const;
    std::vector<Object*> m_imports;          // PackageName objects, for "imported and not used"
    std::vector<Diagnostic> m_soft;
    std::vector<Diagnostic> m_hard;
    bool m_unsalvaged = false;  // an error abandoned more than one statement
    // Package-level dependency graph for initialization order.
    Object* m_current_decl = nullptr;
    std::unordered_map<Object*, std::vector<Object*>> m_deps;
    int m_iota = -1;  // the iota of the const spec being evaluated, -1 outside
    std::vector<FuncDecl*> m_method_decls;
    // Enclosing for/range/switch/type switch/select statements of the current function,
    // innermost last: the targets of break and continue.
    std::vector<Stmt*> m_targets;
};

inline bool is_untyped_nil(const Type* t) {
    auto b = t ? t->as<Basic>() : nullptr;
    return b && b->basic == BasicKind::UntypedNil;
}

// Go's ExprString: how an expression appears in messages.
std::string expr_string(const Expr* e);
// The position of an expression's first token (a BinaryExpr's pos is its operator).
Pos start_pos(const Expr* e);

}  // namespace lockstep::lang
