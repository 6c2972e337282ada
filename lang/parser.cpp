// The parser: recursive descent over Go's grammar, after cmd/compile/internal/syntax
// (Go 1.19), whose error messages it reproduces. Each parse function carries its grammar
// rule. The first error ends the parse (DiagnosticError).
#include "lang/parser.hpp"

#include <fmt/format.h>

#include "lang/scanner.hpp"
#include "lang/token.hpp"

namespace lockstep::lang {

namespace {

constexpr std::string_view k_unsupported_type_params = "unsupported: generics (type parameters)";
constexpr std::string_view k_unsupported_instantiation = "unsupported: generics (type instantiation)";
constexpr std::string_view k_unsupported_constraints = "unsupported: generics (type constraints)";

// A parsed parameter before Go's naming rule decides whether a lone identifier is a
// name or a type.
struct ParamEntry {
    Ident* name = nullptr;
    Expr* type = nullptr;
    bool variadic = false;
    bool type_inherited = false;  // type copied from the entry to its right: same Field
    Pos pos;
};

Expr* unparen(Expr* x) {
    while (auto* p = x->as<ParenExpr>()) x = p->x;
    return x;
}

class Parser {
public:
    explicit Parser(const SourceFile& src) : m_src(src), m_scanner(src) {}

    std::unique_ptr<File> parse();

private:
    // ---- tokens and errors
    void next() { m_tok = m_scanner.next(); }
    bool got(Tok t) {
        if (m_tok.kind != t) return false;
        next();
        return true;
    }
    void want(Tok t) {
        if (!got(t)) syntax_error(fmt::format("expecting {}", tok_text(t)));
    }
    [[noreturn]] void error_at(Pos pos, std::string message) const {
        throw DiagnosticError(Diagnostic{&m_src, pos, std::move(message)});
    }
    [[noreturn]] void error(std::string message) const { error_at(m_tok.pos, std::move(message)); }
    [[noreturn]] void syntax_error_at(Pos pos, std::string_view msg) const;
    [[noreturn]] void syntax_error(std::string_view msg) const { syntax_error_at(m_tok.pos, msg); }
    std::string current_token_string() const;
    size_t offset_of(Pos pos) const;

    // Counts nesting so that pathological input is a diagnostic, not a stack overflow.
    struct NestGuard {
        Parser& p;
        NestGuard(Parser& parser, const char* what) : p(parser) {
            if (++p.m_depth > k_max_nesting) p.error(fmt::format("syntax error: {} nested too deeply", what));
        }
        ~NestGuard() { --p.m_depth; }
    };
    // A chain the grammar builds by a loop (`a+b+c...`, `x.f()[i].g...`) nests in the AST as
    // deeply as a recursive construct, and whatever walks the tree afterwards (the checker,
    // the compiler) recurses through it: each link counts as one level of nesting too.
    struct ChainGuard {
        Parser& p;
        const char* what;
        int links = 0;
        void link() {
            ++links;
            if (++p.m_depth > k_max_nesting) p.error(fmt::format("syntax error: {} nested too deeply", what));
        }
        ~ChainGuard() { p.m_depth -= links; }
    };

    // ---- declarations
    void import_decl(GenDecl* d);
    void const_decl(GenDecl* d, int iota);
    void type_decl(GenDecl* d);
    void var_decl(GenDecl* d);
    void unit_header(File& file);
    GenDecl* gen_decl(DeclKind kind);
    FuncDecl* func_decl();
    FuncType* func_type(Pos pos);
    void param_list(std::vector<Field>& out, Tok close);
    ParamEntry param_decl(Tok close);
    void func_result(std::vector<Field>& out);

    // ---- types
    Expr* type_or_null();
    Expr* type();
    Expr* qualified_name(Ident* name);
    Expr* array_type(Pos pos);
    Expr* chan_elem();
    StructType* struct_type();
    InterfaceType* interface_type();

    // ---- expressions
    Ident* name();
    std::vector<Ident*> name_list(Ident* first);
    Expr* expr();
    std::vector<Expr*> expr_list();
    Expr* binary_expr(int prec);
    Expr* unary_expr();
    Expr* operand();
    Expr* primary_expr();
    CompositeLit* complit_expr(Expr* type_expr);
    Expr* bare_complit_expr();
    FuncLit* func_lit_body(Pos pos, FuncType* sig);

    // ---- statements
    BlockStmt* block_stmt(std::string_view context);
    BlockStmt* func_body();
    std::vector<Stmt*> stmt_list();
    Stmt* stmt_or_null();
    Stmt* simple_stmt(std::vector<Expr*> lhs, Tok keyword);
    Stmt* labeled_stmt(Ident* label);
    Stmt* call_stmt();
    struct Header {
        Stmt* init = nullptr;
        Stmt* cond = nullptr;
        Stmt* post = nullptr;
        bool range = false;
    };
    Header header(Tok keyword);
    Expr* cond_expr(Stmt* s);
    Stmt* if_stmt();
    Stmt* for_stmt();
    Stmt* switch_stmt();
    Stmt* select_stmt();
    CaseClause* case_clause();
    CommClause* comm_clause();
    Stmt* decl_stmt(DeclKind kind);

    // ---- the Output block
    void find_expected_output(File& file);

    template <class T, class... Args> T* make(Args&&... args) {
        return m_file->ast.make<T>(std::forward<Args>(args)...);
    }

