// Wrapper functions the compiler synthesizes, as Go's compiler does: a method of T reached
// through embedded fields or implemented by the library (promoted methods and library
// methods in interface method tables, method expressions, method values), the Locker that
// RWMutex.RLocker returns, and library functions used as values (`f := fmt.Println`).
#include <algorithm>

#include "lang/assert.hpp"
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

using namespace lockstep::lang;

namespace {

struct SyncMethod {
    const char* name;
    OpKind kind;
};
// Library methods that are exactly one visible operation on the object's handle cell.
constexpr SyncMethod sync_methods[] = {
    {"sync.(*Mutex).Lock", OpKind::Lock},           {"sync.(*Mutex).Unlock", OpKind::Unlock},
    {"sync.(*Mutex).TryLock", OpKind::TryLock},     {"sync.(*RWMutex).Lock", OpKind::Lock},
    {"sync.(*RWMutex).Unlock", OpKind::Unlock},     {"sync.(*RWMutex).TryLock", OpKind::TryLock},
    {"sync.(*RWMutex).RLock", OpKind::RLock},       {"sync.(*RWMutex).RUnlock", OpKind::RUnlock},
    {"sync.(*RWMutex).TryRLock", OpKind::TryRLock}, {"sync.(*WaitGroup).Wait", OpKind::WgWait},
    {"sync.(*Cond).Wait", OpKind::CondWait},        {"sync.(*Cond).Signal", OpKind::CondSignal},
    {"sync.(*Cond).Broadcast", OpKind::CondBroadcast},
};

uint32_t offset_of(Compiler& c, const Struct* st, uint32_t index) {
    uint32_t off = 0;
    for (uint32_t i = 0; i < index; i++) off += c.slots(st->fields[i]->type);
    return off;
}

// Go's name for a method of T: "main.(*T).M", "main.T.M", "sync.(*Mutex).Lock".
std::string method_function_name(const Type* recv, std::string_view name) {
    bool ptr = recv->is<Pointer>();
    const Type* base = ptr ? recv->as<Pointer>()->elem : recv;
    std::string t = type_string(base);
    size_t dot = t.rfind('.');
    std::string pkg = dot == std::string::npos ? "main" : t.substr(0, dot);
    std::string bare = dot == std::string::npos ? t : t.substr(dot + 1);
    return pkg + (ptr ? ".(*" + bare + ")." : "." + bare + ".") + std::string(name);
}

}  // namespace

int32_t is_rwmutex_method(std::string_view native) { return native.rfind("sync.(*RWMutex).", 0) == 0 ? 1 : 0; }

bool sync_method_op(std::string_view native, OpKind& kind) {
    for (const SyncMethod& sm : sync_methods) {
        if (native == sm.name) {
            kind = sm.kind;
            return true;
        }
    }
    return false;
}

const Type* Compiler::pointer_to(const Type* t) {
    m_owned_types.push_back(std::make_unique<Pointer>(t));
    return m_owned_types.back().get();
}

uint32_t Compiler::begin_wrapper(std::string name, uint32_t param_slots, uint32_t result_slots, FnCtx& ctx) {
    uint32_t index = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    m_mod->functions[index].name = name;
    m_mod->functions[index].param_slots = param_slots;
    m_mod->functions[index].result_slots = result_slots;
    ctx.index = index;
    ctx.name = std::move(name);
    m_fn = &ctx;
    temp(param_slots);
    return index;
}

void Compiler::end_wrapper(uint32_t result_slots) {
    emit(Opcode::Ret, 0, result_slots);
    // A panic recovered below never resumes here (a wrapper has no defers), but every
    // function has an epilogue.
    Function& f = m_mod->functions[m_fn->index];
    f.epilogue = here();
    emit(Opcode::RunDefers);
    if (result_slots) emit(Opcode::Zero, 0, result_slots);
    emit(Opcode::Ret, 0, result_slots);
    m_mod->functions[m_fn->index].frame_slots = std::max(m_fn->max_slot, m_mod->functions[m_fn->index].param_slots);
}

