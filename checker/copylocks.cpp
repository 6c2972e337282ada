// The copylocks check: go vet's copylocks pass over lockstep's typed AST (which values
// hold a lock, where the program copies one, and go vet's words for each finding).
#include "checker/copylocks.hpp"

#include <string_view>
#include <unordered_map>

#include "lang/token.hpp"

namespace lockstep::checker {

namespace {

using lang::Expr;
using lang::NodeKind;
using lang::Pos;
using lang::Type;

// The library types that hold a lock by value, and the path go vet prints for each. The
// inner part follows Go 1.19's real layouts, not lockstep's shims (lang/packages.hpp):
// a sync.WaitGroup's lock is its noCopy field, a sync.Once's its Mutex. sync.Mutex and
// sync.RWMutex are locks themselves (their pointer is a sync.Locker). atomic.Value has no
// noCopy field in Go 1.19, so go vet lets it be copied, and so does lockstep.
struct LibraryLock {
    std::string_view native;  // lang::Named::native
    std::string_view name;    // as go/types prints the type (package path, not name)
    std::string_view inner;   // what go vet says it contains, or empty
};
constexpr LibraryLock k_library_locks[] = {
    {"sync.Mutex", "sync.Mutex", ""},
    {"sync.RWMutex", "sync.RWMutex", ""},
    {"sync.WaitGroup", "sync.WaitGroup", "sync.noCopy"},
    {"sync.Once", "sync.Once", "sync.Mutex"},
    {"sync.Cond", "sync.Cond", "sync.noCopy"},
    {"sync.Pool", "sync.Pool", "sync.noCopy"},
    {"sync.Map", "sync.Map", "sync.Mutex"},
    {"atomic.Int32", "sync/atomic.Int32", "sync/atomic.noCopy"},
    {"atomic.Int64", "sync/atomic.Int64", "sync/atomic.noCopy"},
    {"atomic.Uint32", "sync/atomic.Uint32", "sync/atomic.noCopy"},
    {"atomic.Uint64", "sync/atomic.Uint64", "sync/atomic.noCopy"},
    {"atomic.Uintptr", "sync/atomic.Uintptr", "sync/atomic.noCopy"},
    {"atomic.Bool", "sync/atomic.Bool", "sync/atomic.noCopy"},
};

// Struct types nest only finitely in a checked program (a recursive struct is a
// diagnostic); the cap keeps a malformed TypeInfo from recursing without end.
constexpr int k_max_depth = 256;

// The tags of the file's struct types, by Struct and field index (lang::Object has no
// tag): go/types prints an unnamed struct's tags, quoted, and so do go vet's paths.
using TagTable = std::unordered_map<const lang::Struct*, std::vector<std::string>>;

std::string go_type_string(const Type* t, const TagTable* tags, int depth = 0);

std::string join_types(const lang::Tuple* tuple, const TagTable* tags, int depth) {
    std::string out;
    if (!tuple) return out;
    for (size_t i = 0; i < tuple->size(); ++i) {
        if (i > 0) out += ", ";
        out += go_type_string(tuple->at(i), tags, depth + 1);
    }
    return out;
}

// A tag's value from its literal as written (`json:"x"` or "json:\"x\"").
std::string unquote_tag(std::string_view lit) {
    if (lit.size() < 2) return "";
    std::string_view body = lit.substr(1, lit.size() - 2);
    if (lit.front() == '`') {
        std::string out;
        for (char ch : body)
            if (ch != '\r') out += ch;  // raw strings drop carriage returns
        return out;
    }
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        char esc = body[++i];
        out += esc == 'n' ? '\n' : esc == 't' ? '\t' : esc == 'r' ? '\r' : esc;
    }
    return out;
}

// strconv.Quote for the printable-ASCII tags Go programs use.
std::string quote(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char ch : text) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += static_cast<char>(ch);
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\t') {
            out += "\\t";
        } else if (ch < 0x20 || ch == 0x7f) {
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
        } else {
            out += static_cast<char>(ch);
        }
    }
    return out + "\"";
}