    const SourceFile& m_src;
    Scanner m_scanner;
    Token m_tok;
    File* m_file = nullptr;
    int m_xnest = 0;  // expression nesting; < 0 in a control clause header (no T{} there)
    int m_depth = 0;
    // Type switch guards `x.(type)` parsed so far, and where the first stray one is.
    int m_type_guards = 0;
    bool m_guard_allowed = false;
    Pos m_guard_pos;
    Pos m_assign_op_pos;  // operator of the last assignment simple_stmt built
    uint32_t m_main_rbrace_index = 0;
    bool m_have_main = false;
};

// ---------------------------------------------------------------------------------------
// Errors

std::string Parser::current_token_string() const {
    switch (m_tok.kind) {
    case Tok::Ident:
    case Tok::Semicolon:
        return std::string(m_tok.text);
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
        return "literal " + std::string(m_tok.text);
    default:
        return std::string(tok_text(m_tok.kind));
    }
}

// Go's syntaxErrorAt: "in ...", "at ...", "after ..." and "expecting ..." messages name the
// token found; other messages stand alone.
void Parser::syntax_error_at(Pos pos, std::string_view msg) const {
    auto starts = [&](std::string_view p) { return msg.substr(0, p.size()) == p; };
    std::string tail;
    if (msg.empty()) {
    } else if (starts("in ") || starts("at ") || starts("after ")) {
        tail = " " + std::string(msg);
    } else if (starts("expecting ")) {
        tail = ", " + std::string(msg);
    } else {
        error_at(pos, "syntax error: " + std::string(msg));
    }
    error_at(pos, "syntax error: unexpected " + current_token_string() + tail);
}

size_t Parser::offset_of(Pos pos) const {
    std::string_view line = m_src.line_text(pos.line);
    return static_cast<size_t>(line.data() - m_src.text().data()) + pos.col - 1;
}

// ---------------------------------------------------------------------------------------
// Source file and declarations

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
std::unique_ptr<File> Parser::parse() {
    auto file = std::make_unique<File>();
    file->source = &m_src;
    m_file = file.get();
    next();

    // PackageClause = "package" PackageName .
    if (m_tok.kind != Tok::Package) syntax_error("package statement must be first");
    unit_header(*file);

    // { TopLevelDecl ";" }
    while (m_tok.kind != Tok::Eof) {
        // The next file of a package of several files starts with its own package clause.
        if (m_tok.kind == Tok::Package && m_src.starts_file(m_tok.pos.line, file->units.back().first_line)) {
            unit_header(*file);
            continue;
        }
        switch (m_tok.kind) {
        case Tok::Const: file->decls.push_back(gen_decl(DeclKind::Const)); break;
        case Tok::Type: file->decls.push_back(gen_decl(DeclKind::Type)); break;
        case Tok::Var: file->decls.push_back(gen_decl(DeclKind::Var)); break;
        case Tok::Func: file->decls.push_back(func_decl()); break;
        default: {
            auto* last = file->decls.empty() ? nullptr : file->decls.back()->as<FuncDecl>();
            if (m_tok.kind == Tok::LBrace && last && !last->body)
                syntax_error("unexpected semicolon or newline before {");
            syntax_error("non-declaration statement outside function body");
        }
        }
        if (m_tok.kind != Tok::Eof && !got(Tok::Semicolon)) syntax_error("after top level declaration");
    }

    // A program of several packages: the package checked is the one without an import path.
    for (const FileUnit& unit : file->units)
        if (m_src.import_path(unit.first_line).empty()) {
            file->package_name = unit.package_name;
            break;
        }
    file->directives = std::move(m_scanner.directives());
    find_expected_output(*file);
    return file;
}

// A file's PackageClause ";" { ImportDecl ";" }: imports come first; a later one is a
// stray statement, as in Go. Each file of a package is a FileUnit of its own.
void Parser::unit_header(File& file) {
    FileUnit unit;
    unit.first_line = m_tok.pos.line;
    next();
    unit.package_name = name();
    if (!file.package_name) file.package_name = unit.package_name;
    if (m_tok.kind != Tok::Eof) want(Tok::Semicolon);
    while (m_tok.kind == Tok::Import) {
        GenDecl* d = gen_decl(DeclKind::Import);
        file.imports.push_back(d);
        unit.imports.push_back(d);
        file.decls.push_back(d);
        if (m_tok.kind != Tok::Eof) want(Tok::Semicolon);
    }
    file.units.push_back(std::move(unit));
}

// Declaration = ConstDecl | TypeSpec | VarDecl, single or grouped:
// XxxDecl = "xxx" ( XxxSpec | "(" { XxxSpec ";" } ")" ) .
GenDecl* Parser::gen_decl(DeclKind kind) {
    auto* d = make<GenDecl>(m_tok.pos, kind);
    next();
    auto spec = [&](int index) {
        switch (kind) {
        case DeclKind::Import: import_decl(d); break;
        case DeclKind::Const: const_decl(d, index); break;
        case DeclKind::Type: type_decl(d); break;
        case DeclKind::Var: var_decl(d); break;
        }
    };
    if (!got(Tok::LParen)) {
        spec(0);
        return d;
    }
    int index = 0;
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RParen) {
        spec(index++);
        // ";" is optional before ")"
        if (!got(Tok::Semicolon) && m_tok.kind != Tok::RParen)
            syntax_error("in grouped declaration; possibly missing semicolon or newline or )");
    }
    want(Tok::RParen);
    return d;
}

// ImportSpec = [ "." | PackageName ] ImportPath .
void Parser::import_decl(GenDecl* d) {
    ImportSpec spec;
    spec.pos = m_tok.pos;
    if (m_tok.kind == Tok::Ident) {
        spec.name = name();
    } else if (m_tok.kind == Tok::Period) {
        spec.name = make<Ident>(m_tok.pos, ".");
        next();
    }
    if (!is_literal(m_tok.kind)) syntax_error("missing import path");
    if (m_tok.kind != Tok::String) {
        next();
        syntax_error("import path must be a string");
    }
    // Import paths are plain ASCII in practice; a backslash would need full unquoting.
    std::string_view text = m_tok.text;
    if (text.find('\\') != std::string_view::npos) error("unsupported: escape sequence in import path");
    spec.path = std::string(text.substr(1, text.size() - 2));
    next();
    d->imports.push_back(std::move(spec));
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
void Parser::const_decl(GenDecl* d, int iota) {
    ValueSpec spec;
    spec.pos = m_tok.pos;
    spec.iota = iota;
    spec.names = name_list(name());
    if (m_tok.kind != Tok::Eof && m_tok.kind != Tok::Semicolon && m_tok.kind != Tok::RParen) {
        spec.type = type_or_null();
        if (m_tok.kind == Tok::Define) syntax_error("expecting =");
        if (got(Tok::Assign)) spec.values = expr_list();
    }
    d->values.push_back(std::move(spec));
}

// TypeSpec = identifier [ TypeParams ] [ "=" ] Type .
void Parser::type_decl(GenDecl* d) {
    TypeSpec spec;
    spec.pos = m_tok.pos;
    spec.name = name();
    if (m_tok.kind == Tok::LBrack) {
        // `type T[P C] ...` declares type parameters; `type T [N]E` is an array type. As in
        // Go, a name after '[' followed by anything but ']' or an operator is a parameter
        // (so `[P *C]` is an array length P*C, as Go decides too).
        Pos lbrack = m_tok.pos;
        next();
        if (got(Tok::RBrack)) {
            // `type T []E`: a slice type.
            auto* slice = make<ArrayType>(lbrack);
            slice->elem = type();
            spec.type = slice;
        } else if (m_tok.kind == Tok::Ident) {
            Token first = m_tok;
            next();
            Tok k = m_tok.kind;
            if (k != Tok::RBrack && k != Tok::Period && k != Tok::LParen && k != Tok::LBrack && binary_precedence(k) == 0)
                error_at(lbrack, std::string(k_unsupported_type_params));
            // An array length that starts with a name: finish the expression by hand.
            Expr* len = make<Ident>(first.pos, std::string(first.text));
            if (k == Tok::Period) {
                next();
                len = make<SelectorExpr>(first.pos, len, name());
            }
            ++m_xnest;
            // Continue the operand as a full binary expression.
            while (binary_precedence(m_tok.kind) > 0) {
                Tok op = m_tok.kind;
                Pos op_pos = m_tok.pos;
                int prec = binary_precedence(op);
                next();
                len = make<BinaryExpr>(op_pos, op, len, binary_expr(prec));
            }
            --m_xnest;
            want(Tok::RBrack);
            auto* arr = make<ArrayType>(lbrack);
            arr->len = len;
            arr->elem = type();
            spec.type = arr;
        } else {
            spec.type = array_type(lbrack);
        }
    } else {
        if (m_tok.kind == Tok::Define) syntax_error("expecting =");
        spec.alias = got(Tok::Assign);
        spec.type = type_or_null();
        if (!spec.type) syntax_error("in type declaration");
    }
    d->types.push_back(std::move(spec));
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
void Parser::var_decl(GenDecl* d) {
    ValueSpec spec;
    spec.pos = m_tok.pos;
    spec.names = name_list(name());
    if (m_tok.kind == Tok::Define) syntax_error("expecting =");
    if (got(Tok::Assign)) {
        spec.values = expr_list();
    } else {
        spec.type = type();
        if (m_tok.kind == Tok::Define) syntax_error("expecting =");
        if (got(Tok::Assign)) spec.values = expr_list();
    }
    d->values.push_back(std::move(spec));
}

// FunctionDecl = "func" FunctionName [ TypeParams ] Signature [ FunctionBody ] .
// MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
FuncDecl* Parser::func_decl() {
    auto* f = make<FuncDecl>(m_tok.pos);
    next();
    if (m_tok.kind == Tok::LParen) {
        Pos lparen = m_tok.pos;
        next();
        std::vector<Field> recv;
        param_list(recv, Tok::RParen);
        size_t count = 0;
        for (auto& field : recv) count += field.names.empty() ? 1 : field.names.size();
        if (count == 0) error_at(lparen, "method has no receiver");
        if (count > 1) error_at(lparen, "method has multiple receivers");
        f->recv = m_file->ast.make_field();
        *f->recv = std::move(recv.front());
    }
    if (m_tok.kind != Tok::Ident) syntax_error("expecting name or (");
    f->name = name();
    if (m_tok.kind == Tok::LBrack) error(std::string(k_unsupported_type_params));
    f->sig = func_type(f->pos);
    if (m_tok.kind == Tok::LBrace) {
        bool is_main = !f->recv && f->name->name == "main";
        f->body = func_body();
        if (is_main) {
            m_have_main = true;
            // The '}' was the last real token consumed: everything after it has a higher index.
            m_main_rbrace_index = m_tok.index - 1;
        }
    }
    return f;
}

// Signature = Parameters [ Result ] .   (the "func" and any name are already consumed)
FuncType* Parser::func_type(Pos pos) {
    auto* t = make<FuncType>(pos);
    if (m_tok.kind == Tok::LBrack) error(std::string(k_unsupported_type_params));
    want(Tok::LParen);
    param_list(t->params, Tok::RParen);
    func_result(t->results);
    return t;
}

// Result = Parameters | Type .
void Parser::func_result(std::vector<Field>& out) {
    if (got(Tok::LParen)) {
        param_list(out, Tok::RParen);
        return;
    }
    Pos pos = m_tok.pos;
    if (Expr* t = type_or_null()) {
        Field f;
        f.type = t;
        f.pos = pos;
        out.push_back(std::move(f));
    }
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .
ParamEntry Parser::param_decl(Tok close) {
    ParamEntry e;
    e.pos = m_tok.pos;
    if (m_tok.kind == Tok::Ident) {
        Ident* n = name();
        if (m_tok.kind == Tok::LBrack) {
            // name "[" ...: `a []int` / `a [4]int`, or an instantiation `T[int]`.
            Pos lbrack = m_tok.pos;
            next();
            if (got(Tok::RBrack)) {
                auto* arr = make<ArrayType>(lbrack);
                arr->elem = type();
                e.name = n;
                e.type = arr;
                return e;
            }
            Expr* t = array_type(lbrack);
            e.name = n;
            e.type = t;
            return e;
        }
        if (m_tok.kind == Tok::Period) {
            e.type = qualified_name(n);
            return e;
        }
        e.name = n;
    }
    if (m_tok.kind == Tok::Ellipsis) {
        next();
        e.variadic = true;
        e.type = type_or_null();
        if (!e.type) syntax_error("... is missing type");
        return e;
    }
    if (m_tok.kind == Tok::Tilde) error(std::string(k_unsupported_constraints));
    e.type = type_or_null();
    if (!e.name && !e.type) syntax_error(fmt::format("expecting {}", tok_text(close)));
    return e;
}

// Parameters = "(" [ ParameterList [ "," ] ] ")" .
// ParameterList = ParameterDecl { "," ParameterDecl } .
// Either every parameter is named or none is: in `(a, b int)` a takes b's type.
void Parser::param_list(std::vector<Field>& out, Tok close) {
    std::vector<ParamEntry> list;
    while (m_tok.kind != Tok::Eof && m_tok.kind != close) {
        list.push_back(param_decl(close));
        if (!got(Tok::Comma) && m_tok.kind != close)
            syntax_error(fmt::format("in parameter list; possibly missing comma or {}", tok_text(close)));
    }
    want(close);
    if (list.empty()) return;

    size_t named = 0;
    for (auto& e : list)
        if (e.name && e.type) ++named;

    if (named == 0) {
        // All unnamed: a lone name is a type.
        for (auto& e : list) {
            if (e.name && !e.type) {
                e.type = e.name;
                e.name = nullptr;
            }
        }
    } else if (named != list.size()) {
        Pos err;
        Expr* typ = nullptr;
        bool typ_variadic = false;
        for (size_t i = list.size(); i-- > 0;) {
            auto& e = list[i];
            if (e.type) {
                typ = e.type;
                typ_variadic = e.variadic;
                if (!e.name) err = e.type->pos;
            } else if (typ) {
                e.type = typ;
                e.variadic = typ_variadic;
                e.type_inherited = true;
            } else {
                err = e.name->pos;
            }
        }
        if (err.valid()) syntax_error_at(err, "mixed named and unnamed parameters");
    }

    for (size_t i = 0; i < list.size(); ++i) {
        auto& e = list[i];
        bool joins = !out.empty() && i > 0 && list[i - 1].type_inherited && e.name;
        if (joins) {
            out.back().names.push_back(e.name);
            out.back().type = e.type;
            out.back().variadic = e.variadic;
            continue;
        }
        Field f;
        f.pos = e.pos;
        if (e.name) f.names.push_back(e.name);
        f.type = e.type;
        f.variadic = e.variadic;
        out.push_back(std::move(f));
    }
    for (size_t i = 0; i + 1 < out.size(); ++i)
        if (out[i].variadic) error_at(out[i].pos, "can only use ... with final parameter in list");
}

// ---------------------------------------------------------------------------------------
// Types

// Type = TypeName | TypeLit | "(" Type ")" .
// TypeLit = ArrayType | StructType | PointerType | FunctionType | InterfaceType |
//           SliceType | MapType | ChannelType .
Expr* Parser::type_or_null() {
    NestGuard guard(*this, "type");
    Pos pos = m_tok.pos;
    switch (m_tok.kind) {
    case Tok::Mul: {
        // PointerType = "*" BaseType .
        next();
        return make<StarExpr>(pos, type());
    }
    case Tok::Arrow: {
        // ChannelType = "<-" "chan" ElementType .
        next();
        want(Tok::Chan);
        auto* t = make<ChanType>(pos);
        t->dir = ChanDir::Recv;
        t->elem = chan_elem();
        return t;
    }
    case Tok::Func:
        // FunctionType = "func" Signature .
        next();
        return func_type(pos);
    case Tok::LBrack: {
        // SliceType = "[" "]" ElementType .  ArrayType = "[" ArrayLength "]" ElementType .
        next();
        if (got(Tok::RBrack)) {
            auto* t = make<ArrayType>(pos);
            t->elem = type();
            return t;
        }
        return array_type(pos);
    }
    case Tok::Chan: {
        // ChannelType = "chan" [ "<-" ] ElementType .
        next();
        auto* t = make<ChanType>(pos);
        if (got(Tok::Arrow)) t->dir = ChanDir::Send;
        t->elem = chan_elem();
        return t;
    }
    case Tok::Map: {
        // MapType = "map" "[" KeyType "]" ElementType .
        next();
        want(Tok::LBrack);
        auto* t = make<MapType>(pos);
        t->key = type();
        want(Tok::RBrack);
        t->elem = type();
        return t;
    }
    case Tok::Struct:
        return struct_type();
    case Tok::Interface:
        return interface_type();
    case Tok::Ident:
        return qualified_name(nullptr);
    case Tok::LParen: {
        next();
        Expr* t = type();
        want(Tok::RParen);
        return make<ParenExpr>(pos, t);
    }
    default:
        return nullptr;
    }
}

Expr* Parser::type() {
    Expr* t = type_or_null();
    if (!t) syntax_error("expecting type");
    return t;
}

// TypeName = identifier | PackageName "." identifier .
Expr* Parser::qualified_name(Ident* n) {
    Expr* x = n ? n : name();
    if (m_tok.kind == Tok::Period) {
        next();
        x = make<SelectorExpr>(x->pos, x, name());
    }
    if (m_tok.kind == Tok::LBrack) {
        // A library generic type with one type argument (atomic.Pointer[T]): the checker
        // instantiates the ones lockstep knows and rejects the rest.
        if (!x->is<SelectorExpr>()) error(std::string(k_unsupported_instantiation));
        Pos pos = m_tok.pos;
        next();
        Expr* arg = type();
        if (m_tok.kind == Tok::Comma) error(std::string(k_unsupported_instantiation));
        want(Tok::RBrack);
        x = make<IndexExpr>(pos, x, arg);
    }
    return x;
}

// ArrayType = "[" ( ArrayLength | "..." ) "]" ElementType .   ("[" already consumed)
Expr* Parser::array_type(Pos pos) {
    auto* t = make<ArrayType>(pos);
    if (got(Tok::Ellipsis)) {
        t->dots = true;
    } else {
        ++m_xnest;
        t->len = expr();
        --m_xnest;
    }
    if (m_tok.kind == Tok::Comma) error_at(pos, std::string(k_unsupported_instantiation));
    want(Tok::RBrack);
    t->elem = type();
    return t;
}

Expr* Parser::chan_elem() {
    Expr* t = type_or_null();
    if (!t) syntax_error("missing channel element type");
    return t;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
// FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
// EmbeddedField = [ "*" ] TypeName .
StructType* Parser::struct_type() {
    auto* st = make<StructType>(m_tok.pos);
    next();
    want(Tok::LBrace);
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace) {
        Field f;
        f.pos = m_tok.pos;
        if (m_tok.kind == Tok::Ident) {
            Ident* n = name();
            Tok k = m_tok.kind;
            if (k == Tok::Period || k == Tok::String || k == Tok::Semicolon || k == Tok::RBrace) {
                f.type = qualified_name(n);  // embedded
            } else {
                f.names = name_list(n);
                f.type = type();
            }
        } else if (m_tok.kind == Tok::Mul) {
            Pos star = m_tok.pos;
            next();
            if (m_tok.kind == Tok::LParen) syntax_error("cannot parenthesize embedded type");
            f.type = make<StarExpr>(star, qualified_name(nullptr));
        } else if (m_tok.kind == Tok::LParen) {
            syntax_error("cannot parenthesize embedded type");
        } else {
            syntax_error("expecting field name or embedded type");
        }
        if (m_tok.kind == Tok::String) {
            f.tag = std::string(m_tok.text);
            next();
        }
        st->fields.push_back(std::move(f));
        if (!got(Tok::Semicolon) && m_tok.kind != Tok::RBrace)
            syntax_error("in struct type; possibly missing semicolon or newline or }");
    }
    want(Tok::RBrace);
    return st;
}

// InterfaceType = "interface" "{" { ( MethodSpec | InterfaceTypeName ) ";" } "}" .
// MethodSpec = MethodName Signature .
InterfaceType* Parser::interface_type() {
    auto* it = make<InterfaceType>(m_tok.pos);
    next();
    want(Tok::LBrace);
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace) {
        Field f;
        f.pos = m_tok.pos;
        if (m_tok.kind == Tok::Ident) {
            Ident* n = name();
            if (m_tok.kind == Tok::LParen) {
                f.names.push_back(n);
                f.type = func_type(n->pos);
            } else if (m_tok.kind == Tok::LBrack) {
                error(std::string(k_unsupported_type_params));
            } else {
                f.type = qualified_name(n);
            }
        } else if (m_tok.kind == Tok::LParen) {
            syntax_error("cannot parenthesize embedded type");
        } else if (m_tok.kind == Tok::Tilde) {
            error(std::string(k_unsupported_constraints));
        } else {
            Expr* t = type_or_null();
            if (!t) syntax_error("expecting method or embedded element");
            error_at(t->pos, std::string(k_unsupported_constraints));
        }
        if (m_tok.kind == Tok::Or) error(std::string(k_unsupported_constraints));
        it->methods.push_back(std::move(f));
        if (!got(Tok::Semicolon) && m_tok.kind != Tok::RBrace)
            syntax_error("in interface type; possibly missing semicolon or newline or }");
    }
    want(Tok::RBrace);
    return it;
}

// ---------------------------------------------------------------------------------------
// Expressions

Ident* Parser::name() {
    if (m_tok.kind != Tok::Ident) syntax_error("expecting name");
    auto* n = make<Ident>(m_tok.pos, std::string(m_tok.text));
    next();
    return n;
}

// IdentifierList = identifier { "," identifier } .
std::vector<Ident*> Parser::name_list(Ident* first) {
    std::vector<Ident*> names{first};
    while (got(Tok::Comma)) names.push_back(name());
    return names;
}

// Expression = UnaryExpr | Expression binary_op Expression .
Expr* Parser::expr() { return binary_expr(0); }

// ExpressionList = Expression { "," Expression } .
std::vector<Expr*> Parser::expr_list() {
    std::vector<Expr*> list{expr()};
    while (got(Tok::Comma)) list.push_back(expr());
    return list;
}

// Precedence climbing over Go's five binary levels; operators are left-associative.
Expr* Parser::binary_expr(int prec) {
    ChainGuard chain{*this, "expression"};
    Expr* x = unary_expr();
    for (;;) {
        int p = binary_precedence(m_tok.kind);
        if (p <= prec) return x;
        Tok op = m_tok.kind;
        Pos pos = m_tok.pos;
        chain.link();
        next();
        x = make<BinaryExpr>(pos, op, x, binary_expr(p));
    }
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
// unary_op = "+" | "-" | "!" | "^" | "*" | "&" | "<-" .
Expr* Parser::unary_expr() {
    NestGuard guard(*this, "expression");
    Pos pos = m_tok.pos;
    switch (m_tok.kind) {
    case Tok::Mul:
        next();
        return make<StarExpr>(pos, unary_expr());
    case Tok::Add: case Tok::Sub: case Tok::Not: case Tok::Xor: case Tok::And: {
        Tok op = m_tok.kind;
        next();
        return make<UnaryExpr>(pos, op, unary_expr());
    }
    case Tok::Tilde: {
        error(std::string(k_unsupported_constraints));
    }
    case Tok::Arrow: {
        next();
        Expr* x = unparen(unary_expr());
        if (auto* ch = x->as<ChanType>()) {
            // `<-chan T` was scanned as `<-` applied to `chan T`: it is a receive-only channel type.
            if (ch->dir == ChanDir::Send) syntax_error_at(ch->pos, "unexpected <-, expecting chan");
            ch->dir = ChanDir::Recv;
            ch->pos = pos;
            return ch;
        }
        return make<UnaryExpr>(pos, Tok::Arrow, x);
    }
    default:
        return primary_expr();
    }
}

// Operand = Literal | OperandName | "(" Expression ")" .
// Literal = BasicLit | CompositeLit | FunctionLit .
Expr* Parser::operand() {
    Pos pos = m_tok.pos;
    switch (m_tok.kind) {
    case Tok::Ident:
        return name();
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String: {
        LitKind k = m_tok.kind == Tok::Int     ? LitKind::Int
                    : m_tok.kind == Tok::Float ? LitKind::Float
                    : m_tok.kind == Tok::Imag  ? LitKind::Imag
                    : m_tok.kind == Tok::Char  ? LitKind::Char
                                               : LitKind::String;
        auto* lit = make<BasicLit>(pos, k, std::string(m_tok.text));
        next();
        return lit;
    }
    case Tok::LParen: {
        next();
        ++m_xnest;
        Expr* x = expr();
        --m_xnest;
        want(Tok::RParen);
        return make<ParenExpr>(pos, x);
    }
    case Tok::Func: {
        // FunctionLit = "func" Signature FunctionBody .
        next();
        FuncType* sig = func_type(pos);
        if (m_tok.kind == Tok::LBrace) return func_lit_body(pos, sig);
        return sig;
    }
    case Tok::LBrack: case Tok::Chan: case Tok::Map: case Tok::Struct: case Tok::Interface:
        return type();
    default:
        syntax_error("expecting expression");
    }
}

FuncLit* Parser::func_lit_body(Pos pos, FuncType* sig) {
    auto* f = make<FuncLit>(pos);
    f->sig = sig;
    ++m_xnest;
    f->body = func_body();
    --m_xnest;
    return f;
}

// PrimaryExpr = Operand | Conversion | PrimaryExpr Selector | PrimaryExpr Index |
//               PrimaryExpr Slice | PrimaryExpr TypeAssertion | PrimaryExpr Arguments |
//               CompositeLit .
Expr* Parser::primary_expr() {
    ChainGuard chain{*this, "expression"};
    Expr* x = operand();
    for (;;) {
        Pos pos = x->pos;
        if (m_tok.kind == Tok::Period || m_tok.kind == Tok::LBrack || m_tok.kind == Tok::LParen) chain.link();
        switch (m_tok.kind) {
        case Tok::Period: {
            next();
            if (m_tok.kind == Tok::Ident) {
                // Selector = "." identifier .
                x = make<SelectorExpr>(pos, x, name());
            } else if (got(Tok::LParen)) {
                // TypeAssertion = "." "(" Type ")" .   and the type switch guard `.(type)`
                if (got(Tok::Type)) {
                    ++m_type_guards;
                    if (!m_guard_allowed) error_at(pos, "use of .(type) outside type switch");
                    if (!m_guard_pos.valid()) m_guard_pos = pos;
                    x = make<TypeAssertExpr>(pos, x, nullptr);
                } else {
                    x = make<TypeAssertExpr>(pos, x, type());
                }
                want(Tok::RParen);
            } else {
                syntax_error("expecting name or (");
            }
            break;
        }
        case Tok::LBrack: {
            // Index = "[" Expression "]" .   Slice = "[" [ Expression ] ":" [ Expression ] "]" | ...
            next();
            ++m_xnest;
            Expr* index = nullptr;
            if (m_tok.kind != Tok::Colon) {
                if (m_tok.kind == Tok::RBrack) syntax_error("expecting operand");
                index = expr();
                if (m_tok.kind == Tok::Comma) error_at(pos, std::string(k_unsupported_instantiation));
                if (got(Tok::RBrack)) {
                    --m_xnest;
                    x = make<IndexExpr>(pos, x, index);
                    break;
                }
            }
            if (!got(Tok::Colon)) syntax_error("expecting comma, : or ]");
            auto* s = make<SliceExpr>(pos, x);
            s->low = index;
            if (m_tok.kind != Tok::Colon && m_tok.kind != Tok::RBrack) s->high = expr();
            if (m_tok.kind == Tok::Colon) {
                s->slice3 = true;
                if (!s->high) error("middle index required in 3-index slice");
                next();
                if (m_tok.kind == Tok::RBrack) error("final index required in 3-index slice");
                s->max = expr();
            }
            --m_xnest;
            want(Tok::RBrack);
            x = s;
            break;
        }
        case Tok::LParen: {
            // Arguments = "(" [ ExpressionList [ "..." ] [ "," ] ] ")" .
            auto* call = make<CallExpr>(pos, x);
            call->lparen = m_tok.pos;
            next();
            ++m_xnest;
            while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RParen) {
                call->args.push_back(expr());
                call->has_ellipsis = got(Tok::Ellipsis);
                if (!got(Tok::Comma) && m_tok.kind != Tok::RParen)
                    syntax_error("in argument list; possibly missing comma or )");
                if (call->has_ellipsis) break;
            }
            --m_xnest;
            call->rparen = m_tok.pos;
            want(Tok::RParen);
            x = call;
            break;
        }
        case Tok::LBrace: {
            // A '{' after a type name starts a composite literal, except in a control clause
            // header where it starts the block (write `if x == (T{}) {`).
            Expr* t = unparen(x);
            bool complit_ok = false;
            switch (t->kind) {
            case NodeKind::Ident:
            case NodeKind::SelectorExpr:
                complit_ok = m_xnest >= 0;
                break;
            case NodeKind::IndexExpr:
                // pkg.T[A]{...}: a library generic type's literal (atomic.Pointer[T]{})
                if (m_xnest >= 0 && !unparen(t->as<IndexExpr>()->x)->is<SelectorExpr>())
                    error_at(t->pos, std::string(k_unsupported_instantiation));
                complit_ok = m_xnest >= 0;
                break;
            case NodeKind::ArrayType:
            case NodeKind::StructType:
            case NodeKind::MapType:
                complit_ok = true;
                break;
            default:
                break;
            }
            if (!complit_ok) return x;
            if (t != x) syntax_error("cannot parenthesize type in composite literal");
            chain.link();
            x = complit_expr(x);
            break;
        }
        default:
            return x;
        }
    }
}

// CompositeLit = LiteralType LiteralValue .
// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
// ElementList = KeyedElement { "," KeyedElement } .   KeyedElement = [ Key ":" ] Element .
CompositeLit* Parser::complit_expr(Expr* type_expr) {
    NestGuard guard(*this, "expression");
    auto* lit = make<CompositeLit>(type_expr ? type_expr->pos : m_tok.pos);
    lit->type_expr = type_expr;
    lit->lbrace = m_tok.pos;
    ++m_xnest;
    want(Tok::LBrace);
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace) {
        Expr* e = bare_complit_expr();
        if (got(Tok::Colon)) e = make<KeyValueExpr>(e->pos, e, bare_complit_expr());
        lit->elts.push_back(e);
        if (!got(Tok::Comma) && m_tok.kind != Tok::RBrace)
            syntax_error("in composite literal; possibly missing comma or }");
    }
    --m_xnest;
    lit->rbrace = m_tok.pos;
    want(Tok::RBrace);
    return lit;
}

// Element = Expression | LiteralValue .   (a bare `{...}` has its type elided)
Expr* Parser::bare_complit_expr() {
    if (m_tok.kind == Tok::LBrace) return complit_expr(nullptr);
    return expr();
}

// ---------------------------------------------------------------------------------------
// Statements

// Block = "{" StatementList "}" .
BlockStmt* Parser::block_stmt(std::string_view context) {
    NestGuard guard(*this, "block");
    auto* b = make<BlockStmt>(m_tok.pos);
    if (!got(Tok::LBrace)) syntax_error(fmt::format("expecting {{ after {}", context));
    b->stmts = stmt_list();
    b->rbrace = m_tok.pos;
    want(Tok::RBrace);
    return b;
}

// FunctionBody = Block .   (composite literals are allowed again inside)
BlockStmt* Parser::func_body() {
    int outer_xnest = m_xnest;
    bool outer_guard = m_guard_allowed;
    m_xnest = 0;
    m_guard_allowed = false;
    BlockStmt* b = block_stmt("");
    m_xnest = outer_xnest;
    m_guard_allowed = outer_guard;
    return b;
}

// StatementList = { Statement ";" } .
std::vector<Stmt*> Parser::stmt_list() {
    std::vector<Stmt*> list;
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace && m_tok.kind != Tok::Case &&
           m_tok.kind != Tok::Default) {
        Stmt* s = stmt_or_null();
        if (!s) break;
        // Empty statements carry no meaning outside a label; they are dropped.
        if (!s->is<EmptyStmt>()) list.push_back(s);
        // ";" is optional before "}"
        if (!got(Tok::Semicolon) && m_tok.kind != Tok::RBrace) syntax_error("at end of statement");
    }
    return list;
}

// Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt | BreakStmt |
//             ContinueStmt | GotoStmt | FallthroughStmt | Block | IfStmt | SwitchStmt |
//             SelectStmt | ForStmt | DeferStmt .
Stmt* Parser::stmt_or_null() {
    Pos pos = m_tok.pos;
    if (m_tok.kind == Tok::Ident) {
        std::vector<Expr*> lhs = expr_list();
        if (lhs.size() == 1 && lhs[0]->is<Ident>() && m_tok.kind == Tok::Colon)
            return labeled_stmt(lhs[0]->as<Ident>());
        return simple_stmt(std::move(lhs), Tok::Illegal);
    }
    switch (m_tok.kind) {
    case Tok::Var: return decl_stmt(DeclKind::Var);
    case Tok::Const: return decl_stmt(DeclKind::Const);
    case Tok::Type: return decl_stmt(DeclKind::Type);
    case Tok::LBrace: return block_stmt("");
    case Tok::Add: case Tok::Sub: case Tok::Mul: case Tok::And: case Tok::Xor: case Tok::Not:
    case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::Char: case Tok::String:
    case Tok::Func: case Tok::LParen: case Tok::LBrack: case Tok::Struct: case Tok::Map:
    case Tok::Chan: case Tok::Interface: case Tok::Arrow:
        return simple_stmt({}, Tok::Illegal);
    case Tok::For: return for_stmt();
    case Tok::Switch: return switch_stmt();
    case Tok::Select: return select_stmt();
    case Tok::If: return if_stmt();
    case Tok::Fallthrough:
        next();
        return make<BranchStmt>(pos, Tok::Fallthrough, nullptr);
    case Tok::Break:
    case Tok::Continue: {
        Tok t = m_tok.kind;
        next();
        Ident* label = m_tok.kind == Tok::Ident ? name() : nullptr;
        return make<BranchStmt>(pos, t, label);
    }
    case Tok::Goto: {
        next();
        return make<BranchStmt>(pos, Tok::Goto, name());
    }
    case Tok::Go:
    case Tok::Defer:
        return call_stmt();
    case Tok::Return: {
        auto* r = make<ReturnStmt>(pos);
        next();
        if (m_tok.kind != Tok::Semicolon && m_tok.kind != Tok::RBrace) r->results = expr_list();
        return r;
    }
    case Tok::Semicolon:
        return make<EmptyStmt>(pos);
    default:
        return nullptr;
    }
}

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
// In a for header also RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
Stmt* Parser::simple_stmt(std::vector<Expr*> lhs, Tok keyword) {
    if (keyword == Tok::For && m_tok.kind == Tok::Range) {
        auto* r = make<RangeStmt>(m_tok.pos);
        next();
        r->x = expr();
        return r;
    }
    if (lhs.empty()) lhs = expr_list();
    Pos pos = lhs.front()->pos;

    if (lhs.size() == 1 && m_tok.kind != Tok::Assign && m_tok.kind != Tok::Define) {
        Tok t = m_tok.kind;
        if (is_op_assign(t)) {
            m_assign_op_pos = m_tok.pos;
            next();
            auto* a = make<AssignStmt>(pos, t);
            a->op_pos = m_assign_op_pos;
            a->lhs = std::move(lhs);
            a->rhs.push_back(expr());
            return a;
        }
        if (t == Tok::Inc || t == Tok::Dec) {
            next();
            return make<IncDecStmt>(pos, lhs.front(), t == Tok::Inc);
        }
        if (t == Tok::Arrow) {
            next();
            return make<SendStmt>(pos, lhs.front(), expr());
        }
        return make<ExprStmt>(pos, lhs.front());
    }

    if (m_tok.kind != Tok::Assign && m_tok.kind != Tok::Define) syntax_error("expecting := or = or comma");
    Tok op = m_tok.kind;
    m_assign_op_pos = m_tok.pos;
    next();
    if (keyword == Tok::For && m_tok.kind == Tok::Range) {
        auto* r = make<RangeStmt>(pos);
        next();
        if (lhs.size() > 2) error_at(lhs[2]->pos, "range clause permits at most two iteration variables");
        r->key = lhs[0];
        r->value = lhs.size() > 1 ? lhs[1] : nullptr;
        r->define = op == Tok::Define;
        r->x = expr();
        return r;
    }
    auto* a = make<AssignStmt>(pos, op);
    a->op_pos = m_assign_op_pos;
    a->lhs = std::move(lhs);
    a->rhs = expr_list();
    if (op == Tok::Define) {
        for (Expr* x : a->lhs)
            if (!x->is<Ident>()) error_at(x->pos, "non-name on left side of :=");
        a->defines.assign(a->lhs.size(), true);
    }
    return a;
}

// LabeledStmt = Label ":" Statement .
Stmt* Parser::labeled_stmt(Ident* label) {
    NestGuard guard(*this, "statement");
    Pos pos = label->pos;
    want(Tok::Colon);
    Stmt* s = nullptr;
    if (m_tok.kind == Tok::RBrace) {
        s = make<EmptyStmt>(m_tok.pos);
    } else {
        s = stmt_or_null();
        if (!s) syntax_error_at(pos, "missing statement after label");
    }
    if (auto* f = s->as<ForStmt>()) f->label = label;
    else if (auto* r = s->as<RangeStmt>()) r->label = label;
    else if (auto* sw = s->as<SwitchStmt>()) sw->label = label;
    else if (auto* ts = s->as<TypeSwitchStmt>()) ts->label = label;
    else if (auto* sel = s->as<SelectStmt>()) sel->label = label;
    return make<LabeledStmt>(pos, label, s);
}

// GoStmt = "go" Expression .   DeferStmt = "defer" Expression .
Stmt* Parser::call_stmt() {
    Pos pos = m_tok.pos;
    Tok t = m_tok.kind;
    next();
    Expr* x = primary_expr();
    if (unparen(x) != x) error_at(x->pos, fmt::format("expression in {} must not be parenthesized", tok_text(t)));
    auto* call = x->as<CallExpr>();
    if (!call) error_at(x->pos, fmt::format("expression in {} must be function call", tok_text(t)));
    if (t == Tok::Go) return make<GoStmt>(pos, call);
    return make<DeferStmt>(pos, call);
}

// The header of if, for and switch: [ SimpleStmt ";" ] [ Condition ] (for also
// [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ], or a RangeClause). A '{' in it ends
// the header rather than starting a composite literal.
Parser::Header Parser::header(Tok keyword) {
    Header h;
    next();  // the keyword
    if (m_tok.kind == Tok::LBrace) {
        if (keyword == Tok::If) syntax_error("missing condition in if statement");
        return h;
    }
    int outer = m_xnest;
    m_xnest = -1;
    if (m_tok.kind != Tok::Semicolon) {
        if (m_tok.kind == Tok::Var)
            syntax_error(fmt::format("var declaration not allowed in {} initializer", tok_text(keyword)));
        h.init = simple_stmt({}, keyword);
        if (h.init->is<RangeStmt>()) {
            h.range = true;
            m_xnest = outer;
            return h;
        }
    }
    if (m_tok.kind != Tok::LBrace) {
        Token semi = m_tok;
        if (m_tok.kind == Tok::Semicolon) next();
        else want(Tok::LBrace);
        if (keyword == Tok::For) {
            if (m_tok.kind != Tok::Semicolon) {
                if (m_tok.kind == Tok::LBrace) syntax_error("expecting for loop condition");
                h.cond = simple_stmt({}, Tok::Illegal);
            }
            want(Tok::Semicolon);
            if (m_tok.kind != Tok::LBrace) {
                h.post = simple_stmt({}, Tok::Illegal);
                auto* a = h.post->as<AssignStmt>();
                if (a && a->op == Tok::Define) syntax_error_at(m_assign_op_pos, "cannot declare in post statement of for loop");
            }
        } else if (m_tok.kind != Tok::LBrace) {
            h.cond = simple_stmt({}, keyword);
        } else if (keyword == Tok::If) {
            if (semi.text != "semicolon")
                syntax_error_at(semi.pos, fmt::format("unexpected {}, expecting {{ after if clause", semi.text));
            syntax_error_at(semi.pos, "missing condition in if statement");
        }
    } else {
        h.cond = h.init;
        h.init = nullptr;
    }
    m_xnest = outer;
    return h;
}

// A header's condition must be an expression; `if x = 1 {` is Go's classic mistake.
Expr* Parser::cond_expr(Stmt* s) {
    if (!s) return nullptr;
    if (auto* e = s->as<ExprStmt>()) return e->x;
    size_t begin = offset_of(s->pos);
    size_t end = offset_of(m_tok.pos);
    std::string_view text = std::string_view(m_src.text()).substr(begin, end - begin);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    Pos pos = s->pos;
    if (s->is<AssignStmt>()) pos = m_assign_op_pos;
    auto* a = s->as<AssignStmt>();
    if (a && a->op == Tok::Assign) {
        size_t op = offset_of(m_assign_op_pos) - begin;
        auto trim = [](std::string_view v) {
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
            while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
            return v;
        };
        syntax_error_at(pos, fmt::format("cannot use assignment ({}) = ({}) as value", trim(text.substr(0, op)),
                                         trim(text.substr(op + 1))));
    }
    syntax_error_at(pos, fmt::format("cannot use {} as value", text));
}

// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
Stmt* Parser::if_stmt() {
    NestGuard guard(*this, "block");
    auto* s = make<IfStmt>(m_tok.pos);
    Header h = header(Tok::If);
    s->init = h.init;
    s->cond = cond_expr(h.cond);
    s->then = block_stmt("if clause");
    if (got(Tok::Else)) {
        if (m_tok.kind == Tok::If) s->els = if_stmt();
        else if (m_tok.kind == Tok::LBrace) s->els = block_stmt("");
        else syntax_error("else must be followed by if or statement block");
    }
    return s;
}

// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
Stmt* Parser::for_stmt() {
    Pos pos = m_tok.pos;
    Header h = header(Tok::For);
    if (h.range) {
        auto* r = h.init->as<RangeStmt>();
        r->pos = pos;
        r->body = block_stmt("for clause");
        return r;
    }
    auto* s = make<ForStmt>(pos);
    s->init = h.init;
    s->cond = cond_expr(h.cond);
    s->post = h.post;
    s->body = block_stmt("for clause");
    return s;
}

// ExprSwitchStmt = "switch" [ SimpleStmt ";" ] [ Expression ] "{" { ExprCaseClause } "}" .
// TypeSwitchStmt = "switch" [ SimpleStmt ";" ] TypeSwitchGuard "{" { TypeCaseClause } "}" .
// TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" .
Stmt* Parser::switch_stmt() {
    Pos pos = m_tok.pos;
    int guards_before = m_type_guards;
    bool outer_allowed = m_guard_allowed;
    Pos outer_guard_pos = m_guard_pos;
    m_guard_allowed = true;
    m_guard_pos = Pos{};
    Header h = header(Tok::Switch);
    m_guard_allowed = outer_allowed;

    // Is the tag a type switch guard, bare or bound?
    Ident* bind = nullptr;
    TypeAssertExpr* guard = nullptr;
    if (h.cond) {
        if (auto* e = h.cond->as<ExprStmt>()) {
            auto* ta = unparen(e->x)->as<TypeAssertExpr>();
            if (ta && !ta->type_expr && ta == e->x) guard = ta;
        } else if (auto* a = h.cond->as<AssignStmt>()) {
            auto* ta = a->rhs.size() == 1 ? a->rhs[0]->as<TypeAssertExpr>() : nullptr;
            if (a->op == Tok::Define && a->lhs.size() == 1 && ta && !ta->type_expr) {
                guard = ta;
                bind = a->lhs[0]->as<Ident>();
            }
        }
    }
    int guards = m_type_guards - guards_before;
    if (guards > (guard ? 1 : 0)) {
        Pos stray = m_guard_pos;
        if (guard && stray == guard->pos) stray = guard->x->pos;  // the inner one is the stray
        error_at(stray, "use of .(type) outside type switch");
    }
    m_guard_pos = outer_guard_pos;

    Expr* tag = guard ? nullptr : cond_expr(h.cond);
    if (m_tok.kind != Tok::LBrace) syntax_error("missing { after switch clause");
    next();
    std::vector<CaseClause*> clauses;
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace) clauses.push_back(case_clause());
    want(Tok::RBrace);

