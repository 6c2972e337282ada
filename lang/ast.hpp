// The abstract syntax tree of a Go source file, shaped after go/ast, plus the slots the
// type checker fills in (types, resolved objects, selections, constant values).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/source.hpp"

namespace lockstep::lang {

// Filled in by the type checker (lang/types.hpp); the parser leaves them null.
struct Type;
struct Object;
struct Selection;
struct ConstValue;

// ---------------------------------------------------------------------------------------
// Nodes. Every node is owned by the Ast arena of its file and referenced by raw pointer.

enum class NodeKind : uint8_t {
#define LOCKSTEP_NODE(name) name,
#include "lang/node_kinds.def"
#undef LOCKSTEP_NODE
};
std::string_view node_kind_name(NodeKind kind);

struct Node {
    explicit Node(NodeKind k, Pos p) : kind(k), pos(p) {}
    virtual ~Node() = default;
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    NodeKind kind;
    Pos pos;  // position of the node's first token (for binary expressions: the operator)

    template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
    template <class T> const T* as() const { return kind == T::Kind ? static_cast<const T*>(this) : nullptr; }
    template <class T> bool is() const { return kind == T::Kind; }
};

struct Expr : Node {
    using Node::Node;
    // Type checker output. `type` is the expression's type (for an untyped constant, its
    // default type after conversion to its context); `value` is set for constants.
    const Type* type = nullptr;
    const ConstValue* value = nullptr;
    // True when the expression denotes a type rather than a value (`[]int`, `sync.Mutex`).
    bool is_type = false;
};

struct Stmt : Node {
    using Node::Node;
};

struct Decl : Node {
    using Node::Node;
};

// ---------------------------------------------------------------------------------------
// Expressions

// Binary and unary operator tokens reuse the scanner's token kinds.
enum class Tok : uint8_t;

struct Ident : Expr {
    static constexpr NodeKind Kind = NodeKind::Ident;
    Ident(Pos p, std::string n) : Expr(Kind, p), name(std::move(n)) {}
    std::string name;      // "_" is the blank identifier
    Object* obj = nullptr; // what the name denotes (declaration or use), set by the resolver
};

enum class LitKind : uint8_t { Int, Float, Imag, Char, String };

struct BasicLit : Expr {
    static constexpr NodeKind Kind = NodeKind::BasicLit;
    BasicLit(Pos p, LitKind k, std::string t) : Expr(Kind, p), lit(k), text(std::move(t)) {}
    LitKind lit;
    std::string text;  // the literal exactly as written, quotes included
};

// `T{...}`: elements are plain expressions or KeyValueExpr.
struct CompositeLit : Expr {
    static constexpr NodeKind Kind = NodeKind::CompositeLit;
    CompositeLit(Pos p) : Expr(Kind, p) {}
    Expr* type_expr = nullptr;  // null for an elided type inside an outer literal
    std::vector<Expr*> elts;
    Pos lbrace, rbrace;
};

struct FuncType;
struct BlockStmt;

struct FuncLit : Expr {
    static constexpr NodeKind Kind = NodeKind::FuncLit;
    FuncLit(Pos p) : Expr(Kind, p) {}
    FuncType* sig = nullptr;
    BlockStmt* body = nullptr;
    // Variables of enclosing functions this literal refers to (set by the resolver), in
    // first-use order: the closure's captured cells.
    std::vector<Object*> captures;
};

struct ParenExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::ParenExpr;
    ParenExpr(Pos p, Expr* x) : Expr(Kind, p), x(x) {}
    Expr* x;
};

// `x.sel`: a field, a method (value or expression), or a qualified identifier `pkg.Name`.
struct SelectorExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::SelectorExpr;
    SelectorExpr(Pos p, Expr* x, Ident* sel) : Expr(Kind, p), x(x), sel(sel) {}
    Expr* x;
    Ident* sel;
    const Selection* selection = nullptr;  // null for a qualified identifier (sel->obj set)
};

struct IndexExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::IndexExpr;
    IndexExpr(Pos p, Expr* x, Expr* index) : Expr(Kind, p), x(x), index(index) {}
    Expr* x;
    Expr* index;
    // Set by the type checker for `m[k]` used as `v, ok := m[k]`.
    bool comma_ok = false;
};

struct SliceExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::SliceExpr;
    SliceExpr(Pos p, Expr* x) : Expr(Kind, p), x(x) {}
    Expr* x;
    Expr* low = nullptr;
    Expr* high = nullptr;
    Expr* max = nullptr;
    bool slice3 = false;
};