// The operands are on the stack: the receiver (a pointer for pointer methods) then
// `arg_slots` of arguments.
void Compiler::emit_library_method(const Object* m, uint32_t arg_slots, uint32_t site_index) {
    const std::string& name = m->native;
    const Signature* sig = m->type->as<Signature>();
    OpKind kind;
    if (sync_method_op(name, kind)) {
        emit(Opcode::Sync, is_rwmutex_method(name), 0, static_cast<int32_t>(site_index), static_cast<uint8_t>(kind));
        return;
    }
    if (name == "sync.(*WaitGroup).Add" || name == "sync.(*WaitGroup).Done") {
        if (name == "sync.(*WaitGroup).Done") emit(Opcode::Int, -1);
        emit(Opcode::Sync, 0, 0, static_cast<int32_t>(site_index), static_cast<uint8_t>(OpKind::WgAdd));
        return;
    }
    if (name == "sync.(*Once).Do") {
        emit(Opcode::Int, static_cast<int32_t>(site_index));
        emit(Opcode::Call, static_cast<int32_t>(once_do_function()), 3);
        return;
    }
    if (name == "sync.(*RWMutex).RLocker") {
        emit(Opcode::Box, static_cast<int32_t>(rlocker_type()));
        return;
    }
    NativeId id;
    if (name.rfind("sync/atomic.", 0) == 0 || name == "sync.(*Map).Range" || !find_native(name, id)) {
        // Reached only through an interface or a function value: a panic at run time,
        // since the compiler has no call site to point at.
        Value msg = m_mod->intern("unsupported: " + name + " called through an interface or a function value");
        emit(Opcode::Pop, 0, arg_slots + 1);
        emit(Opcode::Const, static_cast<int32_t>(const_value(msg)));
        emit(Opcode::Box, static_cast<int32_t>(rt::string));
        emit(Opcode::Panic);
        return;
    }
    uint8_t flags = sig->variadic ? 1 : 0;
    emit(Opcode::Native, static_cast<int32_t>(id), 1 + arg_slots, static_cast<int32_t>(site_index), flags);
}

uint32_t Compiler::method_wrapper(const Type* recv, std::string_view name) {
    std::string key = type_string(recv) + "\x1f" + std::string(name);
    auto it = m_wrappers.find(key);
    if (it != m_wrappers.end()) return it->second;
    Selection sel;
    if (!lookup_field_or_method(recv, false, name, sel) || sel.kind != SelectionKind::MethodVal) return UINT32_MAX;
    const Object* m = sel.obj;
    const Signature* sig = m->type->as<Signature>();
    uint32_t rs = slots(recv), as = slots(sig->params), res = slots(sig->results);
    FnCtx ctx;
    FnCtx* saved = m_fn;
    uint32_t index = begin_wrapper(method_function_name(recv, name), rs + as, res, ctx);
    m_wrappers[key] = index;
    const Type* base = recv->is<Pointer>() ? recv->as<Pointer>()->elem : recv;
    Pos pos = base->is<Named>() && base->as<Named>()->obj ? base->as<Named>()->obj->pos : Pos{};
    std::string text = "(" + type_string(recv) + ")";
    uint32_t s = site(pos, text);
    m_mod->functions[index].site = s;

    // Walk the embedded fields from the receiver (frame slots [0, rs)) to the value the
    // method belongs to: a frame slot while inside the receiver's own value, an address on
    // the stack once a pointer has been followed.
    const Type* cur = recv;
    bool on_heap = false;
    uint32_t slot = 0;
    auto load_here = [&](uint32_t n) {
        if (on_heap) emit(Opcode::Load, static_cast<int32_t>(rtype(cur)), n, static_cast<int32_t>(s));
        else emit(Opcode::LoadLocal, static_cast<int32_t>(slot), n);
    };
    auto follow = [&]() {  // cur is a pointer stored here: go to what it points to
        load_here(1);
        on_heap = true;
        cur = underlying(cur)->as<Pointer>()->elem;
    };
    for (const FieldStep& step : sel.path) {
        if (underlying(cur)->is<Pointer>()) follow();
        const Struct* st = underlying(cur)->as<Struct>();
        uint32_t off = offset_of(*this, st, step.index);
        if (on_heap) emit(Opcode::FieldAddr, static_cast<int32_t>(off));
        else slot += off;
        cur = st->fields[step.index]->type;
        text += "." + st->fields[step.index]->name;
    }
    m_mod->sites[s].expr = text;
    if (sel.dynamic) {
        load_here(1);
        emit(Opcode::LoadLocal, static_cast<int32_t>(rs), as);
        emit(Opcode::CallIface, static_cast<int32_t>(m_mod->method_name_id(name)), as);
    } else {
        bool cur_ptr = underlying(cur)->is<Pointer>();
        if (m->ptr_recv) {
            if (cur_ptr) load_here(1);
            else LOCKSTEP_ASSERT(on_heap, "pointer method of a value that is not addressable");
        } else {
            if (cur_ptr) follow();
            load_here(slots(cur));
        }
        uint32_t recv_slots = m->ptr_recv ? 1 : slots(cur);
        emit(Opcode::LoadLocal, static_cast<int32_t>(rs), as);
        if (m->native.empty()) emit(Opcode::Call, static_cast<int32_t>(function_of(m)), recv_slots + as);
        else emit_library_method(m, as, s);
    }
    end_wrapper(res);
    m_fn = saved;
    return index;
}