    if (guard) {
        auto* ts = make<TypeSwitchStmt>(pos);
        ts->init = h.init;
        ts->bind = bind;
        ts->subject = guard->x;
        ts->clauses = std::move(clauses);
        return ts;
    }
    auto* s = make<SwitchStmt>(pos);
    s->init = h.init;
    s->tag = tag;
    s->clauses = std::move(clauses);
    return s;
}

// ExprCaseClause = ExprSwitchCase ":" StatementList .
// ExprSwitchCase = "case" ExpressionList | "default" .   (type cases list types)
CaseClause* Parser::case_clause() {
    NestGuard guard(*this, "block");
    auto* c = make<CaseClause>(m_tok.pos);
    if (got(Tok::Case)) {
        c->list = expr_list();
    } else if (got(Tok::Default)) {
        c->is_default = true;
    } else {
        syntax_error("expecting case or default or }");
    }
    want(Tok::Colon);
    c->body = stmt_list();
    return c;
}

// SelectStmt = "select" "{" { CommClause } "}" .
Stmt* Parser::select_stmt() {
    auto* s = make<SelectStmt>(m_tok.pos);
    next();
    if (m_tok.kind != Tok::LBrace) syntax_error("missing { after select clause");
    next();
    while (m_tok.kind != Tok::Eof && m_tok.kind != Tok::RBrace) s->clauses.push_back(comm_clause());
    want(Tok::RBrace);
    return s;
}

