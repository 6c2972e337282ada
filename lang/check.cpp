// The checker's driver: package-level declarations in any order (resolved lazily), method
// attachment, unused imports, `func main`, and the initialization order of globals.
#include "lang/check.hpp"

#include <algorithm>

#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/packages.hpp"
#include "lang/std_sources.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

std::unique_ptr<TypeInfo> check_file(File& file) { return check_file(file, CheckOptions{}); }

std::unique_ptr<TypeInfo> check_file(File& file, const CheckOptions& options) {
    auto info = std::make_unique<TypeInfo>();
    info->lang_minor = options.lang_minor;
    // A program of several packages (SourceFile::package with import paths): each package
    // is checked on its own, dependencies first, into the one TypeInfo; a checked
    // dependency is found by its import path as the library packages are.
    auto path_of = [&](uint32_t line) -> const std::string& {
        static const std::string none;
        return file.source ? file.source->import_path(line) : none;
    };
    std::vector<std::string> paths;
    for (const FileUnit& unit : file.units)
        if (std::find(paths.begin(), paths.end(), path_of(unit.first_line)) == paths.end()) paths.push_back(path_of(unit.first_line));
    if (paths.size() <= 1) {
        Checker checker(file, *info, options);
        checker.check_package();
        return info;
    }
    for (const std::string& path : paths) {
        File view;
        view.source = file.source;
        for (const FileUnit& unit : file.units) {
            if (path_of(unit.first_line) != path) continue;
            view.units.push_back(unit);
            view.imports.insert(view.imports.end(), unit.imports.begin(), unit.imports.end());
        }
        view.package_name = view.units[0].package_name;
        for (Decl* d : file.decls)
            if (path_of(d->pos.line) == path) view.decls.push_back(d);
        CheckOptions o = options;
        o.import_path = path;
        if (!path.empty()) {
            o.require_main = false;
            o.allow_testing = false;
        }
        Checker checker(view, *info, o);
        checker.check_package();
        if (!path.empty()) info->library_packages[path] = checker.m_pkg;
        info->init_packages.push_back(checker.m_pkg);
    }
    return info;
}

Checker::Checker(File& file, TypeInfo& info, const CheckOptions& options)
    : m_file(file), m_info(info), m_options(options) {}

// ---------------------------------------------------------------------------------------
// Errors

void Checker::error(Pos pos, std::string message) {
    // An error about an operand whose type is already invalid follows from an earlier
    // error: abandon the statement without reporting it again.
    bool follow_on = message.find("invalid type") != std::string::npos;
    throw CheckAbort{Diagnostic{m_file.source, pos, std::move(message)}, follow_on};
}

void Checker::record_abort(const CheckAbort& a) {
    if (!a.follow_on) m_hard.push_back(a.diag);
    m_unsalvaged = true;
    // Unwinding skipped the restores of the function being checked.
    m_func = nullptr;
    m_scope = m_file_scope;
    m_targets.clear();
    m_iota = -1;
    m_current_decl = nullptr;
}

void Checker::finish() {
    std::vector<Diagnostic> all = m_soft;
    all.insert(all.end(), m_hard.begin(), m_hard.end());
    if (all.empty()) return;
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
    throw DiagnosticError(std::move(all));
}

void Checker::soft_error(Pos pos, std::string message) {
    m_soft.push_back(Diagnostic{m_file.source, pos, std::move(message)});
}

void Checker::unsupported(Pos pos, const std::string& what) { error(pos, "unsupported: " + what); }

// ---------------------------------------------------------------------------------------
// Scopes

void Checker::push_scope() {
    m_scopes.push_back(std::make_unique<Scope>());
    m_scopes.back()->parent = m_scope;
    m_scope = m_scopes.back().get();
}

void Checker::pop_scope() { m_scope = m_scope->parent; }

