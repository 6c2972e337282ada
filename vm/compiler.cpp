// The compiler's declarations, types and statements: package variables and their init
// order, functions and methods (frames, boxed variables, results, the defer epilogue,
// go/defer snippets), runtime type information, and every statement form.
#include "vm/compiler.hpp"

#include <algorithm>
#include <functional>

#include "lang/assert.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

using namespace lockstep::lang;

std::shared_ptr<const Module> compile(const File& file, const TypeInfo& info, std::string_view entry) {
    Compiler c(file, info);
    return c.run(entry);
}

void Compiler::unsupported(Pos pos, const std::string& what) const {
    Diagnostic d;
    d.file = m_file.source;
    d.pos = pos;
    d.message = "unsupported: " + what;
    throw DiagnosticError(d);
}

uint32_t Compiler::site(Pos pos, std::string expr) {
    Site s;
    s.file = m_file.source;
    s.pos = pos;
    s.function = m_fn ? m_fn->name : std::string();
    s.expr = std::move(expr);
    m_mod->sites.push_back(std::move(s));
    m_mod->go_names.emplace_back();
    return static_cast<uint32_t>(m_mod->sites.size() - 1);
}

void Compiler::mark_site(Pos pos) {
    if (!m_fn || !pos.valid()) return;
    const auto& table = m_mod->functions[m_fn->index].pc_sites;
    if (!table.empty() && m_mod->sites[table.back().site].pos == pos) return;
    mark_site_index(site(pos, ""));
}

void Compiler::mark_site_index(uint32_t s) {
    auto& table = m_mod->functions[m_fn->index].pc_sites;
    uint32_t pc = here();
    if (!table.empty() && table.back().pc == pc) table.back().site = s;
    else table.push_back({pc, s});
}

std::string Compiler::expr_text(const Expr* e) {
    if (!e) return "";
    switch (e->kind) {
    case NodeKind::Ident: return e->as<Ident>()->name;
    case NodeKind::BasicLit: return e->as<BasicLit>()->text;
    case NodeKind::ParenExpr: return "(" + expr_text(e->as<ParenExpr>()->x) + ")";
    case NodeKind::SelectorExpr: return expr_text(e->as<SelectorExpr>()->x) + "." + e->as<SelectorExpr>()->sel->name;
    case NodeKind::IndexExpr: return expr_text(e->as<IndexExpr>()->x) + "[" + expr_text(e->as<IndexExpr>()->index) + "]";
    case NodeKind::StarExpr: return "*" + expr_text(e->as<StarExpr>()->x);
    case NodeKind::UnaryExpr: {
        auto u = e->as<UnaryExpr>();
        return std::string(tok_text(u->op)) + expr_text(u->x);
    }
    case NodeKind::BinaryExpr: {
        auto b = e->as<BinaryExpr>();
        return expr_text(b->x) + " " + std::string(tok_text(b->op)) + " " + expr_text(b->y);
    }
    case NodeKind::CallExpr: {
        auto c = e->as<CallExpr>();
        std::string s = expr_text(c->fun) + "(";
        for (size_t i = 0; i < c->args.size(); i++) s += (i ? ", " : "") + expr_text(c->args[i]);
        return s + ")";
    }
    case NodeKind::SliceExpr: {
        auto s = e->as<SliceExpr>();
        return expr_text(s->x) + "[" + expr_text(s->low) + ":" + expr_text(s->high) + "]";
    }
    case NodeKind::TypeAssertExpr: return expr_text(e->as<TypeAssertExpr>()->x) + ".(...)";
    case NodeKind::FuncLit: return "func literal";
    case NodeKind::CompositeLit: return expr_text(e->as<CompositeLit>()->type_expr) + "{...}";
    default: return "";
    }
}

// ---------------------------------------------------------------------------------------
// Emission

std::vector<Instr>& Compiler::code() { return m_mod->functions[m_fn->index].code; }
uint32_t Compiler::here() const { return static_cast<uint32_t>(m_mod->functions[m_fn->index].code.size()); }

uint32_t Compiler::emit(Opcode op, int32_t a, uint32_t n, int32_t b, uint8_t k) {
    Instr in;
    in.op = op;
    in.a = a;
    in.n = static_cast<uint16_t>(n);
    in.b = b;
    in.k = k;
    if (n > 0xFFFF) unsupported(m_where, "values of more than 65535 words (such as [1<<20]int arrays)");
    code().push_back(in);
    return static_cast<uint32_t>(code().size() - 1);
}

uint32_t Compiler::temp(uint32_t n) {
    uint32_t s = m_fn->next_slot;
    m_fn->next_slot += n;
    m_fn->max_slot = std::max(m_fn->max_slot, m_fn->next_slot);
    return s;
}

uint32_t Compiler::const_value(Value v) {
    m_mod->constants.push_back(v);
    return static_cast<uint32_t>(m_mod->constants.size() - 1);
}

// ---------------------------------------------------------------------------------------
// Types

uint32_t Compiler::slots(const Type* t) {
    if (!t) return 0;
    t = underlying(t);
    switch (t->kind) {
    case TypeKind::Struct: {
        uint32_t n = 0;
        for (auto* f : t->as<Struct>()->fields) n += slots(f->type);
        return n;
    }
    case TypeKind::Array: return static_cast<uint32_t>(t->as<Array>()->len) * slots(t->as<Array>()->elem);
    case TypeKind::Basic: return is_complex(t) ? 2 : 1;  // complex: real, imaginary
    case TypeKind::Tuple: {
        uint32_t n = 0;
        for (auto* v : t->as<Tuple>()->vars) n += slots(v->type);
        return n;
    }
    default: return 1;
    }
}

uint32_t Compiler::go_size(const Type* t) {
    t = underlying(t);
    switch (t->kind) {
    case TypeKind::Basic:
        switch (t->as<Basic>()->basic) {
        case BasicKind::Bool: case BasicKind::Int8: case BasicKind::Uint8: return 1;
        case BasicKind::Int16: case BasicKind::Uint16: return 2;
        case BasicKind::Int32: case BasicKind::Uint32: case BasicKind::Float32: return 4;
        case BasicKind::String: return 16;
        case BasicKind::Complex64: return 8;
        case BasicKind::Complex128: return 16;
        default: return 8;
        }
    case TypeKind::Slice: return 24;
    case TypeKind::Interface: return 16;
    case TypeKind::Array: return static_cast<uint32_t>(t->as<Array>()->len) * go_size(t->as<Array>()->elem);
    case TypeKind::Struct: {
        uint32_t size = 0, align = 1;
        for (auto* f : t->as<Struct>()->fields) {
            uint32_t s = go_size(f->type);
            uint32_t a = std::min<uint32_t>(8, std::max<uint32_t>(1, s >= 8 ? 8 : s >= 4 ? 4 : s >= 2 ? 2 : 1));
            size = (size + a - 1) / a * a + s;
            align = std::max(align, a);
        }
        return (size + align - 1) / align * align;
    }
    default: return 8;
    }
}

static bool unparen_ident(const Expr* e) {
    while (e && e->is<ParenExpr>()) e = e->as<ParenExpr>()->x;
    return e && e->is<Ident>();
}