// CommClause = CommCase ":" StatementList .
// CommCase = "case" ( SendStmt | RecvStmt ) | "default" .
// RecvStmt = [ ExpressionList "=" | IdentifierList ":=" ] RecvExpr .
CommClause* Parser::comm_clause() {
    NestGuard guard(*this, "block");
    auto* c = make<CommClause>(m_tok.pos);
    if (got(Tok::Case)) {
        c->comm = simple_stmt({}, Tok::Illegal);
        auto is_recv = [](Expr* x) {
            auto* u = unparen(x)->as<UnaryExpr>();
            return u && u->op == Tok::Arrow;
        };
        bool ok = false;
        if (c->comm->is<SendStmt>()) ok = true;
        else if (auto* e = c->comm->as<ExprStmt>()) ok = is_recv(e->x);
        else if (auto* a = c->comm->as<AssignStmt>())
            ok = (a->op == Tok::Assign || a->op == Tok::Define) && a->lhs.size() <= 2 && a->rhs.size() == 1 &&
                 is_recv(a->rhs[0]);
        if (!ok) error_at(c->comm->pos, "select case must be send or receive (possibly with assignment)");
    } else if (!got(Tok::Default)) {
        syntax_error("expecting case or default or }");
    }
    want(Tok::Colon);
    c->body = stmt_list();
    return c;
}