void Checker::declare(Object* obj, Ident* id) {
    if (id) {
        id->obj = obj;
        obj->decl = id;
        obj->pos = id->pos;
        if (obj->type && (obj->kind == ObjectKind::Var || obj->kind == ObjectKind::Const)) id->type = obj->type;
        if (obj->kind == ObjectKind::TypeName && obj->type) {
            id->type = obj->type;
            id->is_type = true;
        }
    }
    if (obj->name == "_") return;
    if (Object* prev = m_scope->lookup_local(obj->name)) {
        std::string msg = obj->name + " redeclared in this block";
        if (prev->pos.valid())
            msg += "\n\t" + m_file.source->where(prev->pos) + ": other declaration of " + obj->name;
        error(obj->pos, msg);
    }
    m_scope->names[obj->name] = obj;
    if (m_scope == m_package_scope) m_pkg->members[obj->name] = obj;
}

Object* Checker::lookup(const std::string& name) {
    for (Scope* s = m_scope; s; s = s->parent)
        if (Object* o = s->lookup_local(name)) return o;
    Object* u = universe_lookup(name);
    // min, max and clear are builtins from Go 1.21 on: before, the names are undefined.
    if (u && u->kind == ObjectKind::Builtin &&
        (u->builtin == BuiltinKind::Min || u->builtin == BuiltinKind::Max || u->builtin == BuiltinKind::Clear) &&
        m_options.lang_minor < 21)
        return nullptr;
    return u;
}

Object* Checker::new_var(Ident* id, VarKind kind, const Type* type) {
    Object* v = m_info.make_object(ObjectKind::Var, id ? id->name : std::string(), id ? id->pos : Pos{});
    v->var_kind = kind;
    v->type = type;
    v->pkg = m_pkg;
    v->owner = m_func ? m_func->node : nullptr;
    return v;
}

// A use of `obj` by identifier `id`: marks it used, records captures and init deps.
void Checker::use(Object* obj, Ident* id) {
    obj->used = true;
    if (obj->kind == ObjectKind::Var && obj->var_kind != VarKind::Global && obj->var_kind != VarKind::Field && m_func &&
        obj->owner && obj->owner != m_func->node) {
        obj->captured = true;
        for (FuncCtx* f = m_func; f && f->node != obj->owner; f = f->outer) {
            if (!f->lit) continue;
            auto& caps = f->lit->captures;
            if (std::find(caps.begin(), caps.end(), obj) == caps.end()) caps.push_back(obj);
        }
    }
    if (obj->pkg == m_pkg && (obj->is_global() || (obj->kind == ObjectKind::Func && obj->func_decl))) record_dep(obj);
}

void Checker::record_dep(Object* obj) {
    if (m_current_decl) m_deps[m_current_decl].push_back(obj);
}

// ---------------------------------------------------------------------------------------
// Package level

Scope* Checker::file_scope_at(Pos pos) const {
    Scope* scope = m_file_scope;
    for (const auto& [line, s] : m_unit_scopes)
        if (line <= pos.line) scope = s;
    return scope;
}