uint32_t Compiler::rtype(const Type* t) {
    if (!t) return rt::invalid;
    std::string key = type_string(t);
    if (key == "interface {}" || key == "any") return rt::any;
    if (key == "error") return rt::error;
    auto& same_name = m_type_ids[key];
    for (const auto& [other, other_id] : same_name)
        if (identical(other, t)) return other_id;
    uint32_t id = static_cast<uint32_t>(m_mod->types.size());
    m_mod->types.emplace_back();
    same_name.emplace_back(t, id);
    RType r;
    r.name = key;
    r.slots = slots(t);
    r.go_size = go_size(t);
    const Named* named = t->as<Named>();
    r.named = named != nullptr;
    if (named) {
        m_named_types.push_back({t, id});
        const std::string& nat = named->native;
        if (nat == "sync.Mutex") r.special = RSpecial::Mutex;
        else if (nat == "sync.RWMutex") r.special = RSpecial::RWMutex;
        else if (nat == "sync.WaitGroup") r.special = RSpecial::WaitGroup;
        else if (nat == "sync.Once") r.special = RSpecial::Once;
        else if (nat == "sync.Cond") r.special = RSpecial::Cond;
        else if (nat == "sync.Pool") r.special = RSpecial::Pool;
        else if (nat == "sync.Map") r.special = RSpecial::SyncMap;
        else if (nat == "time.Duration") r.special = RSpecial::Duration;
        else if (nat == "time.Time") r.special = RSpecial::Time;
        else if (nat == "strings.Builder") r.special = RSpecial::Builder;
        else if (nat == "bytes.Buffer") r.special = RSpecial::Buffer;
    }
    const Type* u = underlying(t);
    switch (u->kind) {
    case TypeKind::Basic: {
        switch (u->as<Basic>()->basic) {
        case BasicKind::Bool: case BasicKind::UntypedBool: r.kind = RKind::Bool; break;
        case BasicKind::Int: case BasicKind::UntypedInt: r.kind = RKind::Int; break;
        case BasicKind::Int8: r.kind = RKind::Int8; break;
        case BasicKind::Int16: r.kind = RKind::Int16; break;
        case BasicKind::Int32: case BasicKind::UntypedRune: r.kind = RKind::Int32; break;
        case BasicKind::Int64: r.kind = RKind::Int64; break;
        case BasicKind::Uint: r.kind = RKind::Uint; break;
        case BasicKind::Uint8: r.kind = RKind::Uint8; break;
        case BasicKind::Uint16: r.kind = RKind::Uint16; break;
        case BasicKind::Uint32: r.kind = RKind::Uint32; break;
        case BasicKind::Uint64: r.kind = RKind::Uint64; break;
        case BasicKind::Uintptr: r.kind = RKind::Uintptr; break;
        case BasicKind::Float32: r.kind = RKind::Float32; break;
        case BasicKind::Float64: case BasicKind::UntypedFloat: r.kind = RKind::Float64; break;
        case BasicKind::String: case BasicKind::UntypedString: r.kind = RKind::String; break;
        case BasicKind::Complex64: case BasicKind::Complex128: case BasicKind::UntypedComplex: {
            // equality and hashing go part by part, as for struct{ real, imag float64 }
            r.kind = u->as<Basic>()->basic == BasicKind::Complex64 ? RKind::Complex64 : RKind::Complex128;
            uint32_t part = rtype(basic_type(BasicKind::Float64));
            r.fields = {RField{"real", part, 0, false}, RField{"imag", part, 1, false}};
            break;
        }
        case BasicKind::UntypedNil: r.kind = RKind::UntypedNil; break;
        default: r.kind = RKind::Invalid; break;
        }
        break;
    }
    case TypeKind::Pointer: r.kind = RKind::Pointer; r.elem = rtype(u->as<Pointer>()->elem); break;
    case TypeKind::Slice: r.kind = RKind::Slice; r.elem = rtype(u->as<Slice>()->elem); break;
    case TypeKind::Array:
        r.kind = RKind::Array;
        r.elem = rtype(u->as<Array>()->elem);
        r.len = static_cast<uint32_t>(u->as<Array>()->len);
        break;
    case TypeKind::Map:
        r.kind = RKind::Map;
        r.key = rtype(u->as<Map>()->key);
        r.elem = rtype(u->as<Map>()->elem);
        break;
    case TypeKind::Chan: r.kind = RKind::Chan; r.elem = rtype(u->as<Chan>()->elem); break;
    case TypeKind::Signature: r.kind = RKind::Func; break;
    case TypeKind::Interface:
        r.kind = RKind::Interface;
        for (auto* m : u->as<Interface>()->methods) r.iface_methods.push_back(m_mod->method_name_id(m->name));
        std::sort(r.iface_methods.begin(), r.iface_methods.end());
        break;
    case TypeKind::Struct: {
        r.kind = RKind::Struct;
        uint32_t off = 0;
        for (auto* f : u->as<Struct>()->fields) {
            RField rf;
            rf.name = f->name;
            rf.type = rtype(f->type);
            rf.offset = off;
            rf.embedded = f->embedded;
            off += slots(f->type);
            r.fields.push_back(std::move(rf));
        }
        break;
    }
    default: r.kind = RKind::Invalid; break;
    }
    // Unnamed structs embedding a type have its methods promoted (`struct{ S }`).
    auto embeds = [](const Type* s) {
        if (const Struct* st = s->as<Struct>())
            for (auto* f : st->fields)
                if (f->embedded) return true;
        return false;
    };
    if (!named && embeds(t)) m_named_types.push_back({t, id});
    if (t->is<Pointer>()) {
        const Type* elem = t->as<Pointer>()->elem;
        if (elem->as<Named>() || embeds(elem)) m_named_types.push_back({t, id});
    }
    m_mod->types[id] = std::move(r);
    return id;
}

// Method tables for interface dispatch: T's value methods, *T's value and pointer methods.
// Method names a value of type t may have: its own methods and, through embedded fields,
// those of every embedded type (Go promotes them).
static void collect_method_names(const Type* t, std::vector<std::string>& out, int depth) {
    if (!t || depth > 8) return;
    if (t->is<Pointer>()) t = t->as<Pointer>()->elem;
    if (const Named* n = t->as<Named>())
        for (const Object* m : n->methods) out.push_back(m->name);
    const Type* u = underlying(t);
    if (const Interface* it = u->as<Interface>()) {
        for (const Object* m : it->methods) out.push_back(m->name);
        return;
    }
    if (const Struct* st = u->as<Struct>())
        for (const Object* f : st->fields)
            if (f->embedded) collect_method_names(f->type, out, depth + 1);
}

void Compiler::fill_methods() {
    for (size_t i = 0; i < m_named_types.size(); i++) {
        auto [t, id] = m_named_types[i];
        bool is_ptr = t->is<Pointer>();
        const Type* base = is_ptr ? t->as<Pointer>()->elem : t;
        const Named* named = base->as<Named>();  // null: an unnamed struct with embedded fields
        if (underlying(base)->is<Interface>()) continue;
        std::vector<RMethod> methods;
        std::vector<std::string> names;
        collect_method_names(t, names, 0);
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        for (const std::string& name : names) {
            Selection sel;
            if (!lookup_field_or_method(t, false, name, sel) || sel.kind != SelectionKind::MethodVal) continue;
            const Object* m = sel.obj;
            RMethod rm;
            rm.name = m_mod->method_name_id(name);
            auto it = m_funcs.find(m);
            if (named && sel.path.empty() && !sel.dynamic && it != m_funcs.end()) {
                rm.function = it->second;
                uint32_t rs = slots(named);
                rm.recv_slots = m->ptr_recv ? 1 : rs;
                if (m->ptr_recv) rm.mode = RecvMode::Payload;
                else if (is_ptr) rm.mode = RecvMode::Deref;
                else rm.mode = m_mod->types[id].boxed_in_interface() ? RecvMode::Unbox : RecvMode::Payload;
            } else {
                // Promoted or library methods: a wrapper taking the whole receiver.
                uint32_t w = method_wrapper(t, name);
                if (w == UINT32_MAX) continue;
                rm.function = w;
                rm.recv_slots = slots(t);
                rm.mode = m_mod->types[id].boxed_in_interface() ? RecvMode::Unbox : RecvMode::Payload;
            }
            methods.push_back(rm);
        }
        std::sort(methods.begin(), methods.end(), [](const RMethod& a, const RMethod& b) { return a.name < b.name; });
        if (!methods.empty()) m_mod->types[id].methods = std::move(methods);
    }
}

// ---------------------------------------------------------------------------------------
// Module

uint32_t Compiler::function_of(const Object* fn) {
    auto it = m_funcs.find(fn);
    LOCKSTEP_ASSERT(it != m_funcs.end(), "call of a function that was not declared: " + fn->name);
    return it->second;
}

static bool contains_defer(const Stmt* s) {
    if (!s) return false;
    switch (s->kind) {
    case NodeKind::DeferStmt: return true;
    case NodeKind::BlockStmt:
        for (auto* x : s->as<BlockStmt>()->stmts)
            if (contains_defer(x)) return true;
        return false;
    case NodeKind::IfStmt: return contains_defer(s->as<IfStmt>()->then) || contains_defer(s->as<IfStmt>()->els);
    case NodeKind::ForStmt: return contains_defer(s->as<ForStmt>()->body);
    case NodeKind::RangeStmt: return contains_defer(s->as<RangeStmt>()->body);
    case NodeKind::LabeledStmt: return contains_defer(s->as<LabeledStmt>()->stmt);
    case NodeKind::SwitchStmt:
        for (auto* c : s->as<SwitchStmt>()->clauses)
            for (auto* x : c->body)
                if (contains_defer(x)) return true;
        return false;
    case NodeKind::TypeSwitchStmt:
        for (auto* c : s->as<TypeSwitchStmt>()->clauses)
            for (auto* x : c->body)
                if (contains_defer(x)) return true;
        return false;
    case NodeKind::SelectStmt:
        for (auto* c : s->as<SelectStmt>()->clauses)
            for (auto* x : c->body)
                if (contains_defer(x)) return true;
        return false;
    default: return false;
    }
}

static std::string func_name(const Object* fn) {
    if (fn->recv_named) {
        std::string t = fn->recv_named->as<Named>()->obj->name;
        return fn->ptr_recv ? "main.(*" + t + ")." + fn->name : "main." + t + "." + fn->name;
    }
    return "main." + fn->name;
}

