// The type checker's model of a Go program: types, objects (what a name denotes),
// selections (what `x.f` means), constant values, packages, and TypeInfo, the arena that
// owns them all and carries the whole-program facts the compiler needs.
//
// Contract with the compiler (vm/), after check_file() returned without throwing:
//  - every Ident has `obj` set (declarations and uses), except: the package clause's
//    name, the blank identifier `_` where it declares or assigns nothing, and a type
//    switch's `x` in `switch x := y.(type)` (each CaseClause::implicit is that clause's
//    variable). Field names in keyed struct literals have obj = the field Var. Labels
//    have obj = a Label object;
//  - every Expr has `type` set (a package name before `.` and a call without results have
//    none; a call with several results has a Tuple type); `is_type` marks type
//    expressions. No value expression has an untyped type: untyped constants and nil take
//    their context's type (or their default type: int, rune (int32), float64, string,
//    bool) in place. Whenever `Expr::value` is set the expression is a constant: use the
//    value, not the tree. A constant passed to an interface (fmt.Println(1)) has its
//    default type; the conversion to the interface is implicit at the use;
//  - a composite literal whose type was elided inside `[]*T{{...}}` / `map[K]*T{...}` has
//    type *T: it means &T{...};
//  - SelectorExpr::selection is set for fields and methods (null for `pkg.Name`, where
//    sel->obj is the package member); AssignStmt::defines, the comma_ok flags,
//    BranchStmt::target, CaseClause::implicit and FuncLit::captures are filled in;
//  - the result of `x op y` with op a comparison has type bool;
//  - objects, types and selections live as long as the TypeInfo; universe objects and
//    basic types live forever (they are shared, immutable singletons).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/ast.hpp"

namespace lockstep::lang {

struct Package;

// ---------------------------------------------------------------------------------------
// Types. One struct per kind (named after go/types: Basic, Named, Pointer, ...), all
// deriving from Type; downcast with `t->as<Pointer>()`. Types are not canonicalized in
// general: compare with identical(a, b), never with ==, except that Named types are
// unique (== works for them). Compare basic types by kind (`byte` and `uint8` are two
// Basic objects of kind Uint8, so that messages spell them as written).

enum class TypeKind : uint8_t { Basic, Named, Pointer, Array, Slice, Map, Chan, Struct, Signature, Interface, Tuple };

enum class BasicKind : uint8_t {
#define LOCKSTEP_BASIC(name, spelling, flags) name,
#include "lang/basic_kinds.def"
#undef LOCKSTEP_BASIC
};

// Classification bits of a basic kind (the flags column of basic_kinds.def).
namespace BasicInfo {
enum : uint8_t {
    IsBoolean = 1 << 0,
    IsInteger = 1 << 1,
    IsUnsigned = 1 << 2,
    IsFloat = 1 << 3,
    IsComplex = 1 << 4,
    IsString = 1 << 5,
    IsUntyped = 1 << 6,
};
}
uint8_t basic_info(BasicKind kind);
std::string_view basic_name(BasicKind kind);  // "int", "untyped float", ...

struct Type {
    explicit Type(TypeKind k) : kind(k) {}
    virtual ~Type() = default;
    Type(const Type&) = delete;
    Type& operator=(const Type&) = delete;

    TypeKind kind;