// How go/types' TypeString prints a type: package-level types qualified by their package
// *path* (`sync/atomic.Int64`, `main.Counter`), struct fields separated by "; ".
std::string go_type_string(const Type* t, const TagTable* tags, int depth) {
    if (!t || depth > k_max_depth) return "?";
    switch (t->kind) {
    case lang::TypeKind::Named: {
        auto n = t->as<lang::Named>();
        if (!n->obj) return lang::type_string(t);
        if (!n->obj->pkg) return n->obj->name;  // error
        return n->obj->pkg->path + "." + n->obj->name;
    }
    case lang::TypeKind::Pointer: return "*" + go_type_string(t->as<lang::Pointer>()->elem, tags, depth + 1);
    case lang::TypeKind::Slice: return "[]" + go_type_string(t->as<lang::Slice>()->elem, tags, depth + 1);
    case lang::TypeKind::Array: {
        auto a = t->as<lang::Array>();
        return "[" + std::to_string(a->len) + "]" + go_type_string(a->elem, tags, depth + 1);
    }
    case lang::TypeKind::Map: {
        auto m = t->as<lang::Map>();
        return "map[" + go_type_string(m->key, tags, depth + 1) + "]" + go_type_string(m->elem, tags, depth + 1);
    }
    case lang::TypeKind::Chan: {
        auto c = t->as<lang::Chan>();
        std::string_view prefix = c->dir == lang::ChanDir::Send ? "chan<- " : c->dir == lang::ChanDir::Recv ? "<-chan " : "chan ";
        return std::string(prefix) + go_type_string(c->elem, tags, depth + 1);
    }
    case lang::TypeKind::Struct: {
        std::string out = "struct{";
        auto s = t->as<lang::Struct>();
        const std::vector<std::string>* field_tags = nullptr;
        if (tags)
            if (auto it = tags->find(s); it != tags->end() && it->second.size() == s->fields.size())
                field_tags = &it->second;
        for (size_t i = 0; i < s->fields.size(); ++i) {
            if (i > 0) out += "; ";
            if (!s->fields[i]->embedded) out += s->fields[i]->name + " ";
            out += go_type_string(s->fields[i]->type, tags, depth + 1);
            if (field_tags && !(*field_tags)[i].empty()) out += " " + quote((*field_tags)[i]);
        }
        return out + "}";
    }
    case lang::TypeKind::Tuple: return "(" + join_types(t->as<lang::Tuple>(), tags, depth) + ")";
    default: return lang::type_string(t);  // basic, func and interface types print alike
    }
}

bool has_nullary_method(const Type* T, std::string_view name) {
    const lang::Object* m = lang::find_method(T, name);
    if (!m || !m->type) return false;
    auto sig = m->type->as<lang::Signature>();
    return sig && !sig->variadic && sig->params && sig->params->size() == 0 && sig->results &&
           sig->results->size() == 0;
}

bool is_locker(const Type* T) { return has_nullary_method(T, "Lock") && has_nullary_method(T, "Unlock"); }

// go vet's test for a lock of the user's own making: *T is a sync.Locker but T is not
// (Lock and Unlock on the pointer receiver, or promoted from an embedded sync.Mutex). A
// struct embedding a sync.Locker interface or a *sync.Mutex implements it by value and
// is safe to copy.
bool locker_by_pointer_only(const Type* T) {
    const lang::Pointer ptr(T);
    return is_locker(&ptr) && !is_locker(T);
}