std::shared_ptr<const Module> Compiler::run(std::string_view entry) {
    m_mod = std::make_shared<Module>();
    m_mod->add_builtin_types();
    site({}, "");  // site 0: nowhere

    uint32_t cell = 1;
    for (const Object* g : m_info.globals) {
        m_globals[g] = cell;
        cell += slots(g->type);
    }
    m_mod->global_cells = cell - 1;

    m_mod->functions.emplace_back();  // 0: the start function
    m_mod->functions[0].name = "runtime.main";
    for (const Object* f : m_info.funcs) {
        if (!f->func_decl || !f->func_decl->body) {
            unsupported(f->pos, "function declaration without a body");
        }
        m_funcs[f] = static_cast<uint32_t>(m_mod->functions.size());
        m_mod->functions.emplace_back();
        m_mod->functions.back().name = func_name(f);
    }
    const Object* entry_fn = nullptr;
    if (entry == "main") entry_fn = m_info.main_func;
    else
        for (const Object* f : m_info.funcs)
            if (f->name == entry && !f->recv_named) entry_fn = f;
    if (!entry_fn) unsupported({}, "entry point " + std::string(entry) + " not found");

    for (const Object* f : m_info.funcs) {
        const FuncDecl* d = f->func_decl;
        const Object* recv = f->type->as<Signature>()->recv;
        compile_function(m_funcs[f], d->sig, f->type->as<Signature>(), recv, d->body, nullptr);
    }

    m_mod->timer_function = timer_function();

    // The start function: package initialization in Go's order, main, exit.
    FnCtx ctx;
    ctx.index = 0;
    ctx.name = "runtime.main";
    FnCtx* saved = m_fn;
    m_fn = &ctx;
    auto initialize = [&](const Initializer& init) {
        if (init.lhs.size() == 1) {
            const Object* g = init.lhs[0];
            if (!g || g->name == "_") {
                expr(init.rhs);
                emit(Opcode::Pop, 0, slots(init.rhs->type));
                return;
            }
            emit(Opcode::AddrGlobal, static_cast<int32_t>(m_globals[g]));
            expr_to(init.rhs, g->type);
            emit(Opcode::Init, 0, slots(g->type));
            return;
        }
        expr(init.rhs);
        const Tuple* tup = init.rhs->type->as<Tuple>();
        for (size_t i = init.lhs.size(); i-- > 0;) {
            const Object* g = init.lhs[i];
            uint32_t n = slots(tup->vars[i]->type);
            if (!g || g->name == "_") {
                emit(Opcode::Pop, 0, n);
                continue;
            }
            uint32_t t = temp(n);
            emit(Opcode::StoreLocal, static_cast<int32_t>(t), n);
            emit(Opcode::AddrGlobal, static_cast<int32_t>(m_globals[g]));
            emit(Opcode::LoadLocal, static_cast<int32_t>(t), n);
            emit(Opcode::Init, 0, n);
        }
    };
    // Each package in turn, dependencies first: its variables, then its init functions.
    if (m_info.init_packages.empty()) {
        for (const Initializer& init : m_info.init_order) initialize(init);
        for (const Object* init_fn : m_info.init_funcs) emit(Opcode::Call, static_cast<int32_t>(function_of(init_fn)), 0);
    }
    for (const lang::Package* pkg : m_info.init_packages) {
        for (const Initializer& init : m_info.init_order)
            if (init.pkg == pkg) initialize(init);
        for (const Object* init_fn : m_info.init_funcs)
            if (init_fn->pkg == pkg) emit(Opcode::Call, static_cast<int32_t>(function_of(init_fn)), 0);
    }
    if (entry == "main") {
        emit(Opcode::Call, static_cast<int32_t>(function_of(entry_fn)), 0);
        emit(Opcode::Pop, 0, slots(entry_fn->type->as<Signature>()->results));
    } else {
        test_main(entry_fn);
    }
    emit(Opcode::Exit);
    m_mod->functions[0].frame_slots = ctx.max_slot;
    m_mod->functions[0].epilogue = here();
    emit(Opcode::Exit);
    emit_snippets();
    m_fn = saved;
    m_mod->start_function = 0;

    fill_methods();
    return m_mod;
}

// ---------------------------------------------------------------------------------------
// Functions

void Compiler::declare_var(const Object* obj, bool init_from_stack) {
    uint32_t n = slots(obj->type);
    bool boxed = obj->captured || obj->address_taken || underlying(obj->type)->is<Array>();
    if (!boxed) {
        uint32_t s = temp(n);
        if (!init_from_stack) emit(Opcode::Zero, 0, n);
        emit(Opcode::StoreLocal, static_cast<int32_t>(s), n);
        m_fn->vars[obj] = VarLoc{VarLoc::Frame, s};
        return;
    }
    uint32_t s = temp(1);
    emit(Opcode::Alloc, 0, n);
    emit(Opcode::StoreLocal, static_cast<int32_t>(s), 1);
    if (init_from_stack) {
        emit(Opcode::LoadLocal, static_cast<int32_t>(s), 1);
        emit(Opcode::Rotate, static_cast<int32_t>(n), 1);
        emit(Opcode::Init, 0, n);
    }
    m_fn->vars[obj] = VarLoc{VarLoc::Boxed, s};
}

void Compiler::compile_function(uint32_t index, const FuncType* sig_node, const Signature* sig, const Object* recv,
                                const BlockStmt* body, const FuncLit* lit) {
    FnCtx ctx;
    ctx.index = index;
    ctx.lit = lit;
    ctx.name = m_mod->functions[index].name;
    FnCtx* saved = m_fn;
    m_fn = &ctx;
    if (lit) {
        for (size_t i = 0; i < lit->captures.size(); i++) ctx.env[lit->captures[i]] = static_cast<uint32_t>(i);
    }
    Function& f0 = m_mod->functions[index];
    f0.site = site(sig_node ? sig_node->pos : Pos{}, "");
    f0.pc_sites.clear();
    f0.pc_sites.push_back({0, f0.site});
    // Parameters (receiver first) occupy the bottom of the frame; escaping ones are then
    // moved to heap cells.
    std::vector<std::pair<const Object*, uint32_t>> params;
    if (recv) {
        params.push_back({recv, temp(slots(recv->type))});
    }
    for (const Object* p : sig->params->vars) params.push_back({p, temp(slots(p->type))});
    uint32_t param_slots = ctx.next_slot;
    m_mod->functions[index].param_slots = param_slots;
    for (auto [p, s] : params) {
        if (p->name.empty() || p->name == "_") continue;
        if (p->captured || p->address_taken || underlying(p->type)->is<Array>()) {
            uint32_t n = slots(p->type);
            emit(Opcode::LoadLocal, static_cast<int32_t>(s), n);
            declare_var(p, true);
        } else {
            ctx.vars[p] = VarLoc{VarLoc::Frame, s};
        }
    }
    ctx.result_tuple = sig->results;
    for (const Object* r : sig->results->vars) {
        if (r->name.empty() || r->name == "_") {
            uint32_t s = temp(slots(r->type));
            emit(Opcode::Zero, 0, slots(r->type));
            emit(Opcode::StoreLocal, static_cast<int32_t>(s), slots(r->type));
            ctx.result_slots.push_back(s);
            ctx.results.push_back(nullptr);
        } else {
            declare_var(r, false);
            ctx.results.push_back(r);
            ctx.result_slots.push_back(0);
        }
    }
    m_mod->functions[index].result_slots = slots(sig->results);
    if (sig->results->vars.size() == 1) m_mod->functions[index].result_type = rtype(sig->results->vars[0]->type);
    ctx.has_defer = contains_defer(body);
    block(body->stmts);
    emit_epilogue();
    emit_snippets();
    m_mod->functions[index].frame_slots = std::max(ctx.max_slot, param_slots);
    m_fn = saved;
}

void Compiler::emit_epilogue() {
    patch_all(m_fn->returns, here());
    m_mod->functions[m_fn->index].epilogue = here();
    emit(Opcode::RunDefers);
    uint32_t total = 0;
    for (size_t i = 0; i < m_fn->results.size(); i++) {
        const Object* r = m_fn->results[i];
        if (r) {
            load_var(r, {}, nullptr);
            total += slots(r->type);
        } else {
            uint32_t n = slots(m_fn->result_tuple->vars[i]->type);
            emit(Opcode::LoadLocal, static_cast<int32_t>(m_fn->result_slots[i]), n);
            total += n;
        }
    }
    emit(Opcode::Ret, 0, total);
}

void Compiler::emit_snippets() {
    for (size_t i = 0; i < m_fn->snippets.size(); i++) {
        auto sn = m_fn->snippets[i];
        code()[sn.patch].a = static_cast<int32_t>(here());
        mark_site_index(static_cast<uint32_t>(code()[sn.patch].b));  // the go/defer statement
        for (const Instr& in : sn.finish) code().push_back(in);
        if (sn.result_slots) emit(Opcode::Pop, 0, sn.result_slots);
        emit(Opcode::EndSnippet);
    }
    m_fn->snippets.clear();
}

// ---------------------------------------------------------------------------------------
// Statements

void Compiler::block(const std::vector<Stmt*>& stmts) {
    for (const Stmt* s : stmts) stmt(s);
}