    template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
    template <class T> const T* as() const { return kind == T::Kind ? static_cast<const T*>(this) : nullptr; }
    template <class T> bool is() const { return kind == T::Kind; }
};

// bool, int, ..., string and the untyped kinds. `byte` and `rune` are aliases: Basic
// objects of kind Uint8 and Int32 whose `name` is "byte" / "rune". The runtime (%T)
// prints them uint8 / int32, the compiler's messages byte / rune, as Go does.
struct Basic : Type {
    static constexpr TypeKind Kind = TypeKind::Basic;
    explicit Basic(BasicKind b, std::string_view n = {}) : Type(Kind), basic(b), name(n) {}
    BasicKind basic;
    std::string_view name;  // the alias spelling, or empty
};

struct Object;

// A defined type: `type Counter struct{...}`, `sync.Mutex`, `time.Duration`, `error`.
// Unique per declaration, so pointer equality is identity.
struct Named : Type {
    static constexpr TypeKind Kind = TypeKind::Named;
    Named() : Type(Kind) {}
    Object* obj = nullptr;              // its TypeName object (name, package)
    const Type* underlying = nullptr;   // never a Named; set once the declaration is resolved
    // Methods declared with this type (or *this type) as receiver, in declaration order.
    // Func objects; Object::ptr_recv says which receiver form each has.
    std::vector<Object*> methods;
    // For standard-library types: the qualified name the VM switches on ("sync.Mutex",
    // "sync.WaitGroup", "strings.Builder", "time.Duration", "atomic.Int64"...); empty for
    // user types and for `error`. See lang/packages.hpp for each one's layout.
    std::string native;
};

struct Pointer : Type {
    static constexpr TypeKind Kind = TypeKind::Pointer;
    explicit Pointer(const Type* e) : Type(Kind), elem(e) {}
    const Type* elem;
};

struct Array : Type {
    static constexpr TypeKind Kind = TypeKind::Array;
    Array(const Type* e, int64_t n) : Type(Kind), elem(e), len(n) {}
    const Type* elem;
    int64_t len;
};

struct Slice : Type {
    static constexpr TypeKind Kind = TypeKind::Slice;
    explicit Slice(const Type* e) : Type(Kind), elem(e) {}
    const Type* elem;
};

struct Map : Type {
    static constexpr TypeKind Kind = TypeKind::Map;
    Map(const Type* k, const Type* e) : Type(Kind), key(k), elem(e) {}
    const Type* key;
    const Type* elem;
};

struct Chan : Type {
    static constexpr TypeKind Kind = TypeKind::Chan;
    Chan(ChanDir d, const Type* e) : Type(Kind), dir(d), elem(e) {}
    ChanDir dir;  // Both, Send (chan<- T), Recv (<-chan T)
    const Type* elem;
};

// Fields are Var objects (VarKind::Field) in declaration order; Object::index is the
// position in this vector, Object::embedded marks an embedded field (its name is the
// type's name: `Mutex` for `sync.Mutex`, `Base` for `*Base`).
struct Struct : Type {
    static constexpr TypeKind Kind = TypeKind::Struct;
    Struct() : Type(Kind) {}
    std::vector<Object*> fields;
};

// An ordered list of variables: parameter lists, result lists, and the type of a call
// that returns several values (`f()` with two results has a Tuple type of size 2).
struct Tuple : Type {
    static constexpr TypeKind Kind = TypeKind::Tuple;
    Tuple() : Type(Kind) {}
    std::vector<Object*> vars;  // Var objects (Param/Result); names may be empty or "_"
    size_t size() const { return vars.size(); }
    const Type* at(size_t i) const;
};

// A function type. For a method, `recv` is the receiver Var (its type T or *T); it is
// not part of `params`. A method expression `T.M` has a Signature whose first param is
// the receiver and recv == nullptr.
struct Signature : Type {
    static constexpr TypeKind Kind = TypeKind::Signature;
    Signature() : Type(Kind) {}
    Object* recv = nullptr;
    const Tuple* params = nullptr;   // never null (may be empty)
    const Tuple* results = nullptr;  // never null (may be empty)
    bool variadic = false;           // last param is `...T`; its type is []T
};

// The complete method set of an interface, embedded interfaces flattened in, sorted by
// name (as Go does). Each method is a Func object with `iface` set to this interface's
// type and a Signature without receiver. `any` / `interface{}` has no methods.
struct Interface : Type {
    static constexpr TypeKind Kind = TypeKind::Interface;
    Interface() : Type(Kind) {}
    std::vector<Object*> methods;
    std::vector<const Type*> embedded;  // as written, for type_string of unnamed interfaces
    bool empty() const { return methods.empty(); }
    // Index of the method called `name` in `methods`, or -1.
    int method_index(std::string_view name) const;
};

// ---------------------------------------------------------------------------------------
// Objects: what an identifier denotes.

enum class ObjectKind : uint8_t { Var, Const, TypeName, Func, PackageName, Builtin, Nil, Label };

enum class VarKind : uint8_t {
    Local,     // declared in a function body (var, :=, range, type switch binding)
    Param,     // function parameter
    Result,    // named or unnamed result
    Receiver,  // method receiver
    Global,    // package-level var
    Field,     // struct field
};

enum class BuiltinKind : uint8_t {
#define LOCKSTEP_BUILTIN(name, spelling) name,
#include "lang/builtin_kinds.def"
#undef LOCKSTEP_BUILTIN
};
std::string_view builtin_name(BuiltinKind kind);

struct Object {
    ObjectKind kind = ObjectKind::Var;
    std::string name;
    Pos pos;                        // declaration position ({0,0} for universe/library)
    const Type* type = nullptr;     // Var, Const, TypeName (the declared type), Func (Signature)
    const Package* pkg = nullptr;   // declaring package; null for the universe
    Ident* decl = nullptr;          // declaring identifier in the file, null if none