// Appends to `path` (outermost first) where T holds a lock; false when it does not.
bool find_lock(const Type* t, std::vector<std::string>& path, const TagTable* tags, int depth) {
    if (!t || depth > k_max_depth) return false;
    // Arrays are copied element by element: [2]T holds what T holds, and go vet names T.
    for (const Type* u = lang::underlying(t); u && u->is<lang::Array>(); u = lang::underlying(t))
        t = u->as<lang::Array>()->elem;
    if (!t) return false;
    if (auto n = t->as<lang::Named>(); n && !n->native.empty()) {
        // A library type: its layout here is lockstep's shim, so only the table speaks.
        for (const auto& lock : k_library_locks) {
            if (n->native != lock.native) continue;
            path.emplace_back(lock.name);
            if (!lock.inner.empty()) path.emplace_back(lock.inner);
            return true;
        }
        return false;
    }
    const Type* u = lang::underlying(t);
    auto s = u ? u->as<lang::Struct>() : nullptr;
    if (!s) return false;  // pointers, slices, maps, interfaces, channels: copying shares
    path.push_back(go_type_string(t, tags));
    if (locker_by_pointer_only(t)) return true;
    for (const lang::Object* f : s->fields)
        if (find_lock(f->type, path, tags, depth + 1)) return true;
    path.pop_back();
    return false;
}

// go/ast's Pos of an expression: its first token (lockstep's node pos is the operator for
// binary expressions and the selector's dot for some shapes, so walk to the leftmost).
Pos start_pos(const Expr* e) {
    while (e) {
        switch (e->kind) {
        case NodeKind::BinaryExpr: e = e->as<lang::BinaryExpr>()->x; continue;
        case NodeKind::SelectorExpr: e = e->as<lang::SelectorExpr>()->x; continue;
        case NodeKind::IndexExpr: e = e->as<lang::IndexExpr>()->x; continue;
        case NodeKind::SliceExpr: e = e->as<lang::SliceExpr>()->x; continue;
        case NodeKind::TypeAssertExpr: e = e->as<lang::TypeAssertExpr>()->x; continue;
        case NodeKind::CallExpr: e = e->as<lang::CallExpr>()->fun; continue;
        case NodeKind::KeyValueExpr: e = e->as<lang::KeyValueExpr>()->key; continue;
        case NodeKind::CompositeLit:
            if (auto type = e->as<lang::CompositeLit>()->type_expr) {
                e = type;
                continue;
            }
            return e->pos;
        default: return e->pos;
        }
    }
    return {};
}

// Prints an expression as go vet's messages do (go/printer): `o.c`, `cs[0]`, `*p`,
// `(&c).Take`, `fmt.Println`. A function literal is printed from the source, re-indented
// as go/printer does (exact for gofmt-formatted code).
class ExprPrinter {
public:
    explicit ExprPrinter(const lang::SourceFile* src) : m_src(src) {}