// Declaration inside a function: DeclStmt wrapping a GenDecl.
Stmt* Parser::decl_stmt(DeclKind kind) {
    Pos pos = m_tok.pos;
    return make<DeclStmt>(pos, gen_decl(kind));
}

// ---------------------------------------------------------------------------------------
// The Output block

// go/ast's CommentGroup.Text for one `//` line: drop the slashes and one space.
std::string_view comment_line_text(std::string_view c) {
    c.remove_prefix(2);
    if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    while (!c.empty() && (c.back() == ' ' || c.back() == '\t' || c.back() == '\r')) c.remove_suffix(1);
    return c;
}

// A `//word:...` comment is a directive (//go:, //lockstep:), not text (go/ast's rule).
bool is_directive_comment(std::string_view c) {
    c.remove_prefix(2);
    size_t i = 0;
    while (i < c.size() && ((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9'))) ++i;
    return i > 0 && i + 1 < c.size() && c[i] == ':' &&
           ((c[i + 1] >= 'a' && c[i + 1] <= 'z') || (c[i + 1] >= '0' && c[i + 1] <= '9'));
}

// Go's testable-example rule (go/doc): the last comment group in main's body, when it
// begins with "Output:" or "Unordered output:" (case-insensitive), holds the expected
// output. lockstep also requires the group to be the last thing in the body.
void Parser::find_expected_output(File& file) {
    if (!m_have_main) return;
    const auto& comments = m_scanner.comments();
    // Comments directly before main's '}' have tokens_before == index of that '}'.
    size_t end = comments.size();
    while (end > 0 && comments[end - 1].tokens_before > m_main_rbrace_index) --end;
    if (end == 0 || comments[end - 1].tokens_before != m_main_rbrace_index) return;
    // Walk back over the group: consecutive non-trailing comments on adjacent lines.
    size_t begin = end - 1;
    while (begin > 0) {
        const Comment& prev = comments[begin - 1];
        const Comment& cur = comments[begin];
        if (cur.trailing || prev.trailing || prev.tokens_before != cur.tokens_before ||
            cur.pos.line > prev.end_line + 1)
            break;
        --begin;
    }
    if (comments[begin].trailing) return;

    std::vector<std::string_view> lines;
    for (size_t i = begin; i < end; ++i) {
        if (!comments[i].is_line()) return;
        if (is_directive_comment(comments[i].text)) continue;
        lines.push_back(comment_line_text(comments[i].text));
    }
    while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
    if (lines.empty()) return;

    std::string_view first = lines.front();
    while (!first.empty() && (first.front() == ' ' || first.front() == '\t')) first.remove_prefix(1);
    auto iequals_prefix = [](std::string_view s, std::string_view p) {
        if (s.size() < p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if ((s[i] | 0x20) != p[i] && s[i] != p[i]) return false;
        return true;
    };
    ExpectedOutput out;
    if (iequals_prefix(first, "unordered output:")) {
        out.unordered = true;
        first.remove_prefix(17);
    } else if (iequals_prefix(first, "output:")) {
        first.remove_prefix(7);
    } else {
        return;
    }
    for (size_t i = begin; i < end; ++i) {
        if (!is_directive_comment(comments[i].text)) {
            out.pos = comments[i].pos;
            break;
        }
    }
    while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
    if (!first.empty()) out.lines.emplace_back(first);
    for (size_t i = 1; i < lines.size(); ++i) out.lines.emplace_back(lines[i]);
    // go test compares with surrounding white space trimmed.
    while (!out.lines.empty() && out.lines.back().empty()) out.lines.pop_back();
    while (!out.lines.empty() && out.lines.front().empty()) out.lines.erase(out.lines.begin());
    file.expected_output = std::move(out);
}

}  // namespace

std::unique_ptr<File> parse_file(const SourceFile& src) {
    Parser parser(src);
    return parser.parse();
}

}  // namespace lockstep::lang