LoopLabels* Compiler::find_loop(const Stmt* target) {
    if (target)
        if (auto* l = target->as<LabeledStmt>()) target = l->stmt;
    for (size_t i = m_fn->loops.size(); i-- > 0;) {
        if (!target || m_fn->loops[i].stmt == target) return &m_fn->loops[i];
    }
    return nullptr;
}

void Compiler::stmt(const Stmt* s) {
    if (!s) return;
    m_where = s->pos;
    if (s->kind != NodeKind::BlockStmt && s->kind != NodeKind::EmptyStmt) mark_site(s->pos);
    switch (s->kind) {
    case NodeKind::EmptyStmt: return;
    case NodeKind::BlockStmt: block(s->as<BlockStmt>()->stmts); return;
    case NodeKind::ExprStmt: {
        const Expr* x = s->as<ExprStmt>()->x;
        expr(x);
        uint32_t n = slots(x->type);
        // An atomic Add whose result is dropped (`atomic.AddInt64(&x, 1)`, `v.Add(n)` as a
        // statement) pushes nothing: its goroutine never sees the sum, so such Adds
        // commute with each other (docs/semantics.md, "Commuting operations").
        if (n == 1 && here() > 0 && code().back().op == Opcode::Atomic && code().back().k == static_cast<uint8_t>(AtomicOp::Add)) {
            code().back().n = 1;
            return;
        }
        if (n) emit(Opcode::Pop, 0, n);
        return;
    }
    case NodeKind::DeclStmt: {
        const GenDecl* d = s->as<DeclStmt>()->decl;
        if (d->decl != DeclKind::Var) return;
        for (const ValueSpec& spec : d->values) {
            if (spec.values.empty()) {
                for (const Ident* id : spec.names)
                    if (def(id) && id->name != "_") declare_var(def(id), false);
                continue;
            }
            if (spec.values.size() == spec.names.size()) {
                for (size_t i = 0; i < spec.names.size(); i++) {
                    const Ident* id = spec.names[i];
                    if (!def(id) || id->name == "_") {
                        expr(spec.values[i]);
                        emit(Opcode::Pop, 0, slots(spec.values[i]->type));
                        continue;
                    }
                    expr_to(spec.values[i], def(id)->type);
                    declare_var(def(id), true);
                }
                continue;
            }
            // var a, b = f(): park the results in temporaries, then declare each variable
            // from its own (declare_var may move it to the heap).
            expr(spec.values[0]);
            const Tuple* tup = spec.values[0]->type->as<Tuple>();
            std::vector<uint32_t> temps(spec.names.size());
            for (size_t i = spec.names.size(); i-- > 0;) {
                uint32_t n = slots(tup->vars[i]->type);
                temps[i] = temp(n);
                emit(Opcode::StoreLocal, static_cast<int32_t>(temps[i]), n);
            }
            for (size_t i = 0; i < spec.names.size(); i++) {
                const Ident* id = spec.names[i];
                if (!def(id) || id->name == "_") continue;
                emit(Opcode::LoadLocal, static_cast<int32_t>(temps[i]), slots(tup->vars[i]->type));
                convert(tup->vars[i]->type, def(id)->type);
                declare_var(def(id), true);
            }
        }
        return;
    }
    case NodeKind::LabeledStmt: {
        // A goto target. A backward goto makes a loop: its head is a loop head (BackEdge)
        // as a `for` loop's is (a labeled `for` has its own).
        auto ls = s->as<LabeledStmt>();
        m_fn->label_pc[s] = here();
        if (auto it = m_fn->pending_gotos.find(s); it != m_fn->pending_gotos.end()) {
            patch_all(it->second, here());
            m_fn->pending_gotos.erase(it);
        }
        if (ls->stmt && !ls->stmt->is<ForStmt>() && !ls->stmt->is<RangeStmt>() && !ls->stmt->is<LabeledStmt>())
            emit(Opcode::BackEdge);
        stmt(ls->stmt);
        return;
    }
    case NodeKind::IncDecStmt: {
        auto x = s->as<IncDecStmt>();
        // x op= 1 through a synthetic view: load, add, store
        const Type* t = x->x->type;
        Place p;
        uint32_t n = 1;
        uint32_t r = rtype(t);
        if (auto* ix = x->x->as<IndexExpr>(); ix && underlying(ix->x->type)->is<Map>()) {
            const Map* mt = underlying(ix->x->type)->as<Map>();
            uint32_t ks = slots(mt->key);
            expr(ix->x);
            expr_to(ix->index, mt->key);
            emit(Opcode::Dup, 0, ks + 1);
            uint32_t st = site(x->pos, expr_text(x->x));
            emit(Opcode::MapIndex, static_cast<int32_t>(rtype(ix->x->type)), 0, static_cast<int32_t>(st));
            if (is_float(t) || is_complex(t)) emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(1.0))));
            else emit(Opcode::Int, 1);
            if (is_complex(t)) emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(0.0))));
            arith(x->inc ? Tok::Add : Tok::Sub, t, x->pos);
            emit(Opcode::MapStore, static_cast<int32_t>(rtype(ix->x->type)), 0, static_cast<int32_t>(st));
            return;
        }
        if (!place(x->x, p)) unsupported(x->pos, "increment of a non-addressable expression");
        uint32_t st = site(x->x->pos, expr_text(x->x));
        if (p.kind == Place::Heap) emit(Opcode::Dup, 0, 1);
        n = slots(t);  // a complex value: two
        load_place(p, n, r, st);
        if (is_float(t) || is_complex(t)) emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(1.0))));
        else emit(Opcode::Int, 1);
        if (is_complex(t)) emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_float(0.0))));
        arith(x->inc ? Tok::Add : Tok::Sub, t, x->pos);
        store_place(p, n, r, st);
        return;
    }
    case NodeKind::AssignStmt: assign(s->as<AssignStmt>()); return;
    case NodeKind::GoStmt: go_defer(s->as<GoStmt>()->call, true, s->pos); return;
    case NodeKind::DeferStmt: go_defer(s->as<DeferStmt>()->call, false, s->pos); return;
    case NodeKind::ReturnStmt: return_stmt(s->as<ReturnStmt>()); return;
    case NodeKind::IfStmt: {
        auto x = s->as<IfStmt>();
        stmt(x->init);
        expr(x->cond);
        uint32_t jf = emit(Opcode::JumpIfNot);
        stmt(x->then);
        if (x->els) {
            uint32_t je = emit(Opcode::Jump);
            patch(jf);
            stmt(x->els);
            patch(je);
        } else {
            patch(jf);
        }
        return;
    }
    case NodeKind::ForStmt: for_stmt(s->as<ForStmt>()); return;
    case NodeKind::RangeStmt: range_stmt(s->as<RangeStmt>()); return;
    case NodeKind::SwitchStmt: switch_stmt(s->as<SwitchStmt>()); return;
    case NodeKind::TypeSwitchStmt: type_switch(s->as<TypeSwitchStmt>()); return;
    case NodeKind::SelectStmt: select_stmt(s->as<SelectStmt>()); return;
    case NodeKind::BranchStmt: {
        auto b = s->as<BranchStmt>();
        if (b->tok == Tok::Break || b->tok == Tok::Continue) {
            LoopLabels* l = nullptr;
            if (b->target) l = find_loop(b->target);
            else {
                for (size_t i = m_fn->loops.size(); i-- > 0;) {
                    const Stmt* ls = m_fn->loops[i].stmt;
                    if (b->tok == Tok::Continue && !(ls->is<ForStmt>() || ls->is<RangeStmt>())) continue;
                    l = &m_fn->loops[i];
                    break;
                }
            }
            if (!l) unsupported(b->pos, "branch target not found");
            uint32_t j = emit(Opcode::Jump);
            (b->tok == Tok::Break ? l->breaks : l->continues).push_back(j);
            return;
        }
        if (b->tok == Tok::Fallthrough) return;  // handled by switch_stmt
        if (b->tok != Tok::Goto || !b->target) unsupported(b->pos, "branch statement");
        // The checker let only gotos within the function's blocks (none into a block or
        // over a declaration) through: locals keep their slots, the stack is empty here.
        if (auto it = m_fn->label_pc.find(b->target); it != m_fn->label_pc.end()) {
            emit(Opcode::Jump, static_cast<int32_t>(it->second));
        } else {
            m_fn->pending_gotos[b->target].push_back(emit(Opcode::Jump));
        }
        return;
    }
    case NodeKind::SendStmt: {
        auto x = s->as<SendStmt>();
        const Chan* ct = underlying(x->chan->type)->as<Chan>();
        expr(x->chan);
        expr_to(x->value, ct->elem);
        emit(Opcode::Send, 0, slots(ct->elem), static_cast<int32_t>(site(x->pos, expr_text(x->chan))));
        return;
    }
    default: unsupported(s->pos, std::string("statement ") + std::string(node_kind_name(s->kind)));
    }
}