    std::string print(const Expr* e, int depth = 1) const {
        if (!e) return "";
        switch (e->kind) {
        case NodeKind::Ident: return e->as<lang::Ident>()->name;
        case NodeKind::BasicLit: return e->as<lang::BasicLit>()->text;
        case NodeKind::ParenExpr: return "(" + print(e->as<lang::ParenExpr>()->x, depth) + ")";
        case NodeKind::SelectorExpr: {
            auto s = e->as<lang::SelectorExpr>();
            return print(s->x, depth) + "." + s->sel->name;
        }
        case NodeKind::IndexExpr: {
            auto x = e->as<lang::IndexExpr>();
            return print(x->x, depth) + "[" + print(x->index, depth + 1) + "]";
        }
        case NodeKind::SliceExpr: {
            auto s = e->as<lang::SliceExpr>();
            std::string out = print(s->x, depth) + "[" + print(s->low, depth + 1) + ":" + print(s->high, depth + 1);
            if (s->slice3) out += ":" + print(s->max, depth + 1);
            return out + "]";
        }
        case NodeKind::TypeAssertExpr: {
            auto t = e->as<lang::TypeAssertExpr>();
            return print(t->x, depth) + ".(" + (t->type_expr ? print(t->type_expr, depth) : "type") + ")";
        }
        case NodeKind::CallExpr: {
            auto c = e->as<lang::CallExpr>();
            std::string out = print(c->fun, depth) + "(";
            int arg_depth = c->args.size() > 1 ? depth + 1 : depth;
            for (size_t i = 0; i < c->args.size(); ++i) {
                if (i > 0) out += ", ";
                out += print(c->args[i], arg_depth);
            }
            return out + (c->has_ellipsis ? "...)" : ")");
        }
        case NodeKind::StarExpr: return "*" + print(e->as<lang::StarExpr>()->x, depth);
        case NodeKind::UnaryExpr: {
            auto u = e->as<lang::UnaryExpr>();
            return std::string(lang::tok_text(u->op)) + print(u->x, depth);
        }
        case NodeKind::BinaryExpr: {
            // go/printer drops the blanks around tighter-binding operators inside index
            // expressions and argument lists (`cs[i+1]`) and keeps them at the top level.
            auto b = e->as<lang::BinaryExpr>();
            bool compact = depth > 1 && lang::binary_precedence(b->op) >= 4;
            std::string_view sep = compact ? "" : " ";
            return print(b->x, depth) + std::string(sep) + std::string(lang::tok_text(b->op)) + std::string(sep) +
                   print(b->y, depth);
        }
        case NodeKind::KeyValueExpr: {
            auto kv = e->as<lang::KeyValueExpr>();
            return print(kv->key, depth) + ": " + print(kv->value_expr, depth);
        }
        case NodeKind::CompositeLit: {
            auto cl = e->as<lang::CompositeLit>();
            std::string out = print(cl->type_expr, depth) + "{";
            for (size_t i = 0; i < cl->elts.size(); ++i) {
                if (i > 0) out += ", ";
                out += print(cl->elts[i], depth);
            }
            return out + "}";
        }
        case NodeKind::FuncLit: return print_func_lit(e->as<lang::FuncLit>());
        case NodeKind::ArrayType: {
            auto a = e->as<lang::ArrayType>();
            std::string len = a->dots ? "..." : print(a->len, depth + 1);
            return "[" + len + "]" + print(a->elem, depth);
        }
        case NodeKind::MapType: {
            auto m = e->as<lang::MapType>();
            return "map[" + print(m->key, depth) + "]" + print(m->elem, depth);
        }
        case NodeKind::ChanType: {
            auto c = e->as<lang::ChanType>();
            std::string_view prefix = c->dir == lang::ChanDir::Send ? "chan<- " : c->dir == lang::ChanDir::Recv ? "<-chan " : "chan ";
            return std::string(prefix) + print(c->elem, depth);
        }
        case NodeKind::FuncType: return print_signature("func", e->as<lang::FuncType>());
        case NodeKind::StructType: {
            auto s = e->as<lang::StructType>();
            return s->fields.empty() ? "struct{}" : "struct{ " + print_fields(s->fields, "; ") + " }";
        }
        case NodeKind::InterfaceType: {
            auto it = e->as<lang::InterfaceType>();
            if (it->methods.empty()) return "interface{}";
            std::string out = "interface{ ";
            for (size_t i = 0; i < it->methods.size(); ++i) {
                if (i > 0) out += "; ";
                const lang::Field& m = it->methods[i];
                auto ft = m.type ? m.type->as<lang::FuncType>() : nullptr;
                if (!m.names.empty() && ft) out += print_signature(m.names[0]->name, ft);
                else out += print(m.type, depth);
            }
            return out + " }";
        }
        case NodeKind::Ellipsis: return "..." + print(e->as<lang::Ellipsis>()->elt, depth);
        default: return "";
        }
    }

private:
    std::string print_fields(const std::vector<lang::Field>& fields, std::string_view sep) const {
        std::string out;
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += sep;
            const lang::Field& f = fields[i];
            for (size_t k = 0; k < f.names.size(); ++k) out += (k > 0 ? ", " : "") + f.names[k]->name;
            if (!f.names.empty()) out += " ";
            if (f.variadic && f.type && !f.type->is<lang::Ellipsis>()) out += "...";
            out += print(f.type);
        }
        return out;
    }

    std::string print_signature(std::string_view keyword, const lang::FuncType* ft) const {
        std::string out = std::string(keyword) + "(" + print_fields(ft->params, ", ") + ")";
        if (ft->results.size() == 1 && ft->results[0].names.empty()) return out + " " + print(ft->results[0].type);
        if (!ft->results.empty()) out += " (" + print_fields(ft->results, ", ") + ")";
        return out;
    }

    // The literal's source text from `func` to its closing brace, every line after the
    // first losing the first line's indentation (go/printer prints it at indent 0).
    std::string print_func_lit(const lang::FuncLit* fl) const {
        Pos from = fl->pos;
        Pos to = fl->body ? fl->body->rbrace : Pos{};
        if (!m_src || !from.valid() || !to.valid() || to < from || from.col == 0 || to.col == 0)
            return print_signature("func", fl->sig) + " {…}";
        std::string_view first = m_src->line_text(from.line);
        if (from.col > first.size()) return print_signature("func", fl->sig) + " {…}";
        std::string_view indent = first.substr(0, first.find_first_not_of(" \t"));
        if (from.line == to.line) return std::string(first.substr(from.col - 1, to.col - from.col + 1));
        std::string out(first.substr(from.col - 1));
        for (uint32_t l = from.line + 1; l <= to.line; ++l) {
            std::string_view line = m_src->line_text(l);
            if (l == to.line) line = line.substr(0, to.col);
            if (line.substr(0, indent.size()) == indent) line.remove_prefix(indent.size());
            out += "\n";
            out += line;
        }
        return out;
    }

    const lang::SourceFile* m_src;
};