uint32_t Compiler::rlocker_type() {
    if (m_rlocker != UINT32_MAX) return m_rlocker;
    // Go's RLocker returns (*rlocker)(rw): the same pointer, whose Lock and Unlock are the
    // RWMutex's RLock and RUnlock.
    auto method = [&](const char* name, OpKind kind) {
        FnCtx ctx;
        FnCtx* saved = m_fn;
        uint32_t index = begin_wrapper(std::string("sync.(*rlocker).") + name, 1, 0, ctx);
        uint32_t s = site(Pos{}, "(*sync.rlocker)");
        m_mod->functions[index].site = s;
        emit(Opcode::LoadLocal, 0, 1);
        emit(Opcode::Sync, 0, 0, static_cast<int32_t>(s), static_cast<uint8_t>(kind));
        end_wrapper(0);
        m_fn = saved;
        RMethod rm;
        rm.name = m_mod->method_name_id(name);
        rm.function = index;
        return rm;
    };
    RType r;
    r.kind = RKind::Pointer;
    r.name = "*sync.rlocker";
    r.named = false;
    r.elem = rt::invalid;
    r.methods = {method("Lock", OpKind::RLock), method("Unlock", OpKind::RUnlock)};
    std::sort(r.methods.begin(), r.methods.end(), [](const RMethod& a, const RMethod& b) { return a.name < b.name; });
    m_rlocker = static_cast<uint32_t>(m_mod->types.size());
    m_mod->types.push_back(std::move(r));
    return m_rlocker;
}

uint32_t Compiler::library_function_value(const Object* fn, Pos pos) {
    auto it = m_wrappers.find(fn->native);
    if (it != m_wrappers.end()) return it->second;
    NativeId id;
    if (!find_native(fn->native, id) || fn->native.rfind("sync", 0) == 0)
        unsupported(pos, "library function " + fn->native + " used as a value");
    const Signature* sig = fn->type->as<Signature>();
    uint32_t as = slots(sig->params), res = slots(sig->results);
    FnCtx ctx;
    FnCtx* saved = m_fn;
    uint32_t index = begin_wrapper(fn->native, as, res, ctx);
    m_wrappers[fn->native] = index;
    uint32_t s = site(Pos{}, "");
    m_mod->functions[index].site = s;
    emit(Opcode::LoadLocal, 0, as);
    std::string_view nm = native_go_name(id);
    uint8_t flags = sig->variadic ? 1 : 0;
    if (nm == "fmt.Print" || nm == "fmt.Println" || nm == "fmt.Printf") flags |= 2;
    emit(Opcode::Native, static_cast<int32_t>(id), as, static_cast<int32_t>(s), flags);
    end_wrapper(res);
    m_fn = saved;
    return index;
}

}  // namespace lockstep::vm