// `x.(T)`; `x.(type)` in a type switch has type_expr == nullptr.
struct TypeAssertExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::TypeAssertExpr;
    TypeAssertExpr(Pos p, Expr* x, Expr* t) : Expr(Kind, p), x(x), type_expr(t) {}
    Expr* x;
    Expr* type_expr;
    bool comma_ok = false;  // set by the type checker for `v, ok := x.(T)`
};

// A call, a conversion `T(x)` (fun->is_type), or a builtin call (fun resolves to a Builtin).
struct CallExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::CallExpr;
    CallExpr(Pos p, Expr* fun) : Expr(Kind, p), fun(fun) {}
    Expr* fun;
    std::vector<Expr*> args;
    bool has_ellipsis = false;  // f(xs...)
    Pos lparen, rparen;
};

// `*x`: a dereference, or a pointer type when is_type.
struct StarExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::StarExpr;
    StarExpr(Pos p, Expr* x) : Expr(Kind, p), x(x) {}
    Expr* x;
};

// `op x` for + - ! ^ & <-
struct UnaryExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::UnaryExpr;
    UnaryExpr(Pos p, Tok op, Expr* x) : Expr(Kind, p), op(op), x(x) {}
    Tok op;
    Expr* x;
    // For `<-ch` used as `v, ok := <-ch`.
    bool comma_ok = false;
};

struct BinaryExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::BinaryExpr;
    BinaryExpr(Pos p, Tok op, Expr* x, Expr* y) : Expr(Kind, p), op(op), x(x), y(y) {}
    Tok op;
    Expr* x;
    Expr* y;
};

// `key: value` inside a composite literal.
struct KeyValueExpr : Expr {
    static constexpr NodeKind Kind = NodeKind::KeyValueExpr;
    KeyValueExpr(Pos p, Expr* k, Expr* v) : Expr(Kind, p), key(k), value_expr(v) {}
    Expr* key;
    Expr* value_expr;
};

// ---------------------------------------------------------------------------------------
// Type expressions (also Expr, with is_type set by the checker)

// `[N]T`, `[...]T` (len == nullptr, dots), or `[]T` (len == nullptr, !dots).
struct ArrayType : Expr {
    static constexpr NodeKind Kind = NodeKind::ArrayType;
    ArrayType(Pos p) : Expr(Kind, p) {}
    Expr* len = nullptr;
    bool dots = false;
    Expr* elem = nullptr;
    bool is_slice() const { return len == nullptr && !dots; }
};

// One entry of a parameter, result, or struct field list: `a, b int`, `int`, or an
// embedded field `sync.Mutex` / `*Base` (names empty).
struct Field {
    std::vector<Ident*> names;
    Expr* type = nullptr;
    bool variadic = false;  // `...T` as the last parameter
    std::string tag;        // struct tag, raw
    Pos pos;
};

struct StructType : Expr {
    static constexpr NodeKind Kind = NodeKind::StructType;
    StructType(Pos p) : Expr(Kind, p) {}
    std::vector<Field> fields;
};

struct FuncType : Expr {
    static constexpr NodeKind Kind = NodeKind::FuncType;
    FuncType(Pos p) : Expr(Kind, p) {}
    std::vector<Field> params;
    std::vector<Field> results;
};

// Interface methods are Fields with one name and a FuncType; embedded interfaces have
// no names.
struct InterfaceType : Expr {
    static constexpr NodeKind Kind = NodeKind::InterfaceType;
    InterfaceType(Pos p) : Expr(Kind, p) {}
    std::vector<Field> methods;
};

struct MapType : Expr {
    static constexpr NodeKind Kind = NodeKind::MapType;
    MapType(Pos p) : Expr(Kind, p) {}
    Expr* key = nullptr;
    Expr* elem = nullptr;
};

enum class ChanDir : uint8_t { Both, Send, Recv };

struct ChanType : Expr {
    static constexpr NodeKind Kind = NodeKind::ChanType;
    ChanType(Pos p) : Expr(Kind, p) {}
    ChanDir dir = ChanDir::Both;
    Expr* elem = nullptr;
};

// `...` in `[...]T` handled by ArrayType; this is `...T` in a parameter list, kept only
// for completeness of the tree (Field::variadic is what the checker reads).
struct Ellipsis : Expr {
    static constexpr NodeKind Kind = NodeKind::Ellipsis;
    Ellipsis(Pos p, Expr* elt) : Expr(Kind, p), elt(elt) {}
    Expr* elt;
};