std::string join_path(const std::vector<std::string>& path) {
    std::string out;
    for (size_t i = 0; i < path.size(); ++i) {
        if (i > 0) out += " contains ";
        out += path[i];
    }
    return out;
}

// Whether `x` is a comma-ok form (`m[k]`, `x.(T)`, `<-ch` assigned to two variables):
// go/types gives it the type (T, bool), and go vet prints that tuple first.
bool is_comma_ok(const Expr* x) {
    if (auto i = x->as<lang::IndexExpr>()) return i->comma_ok;
    if (auto t = x->as<lang::TypeAssertExpr>()) return t->comma_ok;
    if (auto u = x->as<lang::UnaryExpr>()) return u->comma_ok;
    return false;
}

// Walks the file in go/ast's pre-order (a node before its children, children in go/ast's
// field order) so the findings come out in go vet's order.
class CopyLocks {
public:
    explicit CopyLocks(const lang::File& file) : m_file(file), m_printer(file.source) {}

    std::vector<Bug> run() {
        // Types may be declared after their use: collect every struct's tags first.
        m_pass = Pass::CollectTags;
        for (const lang::Decl* d : m_file.decls) decl(d);
        m_pass = Pass::Report;
        for (const lang::Decl* d : m_file.decls) decl(d);
        return std::move(m_bugs);
    }

private:
    enum class Pass : uint8_t { CollectTags, Report };

    std::string path_of(const Type* t) const {
        std::vector<std::string> path;
        return find_lock(t, path, &m_tags, 0) ? join_path(path) : std::string();
    }

    void record_tags(const lang::StructType* st) {
        auto s = st->type ? st->type->as<lang::Struct>() : nullptr;
        if (!s) return;
        std::vector<std::string> tags;
        for (const lang::Field& f : st->fields)
            tags.insert(tags.end(), f.names.empty() ? 1 : f.names.size(), unquote_tag(f.tag));
        m_tags[s] = std::move(tags);
    }

    void report(Pos pos, std::string message) {
        if (m_pass != Pass::Report) return;
        Bug bug;
        bug.kind_index = static_cast<uint32_t>(BugKind::CopiedLock);
        bug.severity = bug_kind_severity(BugKind::CopiedLock);
        bug.message = std::move(message);
        bug.location.file = m_file.source ? m_file.source->file_line(pos.line).path : std::string();
        bug.location.line = m_file.source ? m_file.source->file_line(pos.line).line : pos.line;
        bug.location.column = pos.col;
        m_bugs.push_back(std::move(bug));
    }

    // go vet's lockPathRhs: a composite literal or a call yields a new value (maybe the
    // zero value), so only copies of existing values count.
    std::string rhs_lock_path(const Expr* x) const {
        if (!x || x->is<lang::CompositeLit>() || x->is<lang::CallExpr>()) return "";
        if (auto star = x->as<lang::StarExpr>(); star && star->x && star->x->is<lang::CallExpr>()) return "";
        std::string path = path_of(x->type);
        if (!path.empty() && is_comma_ok(x)) path = "(" + go_type_string(x->type, &m_tags) + ", bool) contains " + path;
        return path;
    }