    // --- Var
    VarKind var_kind = VarKind::Local;
    // Referenced from a FuncLit nested inside its declaring function: the compiler keeps
    // it in a heap cell shared with the closure, and its accesses are visible operations.
    bool captured = false;
    // Its address is taken (`&v`, or a method with pointer receiver called on v or on a
    // field path of v, `v.f.M()`): same consequence as captured.
    bool address_taken = false;
    bool embedded = false;          // Field: embedded field
    uint32_t index = 0;             // Field: index in its struct; Param/Result: position
    // Local/Param/Result/Receiver: the FuncDecl or FuncLit whose body or signature declares
    // it. Null for globals and fields.
    Node* owner = nullptr;
    bool is_global() const { return kind == ObjectKind::Var && var_kind == VarKind::Global; }

    // --- Const
    const ConstValue* value = nullptr;

    // --- Func (package function, method, interface method, library function)
    FuncDecl* func_decl = nullptr;  // declared in the file; null for library functions
    // For a standard-library function or method: the stable name the VM switches on,
    // "fmt.Println", "sync.(*Mutex).Lock", "sync/atomic.AddInt64",
    // "sync/atomic.(*Int64).Add", "time.Duration.String", "strings.(*Builder).WriteString".
    // Empty for user code. The full list is in lang/packages.cpp.
    std::string native;
    bool ptr_recv = false;           // method with pointer receiver (*T)
    const Type* recv_named = nullptr; // method: the Named type T it belongs to
    const Type* iface = nullptr;     // interface method: the interface type (Named or not)
    bool is_method() const { return kind == ObjectKind::Func && (recv_named || iface); }

    // --- PackageName
    const Package* imported = nullptr;
    bool used = false;               // (also Var/PackageName) set by the checker

    // --- Builtin
    BuiltinKind builtin = BuiltinKind::Len;