// ---------------------------------------------------------------------------------------
// Statements

struct GenDecl;

struct DeclStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::DeclStmt;
    DeclStmt(Pos p, GenDecl* d) : Stmt(Kind, p), decl(d) {}
    GenDecl* decl;
};

struct EmptyStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::EmptyStmt;
    EmptyStmt(Pos p) : Stmt(Kind, p) {}
};

struct LabeledStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::LabeledStmt;
    LabeledStmt(Pos p, Ident* l, Stmt* s) : Stmt(Kind, p), label(l), stmt(s) {}
    Ident* label;
    Stmt* stmt;
};

struct ExprStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::ExprStmt;
    ExprStmt(Pos p, Expr* x) : Stmt(Kind, p), x(x) {}
    Expr* x;
};

struct SendStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::SendStmt;
    SendStmt(Pos p, Expr* ch, Expr* v) : Stmt(Kind, p), chan(ch), value(v) {}
    Expr* chan;
    Expr* value;
};

struct IncDecStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::IncDecStmt;
    IncDecStmt(Pos p, Expr* x, bool inc) : Stmt(Kind, p), x(x), inc(inc) {}
    Expr* x;
    bool inc;
};

// `lhs op rhs` with op one of = := += -= *= /= %= &= |= ^= <<= >>= &^=
struct AssignStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::AssignStmt;
    AssignStmt(Pos p, Tok op) : Stmt(Kind, p), op(op) {}
    std::vector<Expr*> lhs;
    Tok op;
    std::vector<Expr*> rhs;
    // For `:=`: which lhs identifiers declare a new variable (the rest are reassigned).
    std::vector<bool> defines;
    Pos op_pos;  // the `=`, `:=` or `op=` (where Go places a declaration a goto jumps over)
};

struct GoStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::GoStmt;
    GoStmt(Pos p, CallExpr* c) : Stmt(Kind, p), call(c) {}
    CallExpr* call;
};

struct DeferStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::DeferStmt;
    DeferStmt(Pos p, CallExpr* c) : Stmt(Kind, p), call(c) {}
    CallExpr* call;
};

struct ReturnStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::ReturnStmt;
    ReturnStmt(Pos p) : Stmt(Kind, p) {}
    std::vector<Expr*> results;
};

// break, continue, goto, fallthrough (tok says which).
struct BranchStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::BranchStmt;
    BranchStmt(Pos p, Tok t, Ident* l) : Stmt(Kind, p), tok(t), label(l) {}
    Tok tok;
    Ident* label;  // may be null
    // The statement a break/continue leaves or continues, or the LabeledStmt a goto
    // jumps to (set by the resolver).
    Stmt* target = nullptr;
};

struct BlockStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::BlockStmt;
    BlockStmt(Pos p) : Stmt(Kind, p) {}
    std::vector<Stmt*> stmts;
    Pos rbrace;
};

struct IfStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::IfStmt;
    IfStmt(Pos p) : Stmt(Kind, p) {}
    Stmt* init = nullptr;
    Expr* cond = nullptr;
    BlockStmt* then = nullptr;
    Stmt* els = nullptr;  // null, IfStmt, or BlockStmt
};

// A case of a switch or type switch: `case a, b:` or `default:` (list empty).
struct CaseClause : Stmt {
    static constexpr NodeKind Kind = NodeKind::CaseClause;
    CaseClause(Pos p) : Stmt(Kind, p) {}
    std::vector<Expr*> list;
    bool is_default = false;
    std::vector<Stmt*> body;
    // Type switch with a bound variable: the per-clause implicit variable.
    Object* implicit = nullptr;
};

struct SwitchStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::SwitchStmt;
    SwitchStmt(Pos p) : Stmt(Kind, p) {}
    Stmt* init = nullptr;
    Expr* tag = nullptr;  // null: `switch { ... }` (switch true)
    std::vector<CaseClause*> clauses;
    Ident* label = nullptr;  // set by the parser when the switch is labeled
};

// `switch [init;] [x :=] y.(type) { ... }`
struct TypeSwitchStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::TypeSwitchStmt;
    TypeSwitchStmt(Pos p) : Stmt(Kind, p) {}
    Stmt* init = nullptr;
    Ident* bind = nullptr;        // the `x` of `x := y.(type)`, may be null
    Expr* subject = nullptr;      // y
    std::vector<CaseClause*> clauses;
    Ident* label = nullptr;
};