    void check_func(std::string_view name, const lang::Field* recv, const lang::FuncType* sig) {
        if (recv && recv->type) {
            std::string path = path_of(recv->type->type);
            if (!path.empty()) report(start_pos(recv->type), std::string(name) + " passes lock by value: " + path);
        }
        if (!sig) return;
        for (const lang::Field& f : sig->params) {
            // go/types records no type for a `...T` parameter's type expression, so go vet
            // never reports one.
            if (f.variadic || !f.type || f.type->is<lang::Ellipsis>()) continue;
            std::string path = path_of(f.type->type);
            if (!path.empty()) report(start_pos(f.type), std::string(name) + " passes lock by value: " + path);
        }
        // Results are not checked: `return T{}` returns a zero value; return statements
        // are checked where they copy.
    }

    void check_assign(const lang::AssignStmt* as) {
        for (size_t i = 0; i < as->rhs.size(); ++i) {
            std::string path = rhs_lock_path(as->rhs[i]);
            if (path.empty()) continue;
            std::string target = i < as->lhs.size() ? m_printer.print(as->lhs[i]) : std::string();
            report(start_pos(as->rhs[i]), "assignment copies lock value to " + target + ": " + path);
        }
    }

    void check_var_decl(const lang::GenDecl* gd) {
        if (gd->decl != lang::DeclKind::Var) return;
        for (const lang::ValueSpec& vs : gd->values) {
            for (size_t i = 0; i < vs.values.size(); ++i) {
                std::string path = rhs_lock_path(vs.values[i]);
                if (path.empty()) continue;
                std::string target = i < vs.names.size() ? vs.names[i]->name : std::string();
                report(start_pos(vs.values[i]), "variable declaration copies lock value to " + target + ": " + path);
            }
        }
    }

    void check_composite_lit(const lang::CompositeLit* cl) {
        for (const Expr* x : cl->elts) {
            if (auto kv = x->as<lang::KeyValueExpr>()) x = kv->value_expr;
            std::string path = rhs_lock_path(x);
            if (!path.empty()) report(start_pos(x), "literal copies lock value from " + m_printer.print(x) + ": " + path);
        }
    }

    void check_return(const lang::ReturnStmt* rs) {
        for (const Expr* x : rs->results) {
            std::string path = rhs_lock_path(x);
            if (!path.empty()) report(start_pos(x), "return copies lock value: " + path);
        }
    }

    void check_call(const lang::CallExpr* ce) {
        if (!ce->fun) return;
        const lang::Ident* id = ce->fun->as<lang::Ident>();
        if (auto sel = ce->fun->as<lang::SelectorExpr>()) id = sel->sel;
        // Builtins that only look at their argument's type or size do not copy it.
        if (id && id->obj && id->obj->kind == lang::ObjectKind::Builtin) {
            auto b = id->obj->builtin;
            if (b == lang::BuiltinKind::New || b == lang::BuiltinKind::Len || b == lang::BuiltinKind::Cap) return;
        }
        for (const Expr* x : ce->args) {
            std::string path = rhs_lock_path(x);
            if (!path.empty())
                report(start_pos(x), "call of " + m_printer.print(ce->fun) + " copies lock value: " + path);
        }
    }

    void check_range_var(const lang::RangeStmt* r, const Expr* e) {
        if (!e) return;
        auto id = e->as<lang::Ident>();
        if (id && id->name == "_") return;
        const Type* type = nullptr;
        if (r->define) {
            if (!id || !id->obj) return;
            type = id->obj->type;
        } else {
            type = e->type;
        }
        std::string path = path_of(type);
        if (!path.empty()) report(start_pos(e), "range var " + m_printer.print(e) + " copies lock: " + path);
    }

    // --- the walk