void Compiler::return_stmt(const ReturnStmt* s) {
    const Tuple* rt_ = m_fn->result_tuple;
    if (!s->results.empty()) {
        if (s->results.size() == 1 && rt_->size() > 1) {
            expr(s->results[0]);  // a multi-value call
        } else {
            for (size_t i = 0; i < s->results.size(); i++) expr_to(s->results[i], rt_->vars[i]->type);
        }
        if (!m_fn->has_defer) {
            emit(Opcode::Ret, 0, slots(rt_));
            return;
        }
        for (size_t i = rt_->size(); i-- > 0;) {
            const Object* r = m_fn->results[i];
            uint32_t n = slots(rt_->vars[i]->type);
            if (!r) {
                emit(Opcode::StoreLocal, static_cast<int32_t>(m_fn->result_slots[i]), n);
                continue;
            }
            Place p;
            var_place(r, p);
            if (p.kind == Place::Heap) emit(Opcode::Rotate, static_cast<int32_t>(n), 1);
            store_place(p, n, rtype(r->type), site(s->pos, r->name));
        }
    }
    m_fn->returns.push_back(emit(Opcode::Jump));
}

void Compiler::assign(const AssignStmt* s) {
    Tok op = s->op;
    if (op == Tok::Define || op == Tok::Assign) {
        bool define = op == Tok::Define;
        auto is_new = [&](size_t i) { return define && i < s->defines.size() && s->defines[i]; };
        auto blank = [&](const Expr* e) { auto id = e->as<Ident>(); return id && id->name == "_"; };
        if (s->lhs.size() == s->rhs.size()) {
            if (s->lhs.size() == 1) {
                const Expr* l = s->lhs[0];
                if (blank(l)) {
                    expr(s->rhs[0]);
                    emit(Opcode::Pop, 0, slots(s->rhs[0]->type));
                    return;
                }
                if (is_new(0)) {
                    expr_to(s->rhs[0], def(l)->type);
                    declare_var(def(l), true);
                    return;
                }
                // Go evaluates the left operands (pointers, index expressions) first.
                if (auto* ix = l->as<IndexExpr>(); ix && underlying(ix->x->type)->is<Map>()) {
                    const Map* mt = underlying(ix->x->type)->as<Map>();
                    expr(ix->x);
                    expr_to(ix->index, mt->key);
                    expr_to(s->rhs[0], mt->elem);
                    emit(Opcode::MapStore, static_cast<int32_t>(rtype(ix->x->type)), 0,
                         static_cast<int32_t>(site(s->pos, expr_text(ix->x))));
                    return;
                }
                Place p;
                if (!place(l, p)) unsupported(l->pos, "assignment to this expression");
                expr_to(s->rhs[0], l->type);
                store_place(p, slots(l->type), rtype(l->type), site(l->pos, expr_text(l)));
                return;
            }
            // Parallel assignment: the left operands' index and pointer operands, then
            // every right side, then the stores left to right.
            std::vector<LhsRef> refs(s->lhs.size());
            for (size_t i = 0; i < s->lhs.size(); i++)
                if (!blank(s->lhs[i]) && !is_new(i)) refs[i] = prepare_lhs(s->lhs[i]);
            std::vector<uint32_t> temps;
            for (size_t i = 0; i < s->rhs.size(); i++) {
                const Type* target = blank(s->lhs[i]) ? s->rhs[i]->type : s->lhs[i]->type;
                if (is_new(i)) target = def(s->lhs[i])->type;
                expr_to(s->rhs[i], target);
                uint32_t n = slots(target);
                uint32_t t = temp(n);
                emit(Opcode::StoreLocal, static_cast<int32_t>(t), n);
                temps.push_back(t);
            }
            for (size_t i = 0; i < s->lhs.size(); i++) {
                const Expr* l = s->lhs[i];
                if (blank(l)) continue;
                const Type* lt = is_new(i) ? def(l)->type : l->type;
                uint32_t n = slots(lt);
                if (is_new(i)) {
                    emit(Opcode::LoadLocal, static_cast<int32_t>(temps[i]), n);
                    declare_var(def(l), true);
                    continue;
                }
                store_prepared(refs[i], l, lt, temps[i]);
            }
            return;
        }
        // a, b := f() / v, ok := m[k] / x.(T) / <-ch
        std::vector<LhsRef> refs(s->lhs.size());
        for (size_t i = 0; i < s->lhs.size(); i++)
            if (!blank(s->lhs[i]) && !is_new(i)) refs[i] = prepare_lhs(s->lhs[i]);
        const Expr* r = s->rhs[0];
        expr(r);
        std::vector<const Type*> types;
        if (auto* tup = r->type->as<Tuple>()) {
            for (auto* v : tup->vars) types.push_back(v->type);
        } else {
            types.push_back(r->type);
            types.push_back(basic_type(BasicKind::Bool));
        }
        for (size_t i = s->lhs.size(); i-- > 0;) {
            const Expr* l = s->lhs[i];
            uint32_t n = slots(types[i]);
            if (blank(l)) {
                emit(Opcode::Pop, 0, n);
                continue;
            }
            uint32_t t = temp(n);
            emit(Opcode::StoreLocal, static_cast<int32_t>(t), n);
            m_fn->vars[reinterpret_cast<const Object*>(l)] = VarLoc{VarLoc::Frame, t};
        }
        for (size_t i = 0; i < s->lhs.size(); i++) {
            const Expr* l = s->lhs[i];
            if (blank(l)) continue;
            uint32_t t = m_fn->vars[reinterpret_cast<const Object*>(l)].index;
            const Type* lt = is_new(i) ? def(l)->type : l->type;
            emit(Opcode::LoadLocal, static_cast<int32_t>(t), slots(types[i]));
            convert(types[i], lt);
            if (is_new(i)) {
                declare_var(def(l), true);
                continue;
            }
            uint32_t v = temp(slots(lt));
            emit(Opcode::StoreLocal, static_cast<int32_t>(v), slots(lt));
            store_prepared(refs[i], l, lt, v);
        }
        return;
    }
    // x op= y
    Tok bop;
    switch (op) {
    case Tok::AddAssign: bop = Tok::Add; break;
    case Tok::SubAssign: bop = Tok::Sub; break;
    case Tok::MulAssign: bop = Tok::Mul; break;
    case Tok::QuoAssign: bop = Tok::Quo; break;
    case Tok::RemAssign: bop = Tok::Rem; break;
    case Tok::AndAssign: bop = Tok::And; break;
    case Tok::OrAssign: bop = Tok::Or; break;
    case Tok::XorAssign: bop = Tok::Xor; break;
    case Tok::ShlAssign: bop = Tok::Shl; break;
    case Tok::ShrAssign: bop = Tok::Shr; break;
    case Tok::AndNotAssign: bop = Tok::AndNot; break;
    default: unsupported(s->pos, "assignment operator");
    }
    const Expr* l = s->lhs[0];
    const Type* t = l->type;
    if (auto* ix = l->as<IndexExpr>(); ix && underlying(ix->x->type)->is<Map>()) {
        const Map* mt = underlying(ix->x->type)->as<Map>();
        uint32_t ks = slots(mt->key);
        expr(ix->x);
        expr_to(ix->index, mt->key);
        emit(Opcode::Dup, 0, ks + 1);
        uint32_t st = site(s->pos, expr_text(ix->x));
        emit(Opcode::MapIndex, static_cast<int32_t>(rtype(ix->x->type)), 0, static_cast<int32_t>(st));
        if (bop == Tok::Shl || bop == Tok::Shr) expr(s->rhs[0]);
        else expr_to(s->rhs[0], t);
        arith(bop, t, s->pos);
        emit(Opcode::MapStore, static_cast<int32_t>(rtype(ix->x->type)), 0, static_cast<int32_t>(st));
        return;
    }
    Place p;
    if (!place(l, p)) unsupported(l->pos, "assignment to this expression");
    uint32_t st = site(l->pos, expr_text(l));
    uint32_t r = rtype(t);
    if (p.kind == Place::Heap) emit(Opcode::Dup, 0, 1);
    uint32_t n = slots(t);  // a complex value: two
    load_place(p, n, r, st);
    if (bop == Tok::Shl || bop == Tok::Shr) expr(s->rhs[0]);
    else expr_to(s->rhs[0], t);
    if (bop == Tok::Shl || bop == Tok::Shr) {
        if (is_unsigned(s->rhs[0]->type)) {
        }
    }
    arith(bop, t, s->pos, (bop == Tok::Shl || bop == Tok::Shr) && is_unsigned(s->rhs[0]->type));
    store_place(p, n, r, st);
}