namespace {
bool has_prefix(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool has_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

// A file's imports, declared in its file scope (m_scope).
void Checker::declare_imports(const FileUnit& unit) {
    bool test_file = m_file.source && has_suffix(m_file.source->file_line(unit.first_line).path, "_test.go");
    if (m_file.units.size() <= 1) test_file = m_options.allow_testing;
    for (GenDecl* gd : unit.imports) {
        for (ImportSpec& is : gd->imports) {
            if (is.path == "testing" && !test_file) unsupported(is.pos, "package \"testing\"");
            const std::string& module = m_options.module_path;
            Package* p = load_package(m_info, is.path);
            if (!p && !module.empty() && (is.path == module || has_prefix(is.path, module + "/")))
                error(is.pos, "package " + is.path + " is not in this module (no .go files in its directory)");
            std::string first = is.path.substr(0, is.path.find('/'));
            if (!p && first.find('.') != std::string::npos) unsupported(is.pos, "import of another module \"" + is.path + "\"");
            if (!p) unsupported(is.pos, "package \"" + is.path + "\"");
            if (is.name && (is.name->name == "." )) unsupported(is.name->pos, "dot imports");
            if (is.name && is.name->name == "_") continue;
            if (std::find(m_info.imports.begin(), m_info.imports.end(), p) == m_info.imports.end())
                m_info.imports.push_back(p);
            std::string local = is.name ? is.name->name : p->name;
            Object* o = m_info.make_object(ObjectKind::PackageName, local, is.pos);
            o->imported = p;
            o->pkg = m_pkg;
            o->pos = is.pos;
            if (is.name) is.name->obj = o;
            if (m_scope->lookup_local(local)) error(is.pos, local + " redeclared in this block");
            m_scope->names[local] = o;
            m_imports.push_back(o);
        }
    }
}

void Checker::collect() {
    // File scope: imports. Package scope: everything else. Universe after both.
    if (!m_shim_members.empty()) {
        push_scope();
        m_scope->names = m_shim_members;
    }
    push_scope();
    Scope* pkg_scope = m_scope;
    m_package_scope = pkg_scope;
    // One file scope per file of the package (imports are file-scoped), each a child of
    // the package scope.
    std::vector<FileUnit> units = m_file.units;
    if (units.empty()) units.push_back(FileUnit{m_file.package_name, m_file.imports, 1});
    for (const FileUnit& unit : units) {
        const std::string& name = unit.package_name->name;
        const std::string& first = m_file.package_name->name;
        if (name == first + "_test" || first == name + "_test")
            unsupported(unit.package_name->pos, "external test package " + name + " (write the tests in package " +
                                                    (name.size() < first.size() ? name : first) + ")");
        if (name != first)
            error(unit.package_name->pos, "found packages " + first + " (" + m_file.source->file_line(units[0].first_line).path +
                                              ") and " + name + " (" + m_file.source->file_line(unit.first_line).path + ")");
        m_scope = pkg_scope;
        push_scope();
        if (!m_file_scope) m_file_scope = m_scope;
        m_unit_scopes.emplace_back(unit.first_line, m_scope);
        declare_imports(unit);
    }

    // Package-level objects go in the package scope (the parent of the file scope).
    Scope* file_scope = m_file_scope;
    m_scope = pkg_scope;
    for (Decl* d : m_file.decls) {
        if (auto fd = d->as<FuncDecl>()) {
            if (fd->recv) {
                m_method_decls.push_back(fd);
                continue;
            }
            if (!fd->body) unsupported(fd->pos, "function declaration without body");
            Object* f = m_info.make_object(ObjectKind::Func, fd->name->name);
            f->pkg = m_pkg;
            f->func_decl = fd;
            m_info.funcs.push_back(f);
            if (fd->name->name == "init") {
                // Any number of inits, none of them a name: `init()` is undefined, as in Go.
                if (!fd->sig->params.empty() || !fd->sig->results.empty())
                    error(fd->name->pos, "func init must have no arguments and no return values");
                m_info.init_funcs.push_back(f);
                fd->name->obj = f;
                DeclInfo di{DeclInfo::Kind::Func};
                di.func = fd;
                m_decls[f] = di;
                continue;
            }
            if (fd->name->name == "main" && m_pkg->name == "main" && m_options.import_path.empty()) m_info.main_func = f;
            declare(f, fd->name);
            DeclInfo di{DeclInfo::Kind::Func};
            di.func = fd;
            m_decls[f] = di;
            continue;
        }
        auto gd = d->as<GenDecl>();
        if (!gd) continue;
        switch (gd->decl) {
        case DeclKind::Import: break;
        case DeclKind::Type:
            for (TypeSpec& ts : gd->types) {
                if (ts.has_type_params) unsupported(ts.pos, "generics (type parameters)");
                Object* o = m_info.make_object(ObjectKind::TypeName, ts.name->name);
                o->pkg = m_pkg;
                if (!ts.alias) {
                    auto n = m_info.make_type<Named>();
                    n->obj = o;
                    o->type = n;
                    m_info.named_types.push_back(n);
                }
                declare(o, ts.name);
                DeclInfo di{DeclInfo::Kind::Type};
                di.type_spec = &ts;
                m_decls[o] = di;
            }
            break;
        case DeclKind::Const: {
            Expr* last_type = nullptr;
            std::vector<Expr*>* last_values = nullptr;
            for (ValueSpec& vs : gd->values) {
                if (!vs.values.empty()) {
                    last_type = vs.type;
                    last_values = &vs.values;
                } else if (vs.type) {
                    error(vs.names[0]->pos, "missing init expr for " + vs.names[0]->name);
                }
                for (size_t i = 0; i < vs.names.size(); ++i) {
                    Object* o = m_info.make_object(ObjectKind::Const, vs.names[i]->name);
                    o->pkg = m_pkg;
                    declare(o, vs.names[i]);
                    DeclInfo di{DeclInfo::Kind::Const};
                    di.spec = &vs;
                    di.index = i;
                    di.iota = vs.iota;
                    di.const_type = last_type;
                    if (!last_values || i >= last_values->size())
                        error(vs.names[i]->pos, "missing init expr for " + vs.names[i]->name);
                    di.const_init = (*last_values)[i];
                    m_decls[o] = di;
                }
                if (last_values && last_values->size() > vs.names.size())
                    error(start_pos((*last_values)[vs.names.size()]), "extra init expr");
            }
            break;
        }
        case DeclKind::Var:
            for (ValueSpec& vs : gd->values) {
                std::vector<Object*> lhs;
                for (size_t i = 0; i < vs.names.size(); ++i) {
                    Object* v = m_info.make_object(ObjectKind::Var, vs.names[i]->name);
                    v->var_kind = VarKind::Global;
                    v->pkg = m_pkg;
                    declare(v, vs.names[i]);
                    m_info.globals.push_back(v);
                    lhs.push_back(v);
                }
                for (size_t i = 0; i < lhs.size(); ++i) {
                    DeclInfo di{DeclInfo::Kind::Var};
                    di.spec = &vs;
                    di.index = i;
                    di.lhs = lhs;
                    m_decls[lhs[i]] = di;
                }
            }
            break;
        }
    }
    m_scope = file_scope;
}

void Checker::resolve_package_object(Object* obj) {
    auto it = m_decls.find(obj);
    if (it == m_decls.end()) return;
    DeclInfo& d = it->second;
    if (d.state == DeclInfo::State::Done) return;
    switch (d.kind) {
    case DeclInfo::Kind::Type: resolve_type_decl(obj, d); break;
    case DeclInfo::Kind::Const: resolve_const(obj, d); break;
    case DeclInfo::Kind::Var: resolve_var(obj, d); break;
    case DeclInfo::Kind::Func: resolve_func(obj, d); break;
    }
}

void Checker::resolve_type_decl(Object* obj, DeclInfo& d) {
    if (d.state == DeclInfo::State::Resolving) {
        if (d.type_spec->alias || !obj->type) error(obj->pos, "invalid recursive type " + obj->name);
        return;  // a Named may refer to itself through pointers, slices, ...
    }
    d.state = DeclInfo::State::Resolving;
    m_type_path.emplace_back(obj, m_reach_direct);
    m_reach_direct = true;
    // Package-level type declarations are resolved in the package scope, from anywhere.
    Scope* saved = m_scope;
    FuncCtx* saved_func = m_func;
    m_scope = file_scope_at(d.type_spec->pos);
    m_func = nullptr;
    const Type* t = type_expr(d.type_spec->type, true);
    if (d.type_spec->alias) {
        obj->type = t;
    } else {
        auto n = const_cast<Named*>(obj->type->as<Named>());
        const Type* u = underlying(t);
        if (!u) error(d.type_spec->name->pos, "invalid recursive type " + obj->name);
        n->underlying = u;
    }
    if (obj->decl) {
        obj->decl->type = obj->type;
        obj->decl->is_type = true;
    }
    m_scope = saved;
    m_func = saved_func;
    m_type_path.pop_back();
    d.state = DeclInfo::State::Done;
}

void Checker::resolve_const(Object* obj, DeclInfo& d) {
    if (d.state == DeclInfo::State::Resolving) error(obj->pos, "initialization cycle or invalid recursive constant " + obj->name);
    d.state = DeclInfo::State::Resolving;
    Scope* saved = m_scope;
    FuncCtx* saved_func = m_func;
    int saved_iota = m_iota;
    m_scope = file_scope_at(obj->pos);
    m_func = nullptr;
    m_iota = d.iota;
    const Type* T = d.const_type ? type_expr(d.const_type) : nullptr;
    Operand x = expr(d.const_init);
    if (x.mode == Mode::TypeExpr || x.mode == Mode::NoValue || x.mode == Mode::Builtin)
        error(start_pos(d.const_init), expr_string(d.const_init) + " is not constant");
    if (x.mode != Mode::Constant)
        error(start_pos(d.const_init), describe(x) + " is not constant");
    if (T) {
        if (!is_const_type(T)) error(start_pos(d.const_type), "invalid constant type " + type_string(T, m_pkg));
        assign_to(x, T, "constant declaration");
    }
    obj->type = T ? T : x.type;
    obj->value = x.val;
    if (obj->decl) {
        obj->decl->type = obj->type;
        obj->decl->value = obj->value;
    }
    m_scope = saved;
    m_func = saved_func;
    m_iota = saved_iota;
    d.state = DeclInfo::State::Done;
}

void Checker::resolve_var(Object* obj, DeclInfo& d) {
    if (d.state == DeclInfo::State::Resolving) {
        if (!obj->type) error(obj->pos, "initialization cycle: " + obj->name + " refers to itself");
        return;
    }
    d.state = DeclInfo::State::Resolving;
    Scope* saved = m_scope;
    FuncCtx* saved_func = m_func;
    Object* saved_decl = m_current_decl;
    m_scope = file_scope_at(d.lhs[0]->pos);
    m_func = nullptr;
    m_current_decl = d.lhs[0];
    ValueSpec& vs = *d.spec;
    const Type* T = vs.type ? type_expr(vs.type) : nullptr;
    if (T)
        for (Object* v : d.lhs) v->type = T;
    if (vs.values.empty()) {
        if (!T) error(vs.pos, "missing type or init expr");
    } else if (vs.values.size() == d.lhs.size()) {
        for (size_t i = 0; i < d.lhs.size(); ++i) {
            Object* v = d.lhs[i];
            DeclInfo& di = m_decls[v];
            di.state = DeclInfo::State::Resolving;
            m_current_decl = v;
            Operand x = rvalue(vs.values[i]);
            assign_to(x, T, "variable declaration");
            if (!T) {
                if (x.type->is<Basic>() && x.type->as<Basic>()->basic == BasicKind::UntypedNil)
                    error(start_pos(vs.values[i]), "use of untyped nil in variable declaration");
                v->type = x.type;
            }
            m_info.init_order.push_back(Initializer{{v}, vs.values[i], m_pkg});
            di.state = DeclInfo::State::Done;
        }
    } else if (vs.values.size() == 1) {
        Operand x = multi_value(vs.values[0]);
        auto tup = x.type ? x.type->as<Tuple>() : nullptr;
        size_t n = tup ? tup->size() : 1;
        if (n != d.lhs.size())
            error(d.lhs[0]->pos, "assignment mismatch: " + std::to_string(d.lhs.size()) + " variables but " +
                                     (tup ? expr_string(vs.values[0]) + " returns " + std::to_string(n) + " value" +
                                                (n == 1 ? "" : "s")
                                          : "1 value"));
        for (size_t i = 0; i < d.lhs.size(); ++i) {
            const Type* vt = tup->at(i);
            if (T && !assignable(vt, T))
                error(start_pos(vs.values[0]), "cannot use " + expr_string(vs.values[0]) + " value of type " +
                                                   type_string(vt, m_pkg) + " as type " + type_string(T, m_pkg) +
                                                   " in variable declaration");
            if (!T) d.lhs[i]->type = vt;
            m_decls[d.lhs[i]].state = DeclInfo::State::Done;
        }
        m_info.init_order.push_back(Initializer{d.lhs, vs.values[0], m_pkg});
    } else {
        error(d.lhs[0]->pos, "assignment mismatch: " + std::to_string(d.lhs.size()) + " variable" +
                                 (d.lhs.size() == 1 ? "" : "s") + " but " + std::to_string(vs.values.size()) + " value" +
                                 (vs.values.size() == 1 ? "" : "s"));
    }
    for (Object* v : d.lhs) {
        m_decls[v].state = DeclInfo::State::Done;
        if (v->decl) v->decl->type = v->type;
    }
    m_scope = saved;
    m_func = saved_func;
    m_current_decl = saved_decl;
}

void Checker::resolve_func(Object* obj, DeclInfo& d) {
    if (d.state != DeclInfo::State::Unresolved) return;
    d.state = DeclInfo::State::Resolving;
    Scope* saved = m_scope;
    FuncCtx* saved_func = m_func;
    m_scope = file_scope_at(d.func->pos);
    m_func = nullptr;
    obj->type = signature(d.func->sig, nullptr, d.func, false);
    m_scope = saved;
    m_func = saved_func;
    d.state = DeclInfo::State::Done;
}

void Checker::attach_method(FuncDecl* fd) {
    Field* recv = fd->recv;
    Expr* rt = recv->type;
    bool ptr = false;
    while (auto p = rt->as<ParenExpr>()) rt = p->x;
    if (auto st = rt->as<StarExpr>()) {
        ptr = true;
        rt = st->x;
        while (auto p = rt->as<ParenExpr>()) rt = p->x;
    }
    auto id = rt->as<Ident>();
    if (!id) error(start_pos(recv->type), "invalid receiver type " + expr_string(recv->type));
    Object* tn = lookup(id->name);
    if (!tn) error(id->pos, "undefined: " + id->name);
    if (tn->kind != ObjectKind::TypeName) error(id->pos, id->name + " is not a type");
    resolve_package_object(tn);
    id->obj = tn;
    rt->type = tn->type;
    rt->is_type = true;
    if (tn->pkg != m_pkg || !tn->type->is<Named>())
        error(id->pos, "cannot define new methods on non-local type " + type_string(tn->type, m_pkg));
    auto named = const_cast<Named*>(tn->type->as<Named>());
    if (underlying(named)->is<Pointer>() || underlying(named)->is<Interface>())
        error(id->pos, "invalid receiver type " + id->name + " (pointer or interface type)");
    recv->type->type = ptr ? static_cast<const Type*>(m_info.pointer_to(named)) : named;
    recv->type->is_type = true;
    if (!fd->body) unsupported(fd->pos, "method declaration without body");

    Object* m = m_info.make_object(ObjectKind::Func, fd->name->name, fd->name->pos);
    m->pkg = m_pkg;
    m->func_decl = fd;
    m->decl = fd->name;
    m->ptr_recv = ptr;
    m->recv_named = named;
    fd->name->obj = m;
    if (m->name != "_") {
        for (Object* other : named->methods)
            if (other->name == m->name)
                error(fd->name->pos, named->obj->name + "." + m->name + " redeclared in this block\n\t" +
                                         m_file.source->where(other->pos) + ": other declaration of " + m->name);
        if (auto s = named->underlying->as<Struct>())
            for (Object* f : s->fields)
                if (f->name == m->name) error(fd->name->pos, "field and method with the same name " + m->name);
        named->methods.push_back(m);
    }
    m_info.funcs.push_back(m);
    // The signature (and receiver Var) is built in package scope.
    m->type = signature(fd->sig, recv, fd, false);
}

void Checker::compute_init_order() {
    // Reachable globals of each global (through functions and methods), Go's rule: the
    // earliest variable in declaration order that is ready is initialized next.
    // Only this package's: those of the packages checked before it are in order already.
    std::vector<Initializer> all = std::move(m_info.init_order);
    m_info.init_order.clear();
    std::vector<Initializer> inits;
    for (auto& init : all) (init.pkg == m_pkg ? inits : m_info.init_order).push_back(std::move(init));
    auto reach = [&](Object* root) {
        std::unordered_set<Object*> seen;
        std::vector<Object*> stack{root};
        std::vector<Object*> vars;
        while (!stack.empty()) {
            Object* o = stack.back();
            stack.pop_back();
            auto it = m_deps.find(o);
            if (it == m_deps.end()) continue;
            for (Object* d : it->second) {
                if (!seen.insert(d).second) continue;
                if (d->is_global()) vars.push_back(d);
                if (d->kind == ObjectKind::Func) stack.push_back(d);
                else if (d->is_global()) continue;
            }
        }
        return vars;
    };
    std::unordered_map<Object*, size_t> init_of;  // var -> index in inits
    for (size_t i = 0; i < inits.size(); ++i)
        for (Object* v : inits[i].lhs) init_of[v] = i;
    std::vector<std::vector<Object*>> needs(inits.size());
    for (size_t i = 0; i < inits.size(); ++i)
        for (Object* v : inits[i].lhs) {
            auto r = reach(v);
            needs[i].insert(needs[i].end(), r.begin(), r.end());
        }
    std::vector<bool> done(inits.size(), false);
    std::unordered_set<Object*> initialized;
    // Globals without initializer are ready from the start.
    for (Object* g : m_info.globals)
        if (g->pkg != m_pkg || !init_of.count(g)) initialized.insert(g);
    // Declaration order = order of m_info.globals.
    std::vector<size_t> order;
    for (Object* g : m_info.globals) {
        auto it = init_of.find(g);
        if (it != init_of.end() && (order.empty() || std::find(order.begin(), order.end(), it->second) == order.end()))
            order.push_back(it->second);
    }
    for (size_t round = 0; round < order.size(); ++round) {
        bool progressed = false;
        for (size_t idx : order) {
            if (done[idx]) continue;
            bool ready = true;
            for (Object* v : needs[idx]) {
                bool self = std::find(inits[idx].lhs.begin(), inits[idx].lhs.end(), v) != inits[idx].lhs.end();
                if (self || !initialized.count(v)) {
                    if (self) error(inits[idx].lhs[0]->pos, "initialization cycle: " + inits[idx].lhs[0]->name + " refers to itself");
                    ready = false;
                    break;
                }
            }
            if (!ready) continue;
            done[idx] = true;
            for (Object* v : inits[idx].lhs) initialized.insert(v);
            m_info.init_order.push_back(inits[idx]);
            progressed = true;
            break;
        }
        if (!progressed) {
            for (size_t idx : order)
                if (!done[idx]) error(inits[idx].lhs[0]->pos, "initialization cycle or dependency loop at " + inits[idx].lhs[0]->name);
        }
    }
}

void Checker::check_package() {
    try {
        check_declarations();
    } catch (const CheckAbort& a) {
        record_abort(a);
        if (m_hard.empty()) m_hard.push_back(a.diag);
    }
    finish();
    compute_init_order();
}

void Checker::check_declarations() {
    if (!m_file.package_name) error({1, 1}, "package clause missing");
    if (m_file.package_name->name == "_") error(m_file.package_name->pos, "invalid package name _");
    if (!m_options.import_path.empty() && m_file.package_name->name == "main")
        error(m_file.package_name->pos, "import \"" + m_options.import_path + "\" is a program, not an importable package");
    std::string path = m_options.import_path.empty() ? m_file.package_name->name : m_options.import_path;
    // A library package run from Go source (lang/stdsrc) that also has shim declarations
    // is one package: the shim's members are in scope under the source's, which add to
    // (or replace) them, so io.go's ReadAll sits beside the native io.EOF and io.Writer.
    m_pkg = nullptr;
    if (!path.empty() && std_source(path)) m_pkg = load_package(m_info, path);
    if (m_pkg) m_shim_members = m_pkg->members;
    else m_pkg = m_info.make_package(path, m_file.package_name->name);
    m_info.package = m_pkg;
    collect();

    // Types first, then methods (they need their receiver types), then the rest.
    std::vector<Object*> ordered;
    for (Decl* d : m_file.decls) {
        if (auto gd = d->as<GenDecl>()) {
            for (auto& ts : gd->types) ordered.push_back(ts.name->obj);
            for (auto& vs : gd->values)
                for (auto id : vs.names) ordered.push_back(id->obj);
        } else if (auto fd = d->as<FuncDecl>(); fd && !fd->recv) {
            ordered.push_back(fd->name->obj);
        }
    }
    for (Object* o : ordered)
        if (o && o->kind == ObjectKind::TypeName) resolve_package_object(o);
    for (FuncDecl* fd : m_method_decls) {
        m_scope = file_scope_at(fd->pos);
        attach_method(fd);
    }
    m_scope = m_file_scope;
    // Constants, variables and signatures; a failed variable initializer is reported and
    // the variable gets an invalid type, so the rest of the file is still checked (Go
    // reports every error, sorted by position).
    for (Object* o : ordered) {
        if (!o || o->kind == ObjectKind::TypeName) continue;
        try {
            resolve_package_object(o);
        } catch (const CheckAbort& a) {
            record_abort(a);
            if (o->kind != ObjectKind::Var && o->kind != ObjectKind::Const) throw;
            auto it = m_decls.find(o);
            for (Object* v : it->second.lhs.empty() ? std::vector<Object*>{o} : it->second.lhs) {
                if (!v->type) v->type = basic_type(BasicKind::Invalid);
                m_decls[v].state = DeclInfo::State::Done;
            }
            if (o->kind == ObjectKind::Const && !o->type) o->type = basic_type(BasicKind::Invalid);
            m_decls[o].state = DeclInfo::State::Done;
            // Declarations whose resolution the error interrupted are abandoned too.
            for (auto& [obj, d] : m_decls)
                if (d.state == DeclInfo::State::Resolving) {
                    if (!obj->type) obj->type = basic_type(BasicKind::Invalid);
                    d.state = DeclInfo::State::Done;
                }
        }
    }

    // Function bodies, in source order; an error abandons that body only.
    for (Object* f : m_info.funcs) {
        if (f->pkg != m_pkg) continue;  // a dependency's, checked before
        try {
            FuncDecl* fd = f->func_decl;
            m_current_decl = f;
            m_scope = file_scope_at(fd->pos);
            func_body(fd, f->type->as<Signature>(), fd->body);
            m_scope = m_file_scope;
            m_current_decl = nullptr;
        } catch (const CheckAbort& a) {
            record_abort(a);
        }
    }

    // An abandoned body or initializer may have hidden the use of an import: report unused
    // imports only when every failed statement was salvaged.
    if (!m_unsalvaged) {
        for (Object* imp : m_imports)
            if (!imp->used) {
                std::string msg = "imported and not used: \"" + imp->imported->path + "\"";
                if (imp->name != imp->imported->name)
                    msg = "\"" + imp->imported->path + "\" imported as " + imp->name + " and not used";
                soft_error(imp->pos, msg);
            }
    }

    if (m_pkg->name == "main" && m_options.require_main) {
        if (!m_info.main_func) {
            if (m_soft.empty() && m_hard.empty()) error({}, "function main is undeclared in the main package");
        } else {
            auto sig = m_info.main_func->type->as<Signature>();
            if (sig->params->size() || sig->results->size())
                error(m_info.main_func->pos, "func main must have no arguments and no return values");
        }
    }
}

}  // namespace lockstep::lang