    void decl(const lang::Decl* d) {
        if (!d) return;
        if (auto gd = d->as<lang::GenDecl>()) {
            gen_decl(gd);
        } else if (auto fd = d->as<lang::FuncDecl>()) {
            check_func(fd->name ? std::string_view(fd->name->name) : std::string_view(), fd->recv, fd->sig);
            if (fd->recv) expr(fd->recv->type);
            expr(fd->sig);
            block(fd->body);
        }
    }

    void gen_decl(const lang::GenDecl* gd) {
        check_var_decl(gd);
        for (const lang::TypeSpec& ts : gd->types) expr(ts.type);
        for (const lang::ValueSpec& vs : gd->values) {
            expr(vs.type);
            for (const Expr* v : vs.values) expr(v);
        }
    }

    void block(const lang::BlockStmt* b) {
        if (!b) return;
        for (const lang::Stmt* s : b->stmts) stmt(s);
    }

    void stmts(const std::vector<lang::Stmt*>& list) {
        for (const lang::Stmt* s : list) stmt(s);
    }

    void stmt(const lang::Stmt* s) {
        if (!s) return;
        switch (s->kind) {
        case NodeKind::DeclStmt: gen_decl(s->as<lang::DeclStmt>()->decl); break;
        case NodeKind::LabeledStmt: stmt(s->as<lang::LabeledStmt>()->stmt); break;
        case NodeKind::ExprStmt: expr(s->as<lang::ExprStmt>()->x); break;
        case NodeKind::SendStmt: {
            auto send = s->as<lang::SendStmt>();
            expr(send->chan);
            expr(send->value);
            break;
        }
        case NodeKind::IncDecStmt: expr(s->as<lang::IncDecStmt>()->x); break;
        case NodeKind::AssignStmt: {
            auto as = s->as<lang::AssignStmt>();
            check_assign(as);
            for (const Expr* x : as->lhs) expr(x);
            for (const Expr* x : as->rhs) expr(x);
            break;
        }
        case NodeKind::GoStmt: expr(s->as<lang::GoStmt>()->call); break;
        case NodeKind::DeferStmt: expr(s->as<lang::DeferStmt>()->call); break;
        case NodeKind::ReturnStmt: {
            auto rs = s->as<lang::ReturnStmt>();
            check_return(rs);
            for (const Expr* x : rs->results) expr(x);
            break;
        }
        case NodeKind::BlockStmt: block(s->as<lang::BlockStmt>()); break;
        case NodeKind::IfStmt: {
            auto is = s->as<lang::IfStmt>();
            stmt(is->init);
            expr(is->cond);
            block(is->then);
            stmt(is->els);
            break;
        }
        case NodeKind::CaseClause: {
            auto cc = s->as<lang::CaseClause>();
            for (const Expr* x : cc->list) expr(x);
            stmts(cc->body);
            break;
        }
        case NodeKind::SwitchStmt: {
            auto sw = s->as<lang::SwitchStmt>();
            stmt(sw->init);
            expr(sw->tag);
            for (const lang::CaseClause* cc : sw->clauses) stmt(cc);
            break;
        }
        case NodeKind::TypeSwitchStmt: {
            // `x := y.(type)` is an assignment in go/ast, but go/types gives `y.(type)` no
            // type, so go vet never reports it; only y is walked.
            auto ts = s->as<lang::TypeSwitchStmt>();
            stmt(ts->init);
            expr(ts->subject);
            for (const lang::CaseClause* cc : ts->clauses) stmt(cc);
            break;
        }
        case NodeKind::CommClause: {
            auto cc = s->as<lang::CommClause>();
            stmt(cc->comm);
            stmts(cc->body);
            break;
        }
        case NodeKind::SelectStmt:
            for (const lang::CommClause* cc : s->as<lang::SelectStmt>()->clauses) stmt(cc);
            break;
        case NodeKind::ForStmt: {
            auto fs = s->as<lang::ForStmt>();
            stmt(fs->init);
            expr(fs->cond);
            stmt(fs->post);
            block(fs->body);
            break;
        }
        case NodeKind::RangeStmt: {
            auto rs = s->as<lang::RangeStmt>();
            check_range_var(rs, rs->key);
            check_range_var(rs, rs->value);
            expr(rs->key);
            expr(rs->value);
            expr(rs->x);
            block(rs->body);
            break;
        }
        default: break;  // EmptyStmt, BranchStmt
        }
    }