    // --- Label
    LabeledStmt* label_stmt = nullptr;
};

// ---------------------------------------------------------------------------------------
// Selections: the meaning of `x.sel` when it is not a qualified identifier.

enum class SelectionKind : uint8_t {
    FieldVal,    // x.f: a field (possibly promoted through embedded fields)
    MethodVal,   // x.M: a method bound to x (called at once, or a method value)
    MethodExpr,  // T.M or (*T).M: a function whose first parameter is the receiver
};

// One step of a field path: select field `index` of the struct reached so far; `deref`
// when that struct is reached through a pointer (automatic `(*p).f`).
struct FieldStep {
    uint32_t index;
    bool deref;
};

// What must be done to the receiver value (after the path) to call the method.
enum class RecvAdjust : uint8_t {
    None,    // pass as is
    AddrOf,  // pointer method on an addressable value: pass &x (x's var is address_taken)
    Deref,   // value method on a pointer: pass *x
};

struct Selection {
    SelectionKind kind = SelectionKind::FieldVal;
    const Type* recv = nullptr;  // the type of x (for MethodExpr: T or *T as written)
    Object* obj = nullptr;       // the field Var, or the method Func
    // FieldVal: every step including the selected field itself.
    // MethodVal: the embedded fields leading to the value the method is called on (empty
    // when the method belongs to x's type directly).
    std::vector<FieldStep> path;
    RecvAdjust adjust = RecvAdjust::None;  // MethodVal only
    bool ptr_recv = false;                 // the method has a pointer receiver
    // The method is called through an interface value (x, or the embedded field the path
    // ends at, has interface type): dynamic dispatch on obj->name.
    bool dynamic = false;
    bool indirect() const;  // a pointer is followed somewhere along the path
};

// ---------------------------------------------------------------------------------------
// Constant values (ConstValue) are exact numbers; they are defined, with their arithmetic,
// in lang/constant.hpp.

struct ConstValue;

// ---------------------------------------------------------------------------------------
// Packages: the file's own (`main`) and the standard-library shims of lang/packages.hpp.

struct Package {
    std::string path;  // "main", "sync", "sync/atomic"
    std::string name;  // "main", "sync", "atomic"
    std::unordered_map<std::string, Object*> members;  // package-level objects by name
    Object* lookup(std::string_view name) const;
};

// A package-level variable initialization, in the order Go runs them: `lhs = rhs`, with
// several lhs when rhs is a multi-value call (`var a, b = f()`). Globals without an
// initializer are not listed (zero values).
struct Initializer {
    std::vector<Object*> lhs;
    Expr* rhs = nullptr;
    const Package* pkg = nullptr;  // whose initialization it is part of
};

// ---------------------------------------------------------------------------------------
// Helpers on types (lang/types.cpp).

const Type* underlying(const Type* t);  // t itself unless t is Named
bool identical(const Type* a, const Type* b);

bool is_boolean(const Type* t);   // all of these look at the underlying type
bool is_integer(const Type* t);
bool is_unsigned(const Type* t);
bool is_float(const Type* t);
bool is_complex(const Type* t);
bool is_numeric(const Type* t);   // integer, float or complex
bool is_string(const Type* t);
bool is_untyped(const Type* t);
bool is_interface(const Type* t);
bool is_pointer(const Type* t);
bool is_const_type(const Type* t);  // boolean, numeric or string: may be a constant
bool comparable(const Type* t);     // usable with == (maps, slices, funcs are not)
bool ordered(const Type* t);        // usable with < (integers, floats, strings)
bool has_nil(const Type* t);        // pointer, slice, map, chan, func, interface
// The default type of an untyped type (int, int32 for rune, float64, string, bool); t
// itself when typed.
const Type* default_type(const Type* t);

// How Go prints a type. With `relative_to` null, every package-level type is qualified
// by its package name (`main.Counter`, `*sync.Mutex`, `map[string]main.T`) as %T and
// runtime panics print it; with relative_to = the file's package, that package's types
// are unqualified, as the compiler's error messages print them.
std::string type_string(const Type* t, const Package* relative_to = nullptr);

// Finds field or method `name` of a value of type T following Go's selector rules
// (depth-first by embedding depth; an ambiguity at the shallowest depth is not found).
// Fills `out` (kind FieldVal or MethodVal, path, obj, ptr_recv, dynamic, adjust) and
// returns true. `addressable` says whether x is addressable: a pointer method on a
// non-addressable value is not found and `*not_addressable` is set when given.
bool lookup_field_or_method(const Type* T, bool addressable, std::string_view name, Selection& out,
                            bool* not_addressable = nullptr);

// Method `name` of the method set of T (T's methods; for *T also the pointer-receiver
// ones; promoted methods included; an interface's own methods). Null if absent.
Object* find_method(const Type* T, std::string_view name);

// Whether T implements interface `iface` (iface's underlying must be an Interface). On
// failure `why`, if given, receives Go's explanation: "(missing Lock method)" or
// "(Lock method has pointer receiver)".
bool implements(const Type* T, const Type* iface, std::string* why = nullptr);

// Whether a (non-constant) value of type `from` is assignable to type `to` (Go spec
// "Assignability"); untyped constants are the checker's business (representability).
bool assignable(const Type* from, const Type* to);

// Whether T (a type, not a value) contains a sync.Mutex/RWMutex/WaitGroup/Once/Cond/Pool/
// Map or atomic value by value (go vet's copylocks): returns the library type's
// type_string ("sync.Mutex"), or "" when it does not.
std::string contained_lock(const Type* T);

// ---------------------------------------------------------------------------------------
// TypeInfo: owns every type, object, selection and constant the checker created for one
// file, and the package-level facts the compiler needs.

struct TypeInfo {
    TypeInfo();
    ~TypeInfo();
    TypeInfo(const TypeInfo&) = delete;
    TypeInfo& operator=(const TypeInfo&) = delete;