// Stores the value on top of the stack into `lhs`.
void Compiler::store_to(const Expr* lhs, const Type* t) {
    uint32_t n = slots(t);
    if (auto* id = lhs->as<Ident>(); id && id->name == "_") {
        emit(Opcode::Pop, 0, n);
        return;
    }
    if (auto* ix = lhs->as<IndexExpr>(); ix && underlying(ix->x->type)->is<Map>()) {
        const Map* mt = underlying(ix->x->type)->as<Map>();
        uint32_t tmp = temp(n);
        emit(Opcode::StoreLocal, static_cast<int32_t>(tmp), n);
        expr(ix->x);
        expr_to(ix->index, mt->key);
        emit(Opcode::LoadLocal, static_cast<int32_t>(tmp), n);
        emit(Opcode::MapStore, static_cast<int32_t>(rtype(ix->x->type)), 0, static_cast<int32_t>(site(lhs->pos, expr_text(ix->x))));
        return;
    }
    Place p;
    uint32_t tmp = temp(n);
    emit(Opcode::StoreLocal, static_cast<int32_t>(tmp), n);
    if (!place(lhs, p)) unsupported(lhs->pos, "assignment to this expression");
    emit(Opcode::LoadLocal, static_cast<int32_t>(tmp), n);
    store_place(p, n, rtype(t), site(lhs->pos, expr_text(lhs)));
}

void Compiler::for_stmt(const ForStmt* s) {
    stmt(s->init);
    uint32_t top = here();
    emit(Opcode::BackEdge);  // every iteration passes it (continue jumps to the post, then here)
    uint32_t jf = UINT32_MAX;
    if (s->cond) {
        expr(s->cond);
        jf = emit(Opcode::JumpIfNot);
    }
    m_fn->loops.push_back(LoopLabels{s, {}, {}, UINT32_MAX});
    stmt(s->body);
    LoopLabels l = m_fn->loops.back();
    m_fn->loops.pop_back();
    patch_all(l.continues, here());
    if (m_info.lang_minor >= 22) per_iteration_copy(s);
    stmt(s->post);
    emit(Opcode::Jump, static_cast<int32_t>(top));
    if (jf != UINT32_MAX) patch(jf);
    patch_all(l.breaks, here());
}

// Go 1.22's per-iteration loop variables for a three-clause loop: before the post
// statement, each variable the init declared that lives in memory (captured or address
// taken) moves to a fresh cell holding the current value; closures of the iteration just
// ended keep the old one. The copy reads the old variable (a visible read, as in Go).
void Compiler::per_iteration_copy(const ForStmt* s) {
    auto init = s->init ? s->init->as<AssignStmt>() : nullptr;
    if (!init || init->op != Tok::Define) return;
    for (size_t k = 0; k < init->lhs.size(); ++k) {
        auto id = init->lhs[k]->as<Ident>();
        if (!id || id->name == "_" || !id->obj || (k < init->defines.size() && !init->defines[k])) continue;
        auto it = m_fn->vars.find(id->obj);
        if (it == m_fn->vars.end() || it->second.kind != VarLoc::Boxed) continue;
        uint32_t n = slots(id->obj->type);
        uint32_t box = it->second.index, fresh = temp(1);
        emit(Opcode::Alloc, 0, n);
        emit(Opcode::Dup, 0, 1);
        emit(Opcode::StoreLocal, static_cast<int32_t>(fresh), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(box), 1);
        emit(Opcode::Load, static_cast<int32_t>(rtype(id->obj->type)), n, static_cast<int32_t>(site(id->pos, id->name)));
        emit(Opcode::Init, 0, n);
        emit(Opcode::LoadLocal, static_cast<int32_t>(fresh), 1);
        emit(Opcode::StoreLocal, static_cast<int32_t>(box), 1);
    }
}

void Compiler::range_stmt(const RangeStmt* s) {
    const Type* xt = underlying(s->x->type);
    auto key_obj = [&](const Expr* e) -> const Object* {
        if (!e) return nullptr;
        auto id = e->as<Ident>();
        if (id && id->name == "_") return nullptr;
        return s->define && id ? def(id) : nullptr;
    };
    auto is_blank = [&](const Expr* e) { return !e || (e->as<Ident>() && e->as<Ident>()->name == "_"); };
    // Go 1.19: the iteration variables are declared once for the whole loop, and each
    // iteration writes them (a visible write when a goroutine may see the variable). Go
    // 1.22: a fresh variable per iteration, so a variable in memory is new each time.
    const bool per_iteration = m_info.lang_minor >= 22;
    auto boxed = [](const Object* o) { return o->captured || o->address_taken || underlying(o->type)->is<Array>(); };
    if (s->define) {
        if (auto k = key_obj(s->key); k && !(per_iteration && boxed(k))) declare_var(k, false);
        if (auto v = key_obj(s->value); v && !(per_iteration && boxed(v))) declare_var(v, false);
    }
    uint32_t pending_key = UINT32_MAX;  // the key's temp while `k, v = range` waits for v
    const Type* pending_key_type = nullptr;
    auto assign_iter = [&](const Expr* e, const Type* t) {  // value on stack
        if (is_blank(e)) {
            emit(Opcode::Pop, 0, slots(t));
            return;
        }
        if (s->define) {
            if (per_iteration && boxed(def(e))) {
                declare_var(def(e), true);
                return;
            }
            Place p;
            var_place(def(e), p);
            // A captured range variable is one variable for the whole loop (Go 1.19):
            // each iteration's value is a visible store other goroutines may race with.
            if (p.kind == Place::Heap) {
                emit(Opcode::Rotate, static_cast<int32_t>(slots(t)), 1);
                emit(Opcode::Store, static_cast<int32_t>(rtype(t)), slots(t),
                     static_cast<int32_t>(site(e->pos, def(e)->name)));
            } else {
                emit(Opcode::StoreLocal, static_cast<int32_t>(p.slot), slots(t));
            }
            return;
        }
        // `k, v = range x` assigns as `k, v = key, value` does: both left operands are
        // evaluated before either store (`i, x[i] = range y` indexes with the old i).
        bool pair = !is_blank(s->key) && s->value && !is_blank(s->value);
        if (pair && pending_key == UINT32_MAX) {  // the first of the two (key or value)
            pending_key = temp(slots(t));
            pending_key_type = t;
            emit(Opcode::StoreLocal, static_cast<int32_t>(pending_key), slots(t));
            return;
        }
        if (pair) {
            uint32_t v = temp(slots(t));
            emit(Opcode::StoreLocal, static_cast<int32_t>(v), slots(t));
            LhsRef rk = prepare_lhs(s->key);
            LhsRef rv = prepare_lhs(s->value);
            bool key_first = e == s->value;
            store_prepared(rk, s->key, key_first ? pending_key_type : t, key_first ? pending_key : v);
            store_prepared(rv, s->value, key_first ? t : pending_key_type, key_first ? v : pending_key);
            pending_key = UINT32_MAX;  // the next iteration (the code is emitted once) starts over
            return;
        }
        store_to(e, t);
    };
    const Type* int_t = basic_type(BasicKind::Int);
    LoopLabels labels{s, {}, {}, UINT32_MAX};
    if (xt->is<Basic>() && is_integer(xt)) {  // Go 1.22: for i := range n
        const Type* kt = s->x->type;
        if (!is_blank(s->key) && s->key->type) kt = s->key->type;
        if (is_untyped(kt)) kt = int_t;
        uint32_t n = temp(1), i = temp(1);
        expr_to(s->x, kt);
        emit(Opcode::StoreLocal, static_cast<int32_t>(n), 1);
        emit(Opcode::Int, 0);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        uint32_t top = here();
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(n), 1);
        emit(is_unsigned(kt) ? Opcode::LtU : Opcode::Lt);
        uint32_t jf = emit(Opcode::JumpIfNot);
        if (!is_blank(s->key)) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            assign_iter(s->key, kt);
        }
        labels = loop_body(s->body, labels);
        patch_all(labels.continues, here());
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::Int, 1);
        emit(Opcode::Add);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::Jump, static_cast<int32_t>(top));
        patch(jf);
        patch_all(labels.breaks, here());
        return;
    }
    if (xt->is<Slice>() || xt->is<Array>() || (xt->is<Pointer>() && underlying(xt->as<Pointer>()->elem)->is<Array>())) {
        const Type* elem;
        uint32_t base = temp(1), len = temp(1), i = temp(1);
        bool is_slice = xt->is<Slice>();
        int64_t alen = 0;
        if (is_slice) {
            elem = xt->as<Slice>()->elem;
            expr(s->x);
            emit(Opcode::Dup, 0, 1);
            emit(Opcode::StoreLocal, static_cast<int32_t>(base), 1);
            emit(Opcode::SliceLen);
            emit(Opcode::StoreLocal, static_cast<int32_t>(len), 1);
        } else {
            const Array* at = xt->is<Array>() ? xt->as<Array>() : underlying(xt->as<Pointer>()->elem)->as<Array>();
            elem = at->elem;
            alen = at->len;
            if (xt->is<Pointer>()) {
                expr(s->x);
            } else if (s->value) {
                // Go ranges over a copy of the array (evaluated once, before the loop).
                expr(s->x);
                spill(slots(s->x->type));
            } else {
                // Only the index: a variable is not read (its length is constant), but
                // an expression with calls is evaluated once.
                if (!unparen_ident(s->x)) {
                    expr(s->x);
                    emit(Opcode::Pop, 0, slots(s->x->type));
                }
                emit(Opcode::Int, 0);
            }
            emit(Opcode::StoreLocal, static_cast<int32_t>(base), 1);
            emit(Opcode::Int, static_cast<int32_t>(alen));
            emit(Opcode::StoreLocal, static_cast<int32_t>(len), 1);
        }
        emit(Opcode::Int, 0);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        uint32_t top = here();
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(len), 1);
        emit(Opcode::Lt);
        uint32_t jf = emit(Opcode::JumpIfNot);
        if (!is_blank(s->key)) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            assign_iter(s->key, int_t);
        }
        if (!is_blank(s->value)) {
            uint32_t es = slots(elem);
            // What a trace calls the element read: `xs[k]` with the key the user named, else
            // `xs[…]`; an unnamed literal's element goes without a name (never `{...}[i]`).
            std::string x = s->x->kind == NodeKind::CompositeLit ? std::string() : expr_text(s->x);
            std::string element_text = x.empty() ? std::string() : x + "[" + (!is_blank(s->key) && s->key->kind == NodeKind::Ident ? expr_text(s->key) : std::string("…")) + "]";
            emit(Opcode::LoadLocal, static_cast<int32_t>(base), 1);
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            if (is_slice) emit(Opcode::IndexAddr, 0, es);
            else emit(Opcode::ArrayAddr, static_cast<int32_t>(alen), es);
            emit(Opcode::Load, static_cast<int32_t>(rtype(elem)), es, static_cast<int32_t>(site(s->x->pos, element_text)));
            assign_iter(s->value, elem);
        }
        labels = loop_body(s->body, labels);
        patch_all(labels.continues, here());
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::Int, 1);
        emit(Opcode::Add);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::Jump, static_cast<int32_t>(top));
        patch(jf);
        patch_all(labels.breaks, here());
        return;
    }
    if (is_string(xt)) {
        uint32_t str = temp(1), i = temp(1), width = temp(1);
        expr(s->x);
        emit(Opcode::StoreLocal, static_cast<int32_t>(str), 1);
        emit(Opcode::Int, 0);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        uint32_t top = here();
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(str), 1);
        emit(Opcode::StrLen);
        emit(Opcode::Lt);
        uint32_t jf = emit(Opcode::JumpIfNot);
        emit(Opcode::LoadLocal, static_cast<int32_t>(str), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::StrNext);
        emit(Opcode::StoreLocal, static_cast<int32_t>(width), 1);
        if (!is_blank(s->value)) assign_iter(s->value, basic_type(BasicKind::Int32));
        else emit(Opcode::Pop, 0, 1);
        if (!is_blank(s->key)) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
            assign_iter(s->key, int_t);
        }
        labels = loop_body(s->body, labels);
        patch_all(labels.continues, here());
        emit(Opcode::LoadLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(width), 1);
        emit(Opcode::Add);
        emit(Opcode::StoreLocal, static_cast<int32_t>(i), 1);
        emit(Opcode::Jump, static_cast<int32_t>(top));
        patch(jf);
        patch_all(labels.breaks, here());
        return;
    }
    if (xt->is<Map>()) {
        const Map* mt = xt->as<Map>();
        uint32_t ks = slots(mt->key), vs = slots(mt->elem);
        uint32_t m = temp(1), it = temp(1), kt = temp(ks), vt = temp(vs);
        expr(s->x);
        emit(Opcode::StoreLocal, static_cast<int32_t>(m), 1);
        emit(Opcode::Int, 0);
        emit(Opcode::StoreLocal, static_cast<int32_t>(it), 1);
        uint32_t top = here();
        emit(Opcode::LoadLocal, static_cast<int32_t>(m), 1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(it), 1);
        emit(Opcode::MapNext, static_cast<int32_t>(rtype(s->x->type)), 0, static_cast<int32_t>(site(s->x->pos, expr_text(s->x))));
        uint32_t jf = emit(Opcode::JumpIfNot);
        emit(Opcode::StoreLocal, static_cast<int32_t>(it), 1);
        emit(Opcode::StoreLocal, static_cast<int32_t>(vt), vs);
        emit(Opcode::StoreLocal, static_cast<int32_t>(kt), ks);
        if (!is_blank(s->key)) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(kt), ks);
            assign_iter(s->key, mt->key);
        }
        if (!is_blank(s->value)) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(vt), vs);
            assign_iter(s->value, mt->elem);
        }
        labels = loop_body(s->body, labels);
        patch_all(labels.continues, top);
        emit(Opcode::Jump, static_cast<int32_t>(top));
        patch(jf);
        // MapNext pushed [key val i found]: on exit the first three are still there
        uint32_t exit_pop = here();
        emit(Opcode::Pop, 0, ks + vs + 1);
        uint32_t end = here();
        patch_all(labels.breaks, end);
        (void)exit_pop;
        return;
    }
    if (xt->is<Chan>()) {
        const Chan* ct = xt->as<Chan>();
        uint32_t n = slots(ct->elem);
        uint32_t ch = temp(1);
        expr(s->x);
        emit(Opcode::StoreLocal, static_cast<int32_t>(ch), 1);
        uint32_t top = here();
        emit(Opcode::LoadLocal, static_cast<int32_t>(ch), 1);
        emit(Opcode::Recv, 0, n, static_cast<int32_t>(site(s->x->pos, expr_text(s->x))), 1);
        uint32_t jf = emit(Opcode::JumpIfNot);
        if (!is_blank(s->key)) assign_iter(s->key, ct->elem);
        else emit(Opcode::Pop, 0, n);
        labels = loop_body(s->body, labels);
        patch_all(labels.continues, top);
        emit(Opcode::Jump, static_cast<int32_t>(top));
        patch(jf);
        emit(Opcode::Pop, 0, n);
        patch_all(labels.breaks, here());
        return;
    }
    unsupported(s->pos, "range over " + type_string(s->x->type));
}