    void expr(const Expr* e) {
        if (!e) return;
        switch (e->kind) {
        case NodeKind::CompositeLit: {
            auto cl = e->as<lang::CompositeLit>();
            check_composite_lit(cl);
            expr(cl->type_expr);
            for (const Expr* x : cl->elts) expr(x);
            break;
        }
        case NodeKind::FuncLit: {
            auto fl = e->as<lang::FuncLit>();
            check_func("func", nullptr, fl->sig);
            expr(fl->sig);
            block(fl->body);
            break;
        }
        case NodeKind::ParenExpr: expr(e->as<lang::ParenExpr>()->x); break;
        case NodeKind::SelectorExpr: expr(e->as<lang::SelectorExpr>()->x); break;
        case NodeKind::IndexExpr: {
            auto ix = e->as<lang::IndexExpr>();
            expr(ix->x);
            expr(ix->index);
            break;
        }
        case NodeKind::SliceExpr: {
            auto sl = e->as<lang::SliceExpr>();
            expr(sl->x);
            expr(sl->low);
            expr(sl->high);
            expr(sl->max);
            break;
        }
        case NodeKind::TypeAssertExpr: {
            auto ta = e->as<lang::TypeAssertExpr>();
            expr(ta->x);
            expr(ta->type_expr);
            break;
        }
        case NodeKind::CallExpr: {
            auto ce = e->as<lang::CallExpr>();
            check_call(ce);
            expr(ce->fun);
            for (const Expr* x : ce->args) expr(x);
            break;
        }
        case NodeKind::StarExpr: expr(e->as<lang::StarExpr>()->x); break;
        case NodeKind::UnaryExpr: expr(e->as<lang::UnaryExpr>()->x); break;
        case NodeKind::BinaryExpr: {
            auto b = e->as<lang::BinaryExpr>();
            expr(b->x);
            expr(b->y);
            break;
        }
        case NodeKind::KeyValueExpr: {
            auto kv = e->as<lang::KeyValueExpr>();
            expr(kv->key);
            expr(kv->value_expr);
            break;
        }
        // Type expressions copy nothing, but hold struct tags and array lengths.
        case NodeKind::StructType: {
            auto st = e->as<lang::StructType>();
            if (m_pass == Pass::CollectTags) record_tags(st);
            fields(st->fields);
            break;
        }
        case NodeKind::ArrayType: {
            auto a = e->as<lang::ArrayType>();
            expr(a->len);
            expr(a->elem);
            break;
        }
        case NodeKind::MapType: {
            auto m = e->as<lang::MapType>();
            expr(m->key);
            expr(m->elem);
            break;
        }
        case NodeKind::ChanType: expr(e->as<lang::ChanType>()->elem); break;
        case NodeKind::FuncType: {
            auto ft = e->as<lang::FuncType>();
            fields(ft->params);
            fields(ft->results);
            break;
        }
        case NodeKind::InterfaceType: fields(e->as<lang::InterfaceType>()->methods); break;
        case NodeKind::Ellipsis: expr(e->as<lang::Ellipsis>()->elt); break;
        default: break;  // names and literals
        }
    }

    void fields(const std::vector<lang::Field>& list) {
        for (const lang::Field& f : list) expr(f.type);
    }

    const lang::File& m_file;
    ExprPrinter m_printer;
    Pass m_pass = Pass::Report;
    TagTable m_tags;
    std::vector<Bug> m_bugs;
};

}  // namespace

std::string lock_path(const lang::Type* T) {
    std::vector<std::string> path;
    if (!find_lock(T, path, nullptr, 0)) return "";
    return join_path(path);
}

std::vector<Bug> check_copylocks(const lang::File& file, const lang::TypeInfo& info) {
    (void)info;  // the types live in the AST's slots; info owns them
    return CopyLocks(file).run();
}

}  // namespace lockstep::checker