    // The language version the file was checked with (CheckOptions::lang_minor): Go 1.N.
    int lang_minor = 19;
    // The file's package and the library packages it imports.
    Package* package = nullptr;
    std::vector<const Package*> imports;

    // Package-level vars in declaration order, and their initialization order.
    std::vector<Object*> globals;
    std::vector<Initializer> init_order;
    // Package-level functions and methods declared in the file, in source order.
    std::vector<Object*> funcs;
    std::vector<Named*> named_types;  // types declared in the file (package and local)
    Object* main_func = nullptr;      // `func main` (null only if the package is not main)
    std::vector<Object*> init_funcs;
    // A program of several packages: the packages in initialization order (dependencies
    // first, the checked package last); empty for one package.
    std::vector<const Package*> init_packages;  // `func init`s in source order (run after the package vars)
    // Function literals in source order (each has its captures filled in).
    std::vector<FuncLit*> func_lits;
    // Library packages loaded into this TypeInfo, by path (see load_package).
    std::unordered_map<std::string, Package*> library_packages;
    // The library's generic API used without declaring generic code
    // (lang/check_library_generics.cpp): each atomic.Pointer[T] made, by T, and the
    // parsed Go of the sync.OnceFunc family's calls (their nodes are in the program).
    std::vector<std::pair<const Type*, Named*>> atomic_pointers;
    std::vector<std::shared_ptr<const void>> synthesized;

    // --- Arena. Everything made here lives as long as this TypeInfo.
    template <class T, class... Args> T* make_type(Args&&... args) {
        auto t = std::make_unique<T>(std::forward<Args>(args)...);
        T* raw = t.get();
        m_types.push_back(std::move(t));
        return raw;
    }
    Object* make_object(ObjectKind kind, std::string name, Pos pos = {});
    Selection* make_selection();
    const ConstValue* make_const(ConstValue v);
    Package* make_package(std::string path, std::string name);

    // Constructors for composite types (pointer_to caches, so the same elem gives the
    // same Pointer; others allocate).
    const Pointer* pointer_to(const Type* elem);
    const Slice* slice_of(const Type* elem);
    const Tuple* tuple_of(std::vector<const Type*> types);  // unnamed Result vars

private:
    std::vector<std::unique_ptr<Type>> m_types;
    std::vector<std::unique_ptr<Object>> m_objects;
    std::vector<std::unique_ptr<Selection>> m_selections;
    std::vector<std::unique_ptr<ConstValue>> m_consts;
    std::vector<std::unique_ptr<Package>> m_packages;
    std::unordered_map<const Type*, const Pointer*> m_pointers;
};

}  // namespace lockstep::lang