LoopLabels Compiler::loop_body(const Stmt* body, LoopLabels labels) {
    m_fn->loops.push_back(std::move(labels));
    stmt(body);
    labels = std::move(m_fn->loops.back());
    m_fn->loops.pop_back();
    return labels;
}

void Compiler::switch_stmt(const SwitchStmt* s) {
    stmt(s->init);
    uint32_t tag = UINT32_MAX;
    const Type* tt = nullptr;
    if (s->tag) {
        tt = s->tag->type;
        tag = temp(slots(tt));
        expr(s->tag);
        emit(Opcode::StoreLocal, static_cast<int32_t>(tag), slots(tt));
    }
    std::vector<std::vector<uint32_t>> to_body(s->clauses.size());
    int default_clause = -1;
    for (size_t c = 0; c < s->clauses.size(); c++) {
        const CaseClause* cc = s->clauses[c];
        if (cc->is_default) default_clause = static_cast<int>(c);
        for (const Expr* e : cc->list) {
            if (s->tag) {
                emit(Opcode::LoadLocal, static_cast<int32_t>(tag), slots(tt));
                expr_to(e, tt);
                compare(Tok::Eql, tt, e->pos);
            } else if (is_interface(e->type)) {
                // A tagless switch compares each case with true: `case i:` with i an
                // interface holds when i holds the bool true.
                expr(e);
                emit(Opcode::Const, static_cast<int32_t>(const_value(Value::of_bool(true))));
                emit(Opcode::Box, static_cast<int32_t>(rtype(basic_type(BasicKind::Bool))));
                compare(Tok::Eql, e->type, e->pos);
            } else {
                expr(e);
            }
            to_body[c].push_back(emit(Opcode::JumpIf));
        }
    }
    uint32_t to_default = emit(Opcode::Jump);
    std::vector<uint32_t> ends;
    m_fn->loops.push_back(LoopLabels{s, {}, {}, UINT32_MAX});
    std::vector<uint32_t> fall;
    for (size_t c = 0; c < s->clauses.size(); c++) {
        patch_all(to_body[c], here());
        patch_all(fall, here());
        fall.clear();
        if (static_cast<int>(c) == default_clause) code()[to_default].a = static_cast<int32_t>(here());
        const CaseClause* cc = s->clauses[c];
        block(cc->body);
        bool falls = !cc->body.empty() && cc->body.back()->is<BranchStmt>() &&
                     cc->body.back()->as<BranchStmt>()->tok == Tok::Fallthrough;
        if (falls) fall.push_back(emit(Opcode::Jump));
        else ends.push_back(emit(Opcode::Jump));
    }
    if (default_clause < 0) code()[to_default].a = static_cast<int32_t>(here());
    patch_all(fall, here());
    LoopLabels l = m_fn->loops.back();
    m_fn->loops.pop_back();
    patch_all(ends, here());
    patch_all(l.breaks, here());
}