// A case of a select: `case v := <-ch:`, `case ch <- v:`, `case <-ch:`, `default:`.
struct CommClause : Stmt {
    static constexpr NodeKind Kind = NodeKind::CommClause;
    CommClause(Pos p) : Stmt(Kind, p) {}
    Stmt* comm = nullptr;  // SendStmt, ExprStmt(<-ch), AssignStmt(lhs = / := <-ch); null for default
    std::vector<Stmt*> body;
};

struct SelectStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::SelectStmt;
    SelectStmt(Pos p) : Stmt(Kind, p) {}
    std::vector<CommClause*> clauses;
    Ident* label = nullptr;
};

struct ForStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::ForStmt;
    ForStmt(Pos p) : Stmt(Kind, p) {}
    Stmt* init = nullptr;
    Expr* cond = nullptr;
    Stmt* post = nullptr;
    BlockStmt* body = nullptr;
    Ident* label = nullptr;
};

// `for k, v := range x` / `for k, v = range x` / `for range x`
struct RangeStmt : Stmt {
    static constexpr NodeKind Kind = NodeKind::RangeStmt;
    RangeStmt(Pos p) : Stmt(Kind, p) {}
    Expr* key = nullptr;
    Expr* value = nullptr;
    bool define = false;  // := rather than =
    Expr* x = nullptr;
    BlockStmt* body = nullptr;
    Ident* label = nullptr;
};

// ---------------------------------------------------------------------------------------
// Declarations

struct ImportSpec {
    Ident* name = nullptr;  // local name, `.` or `_`, or null
    std::string path;       // unquoted
    Pos pos;
};

// `a, b T = x, y` in a var or const group. For consts, an omitted type and values repeat
// the previous spec's (the parser leaves them empty; the checker applies the rule) and
// `iota` is the index of the spec in its group.
struct ValueSpec {
    std::vector<Ident*> names;
    Expr* type = nullptr;
    std::vector<Expr*> values;
    int iota = 0;
    Pos pos;
};

struct TypeSpec {
    Ident* name = nullptr;
    Expr* type = nullptr;
    bool alias = false;  // type A = B
    bool has_type_params = false;  // rejected as unsupported by the parser
    Pos pos;
};

enum class DeclKind : uint8_t { Import, Const, Type, Var };

struct GenDecl : Decl {
    static constexpr NodeKind Kind = NodeKind::GenDecl;
    GenDecl(Pos p, DeclKind k) : Decl(Kind, p), decl(k) {}
    DeclKind decl;
    std::vector<ImportSpec> imports;
    std::vector<ValueSpec> values;  // const and var
    std::vector<TypeSpec> types;
};

struct FuncDecl : Decl {
    static constexpr NodeKind Kind = NodeKind::FuncDecl;
    FuncDecl(Pos p) : Decl(Kind, p) {}
    Field* recv = nullptr;  // method receiver, or null
    Ident* name = nullptr;
    FuncType* sig = nullptr;
    BlockStmt* body = nullptr;  // null for a declaration without body (unsupported)
};

// ---------------------------------------------------------------------------------------
// A parsed file and the arena that owns its nodes.

class Ast {
public:
    template <class T, class... Args> T* make(Args&&... args) {
        auto node = std::make_unique<T>(std::forward<Args>(args)...);
        T* raw = node.get();
        m_nodes.push_back(std::move(node));
        return raw;
    }
    Field* make_field() {
        m_fields.push_back(std::make_unique<Field>());
        return m_fields.back().get();
    }

private:
    std::vector<std::unique_ptr<Node>> m_nodes;
    std::vector<std::unique_ptr<Field>> m_fields;
};

// One file of a package: its package clause and its imports (which are file-scoped).
struct FileUnit {
    Ident* package_name = nullptr;
    std::vector<GenDecl*> imports;
    uint32_t first_line = 1;  // where its package clause is, in the package's source
};

struct File {
    const SourceFile* source = nullptr;
    Ident* package_name = nullptr;  // the first file's
    std::vector<GenDecl*> imports;  // every file's
    // The files of a package of several files (SourceFile::package), in order; one unit
    // for a single file.
    std::vector<FileUnit> units;
    std::vector<Decl*> decls;  // in source order, imports included
    // Lockstep directives found in comments (`//lockstep:...`), and the `// Output:` /
    // `// Unordered output:` block of main, collected by the scanner.
    std::vector<Directive> directives;
    std::optional<ExpectedOutput> expected_output;
    Ast ast;
};

}  // namespace lockstep::lang