void Compiler::type_switch(const TypeSwitchStmt* s) {
    stmt(s->init);
    uint32_t subj = temp(1);
    expr(s->subject);
    emit(Opcode::StoreLocal, static_cast<int32_t>(subj), 1);
    uint32_t static_rt = rtype(s->subject->type);
    std::vector<std::vector<uint32_t>> to_body(s->clauses.size());
    int default_clause = -1;
    for (size_t c = 0; c < s->clauses.size(); c++) {
        const CaseClause* cc = s->clauses[c];
        if (cc->is_default) default_clause = static_cast<int>(c);
        for (const Expr* e : cc->list) {
            emit(Opcode::LoadLocal, static_cast<int32_t>(subj), 1);
            auto id = e->as<Ident>();
            if (id && id->obj && id->obj->kind == ObjectKind::Nil) {
                emit(Opcode::TypeIs, 0);
            } else if (is_interface(e->type)) {
                emit(Opcode::AssertIface, static_cast<int32_t>(rtype(e->type)), 0, static_cast<int32_t>(static_rt), 1);
                uint32_t ok = temp(1);
                emit(Opcode::StoreLocal, static_cast<int32_t>(ok), 1);
                emit(Opcode::Pop, 0, 1);
                emit(Opcode::LoadLocal, static_cast<int32_t>(ok), 1);
            } else {
                emit(Opcode::TypeIs, static_cast<int32_t>(rtype(e->type)));
            }
            to_body[c].push_back(emit(Opcode::JumpIf));
        }
    }
    uint32_t to_default = emit(Opcode::Jump);
    std::vector<uint32_t> ends;
    m_fn->loops.push_back(LoopLabels{s, {}, {}, UINT32_MAX});
    for (size_t c = 0; c < s->clauses.size(); c++) {
        patch_all(to_body[c], here());
        if (static_cast<int>(c) == default_clause) code()[to_default].a = static_cast<int32_t>(here());
        const CaseClause* cc = s->clauses[c];
        if (cc->implicit) {
            const Type* vt = cc->implicit->type;
            emit(Opcode::LoadLocal, static_cast<int32_t>(subj), 1);
            if (!is_interface(vt)) emit(Opcode::Assert, static_cast<int32_t>(rtype(vt)), 0, static_cast<int32_t>(static_rt), 0);
            declare_var(cc->implicit, true);
        }
        block(cc->body);
        ends.push_back(emit(Opcode::Jump));
    }
    if (default_clause < 0) code()[to_default].a = static_cast<int32_t>(here());
    LoopLabels l = m_fn->loops.back();
    m_fn->loops.pop_back();
    patch_all(ends, here());
    patch_all(l.breaks, here());
}

const CallExpr* Compiler::time_after_call(const Expr* x) {
    while (x && x->is<ParenExpr>()) x = x->as<ParenExpr>()->x;
    auto* call = x ? x->as<CallExpr>() : nullptr;
    if (!call) return nullptr;
    const Expr* f = call->fun;
    while (f->is<ParenExpr>()) f = f->as<ParenExpr>()->x;
    const Object* obj = nullptr;
    if (auto* id = f->as<Ident>()) obj = id->obj;
    else if (auto* se = f->as<SelectorExpr>(); se && !se->selection) obj = se->sel->obj;
    return obj && obj->kind == ObjectKind::Func && obj->native == "time.After" ? call : nullptr;
}

void Compiler::select_stmt(const SelectStmt* s) {
    SelectShape shape;
    // With a default, the timer's case is not always ready: a real timer decides.
    bool any_default = false;
    for (const CommClause* cc : s->clauses) any_default |= !cc->comm;
    std::vector<const CommClause*> cases;
    const CommClause* deflt = nullptr;
    // operands, in case order
    for (const CommClause* cc : s->clauses) {
        if (!cc->comm) {
            deflt = cc;
            shape.has_default = true;
            continue;
        }
        SelectShape::Case c;
        if (auto* send = cc->comm->as<SendStmt>()) {
            const Chan* ct = underlying(send->chan->type)->as<Chan>();
            c.kind = OpKind::ChanSend;
            c.elem_slots = static_cast<uint16_t>(slots(ct->elem));
            expr(send->chan);
            expr_to(send->value, ct->elem);
        } else {
            const Expr* rx = nullptr;
            if (auto* es = cc->comm->as<ExprStmt>()) rx = es->x;
            else if (auto* as = cc->comm->as<AssignStmt>()) rx = as->rhs[0];
            while (rx && rx->is<ParenExpr>()) rx = rx->as<ParenExpr>()->x;
            auto* u = rx ? rx->as<UnaryExpr>() : nullptr;
            if (!u || u->op != Tok::Arrow) unsupported(cc->pos, "select case");
            const Chan* ct = underlying(u->x->type)->as<Chan>();
            c.kind = OpKind::ChanRecv;
            c.elem_slots = static_cast<uint16_t>(slots(ct->elem));
            shape.recv_slots = std::max(shape.recv_slots, c.elem_slots);
            if (!any_default) m_ready_timer = time_after_call(u->x);
            expr(u->x);
            m_ready_timer = nullptr;
        }
        shape.cases.push_back(c);
        cases.push_back(cc);
    }
    uint32_t sel = static_cast<uint32_t>(m_mod->selects.size());
    uint32_t rs = shape.recv_slots;
    m_mod->selects.push_back(shape);
    emit(Opcode::Select, static_cast<int32_t>(sel), 0, static_cast<int32_t>(site(s->pos, "select")));
    uint32_t idx = temp(1), ok = temp(1), val = temp(rs);
    emit(Opcode::StoreLocal, static_cast<int32_t>(idx), 1);
    emit(Opcode::StoreLocal, static_cast<int32_t>(ok), 1);
    if (rs) emit(Opcode::StoreLocal, static_cast<int32_t>(val), rs);
    std::vector<uint32_t> ends;
    m_fn->loops.push_back(LoopLabels{s, {}, {}, UINT32_MAX});
    auto body = [&](const CommClause* cc) {
        if (auto* as = cc->comm ? cc->comm->as<AssignStmt>() : nullptr) {
            const Expr* rx = as->rhs[0];
            while (rx->is<ParenExpr>()) rx = rx->as<ParenExpr>()->x;
            const Type* et = underlying(rx->as<UnaryExpr>()->x->type)->as<Chan>()->elem;
            for (size_t i = 0; i < as->lhs.size(); i++) {
                const Expr* l = as->lhs[i];
                const Type* t = i == 0 ? et : basic_type(BasicKind::Bool);
                if (auto id = l->as<Ident>(); id && id->name == "_") continue;
                emit(Opcode::LoadLocal, static_cast<int32_t>(i == 0 ? val : ok), slots(t));
                bool is_new = as->op == Tok::Define && i < as->defines.size() && as->defines[i];
                if (is_new) {
                    convert(t, def(l)->type);
                    declare_var(def(l), true);
                } else {
                    convert(t, l->type);
                    store_to(l, l->type);
                }
            }
        }
        block(cc->body);
        ends.push_back(emit(Opcode::Jump));
    };
    for (size_t i = 0; i < cases.size(); i++) {
        emit(Opcode::LoadLocal, static_cast<int32_t>(idx), 1);
        emit(Opcode::Int, static_cast<int32_t>(i));
        emit(Opcode::Eq);
        uint32_t jf = emit(Opcode::JumpIfNot);
        body(cases[i]);
        patch(jf);
    }
    if (deflt) body(deflt);
    LoopLabels l = m_fn->loops.back();
    m_fn->loops.pop_back();
    patch_all(ends, here());
    patch_all(l.breaks, here());
}

void Compiler::go_defer(const CallExpr* call, bool is_go, Pos pos) {
    uint32_t before = m_fn->next_slot;
    (void)before;
    // Operands are pushed now; the instructions that complete the call run later, in a
    // snippet (for defer: when the frame returns or panics; for go: as the new goroutine).
    // Count the operand slots by measuring what prepare_call pushes.
    uint32_t result_slots = 0;
    uint32_t mark = temp(0);
    (void)mark;
    size_t start = code().size();
    std::vector<Instr> finish = prepare_call(call, result_slots);
    (void)start;
    // Operand width = the slots the finishing instructions consume: computed from the
    // call's shape by prepare_call through m_last_operands.
    uint32_t operands = m_last_operands;
    uint32_t st = site(pos, expr_text(call->fun));
    if (is_go) {
        std::string name;
        const Expr* f = call->fun;
        while (f->is<ParenExpr>()) f = f->as<ParenExpr>()->x;
        if (auto* lit = f->as<FuncLit>()) {
            auto it = m_lits.find(lit);
            if (it != m_lits.end()) name = m_mod->functions[it->second].name;
        } else if (auto* id = f->as<Ident>(); id && id->obj && id->obj->kind == ObjectKind::Func) {
            name = id->obj->native.empty() ? func_name(id->obj) : id->obj->native;
        } else if (auto* se = f->as<SelectorExpr>(); se && se->sel->obj && se->sel->obj->kind == ObjectKind::Func) {
            name = se->sel->obj->native.empty() ? func_name(se->sel->obj) : se->sel->obj->native;
        }
        m_mod->go_names[st] = name;
        m_fn->snippets.push_back({emit(Opcode::Go, 0, operands, static_cast<int32_t>(st)), finish, result_slots});
    } else {
        m_fn->snippets.push_back({emit(Opcode::Defer, 0, operands, static_cast<int32_t>(st)), finish, result_slots});
    }
}

}  // namespace lockstep::vm
