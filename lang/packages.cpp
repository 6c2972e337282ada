// The standard-library shims: each supported package is a list of Go-like declarations
// (parsed here by a tiny declaration reader) from which the Package, its Named types,
// functions, methods and constants are built with their real Go signatures.
#include "lang/packages.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "lang/assert.hpp"
#include "lang/constant.hpp"
#include "lang/package_specs.hpp"
#include "lang/token.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

// Declarations, one per string: `type N T`, `func F(params) results`,
// `func (R) M(params) results` / `func (*R) M(...)`, `const C T = N` / `const C = N`.
// Parameters are types, optionally named (`format string`); `...T` marks a variadic last
// parameter.
const std::vector<PackageSpec>& specs() {
    static const std::vector<PackageSpec> all = {
        {"fmt", "fmt", {
            "type Stringer interface { String() string }",
            "func Print(a ...any) (n int, err error)",
            "func Println(a ...any) (n int, err error)",
            "func Printf(format string, a ...any) (n int, err error)",
            "func Sprint(a ...any) string",
            "func Sprintln(a ...any) string",
            "func Sprintf(format string, a ...any) string",
            "func Errorf(format string, a ...any) error",
        }},
        {"sync", "sync", {
            "type Locker interface { Lock(); Unlock() }",
            "type Mutex struct { handle uintptr }",
            "type RWMutex struct { handle uintptr }",
            "type WaitGroup struct { handle uintptr }",
            "type Once struct { handle uintptr }",
            "type Pool struct { handle uintptr; New func() any }",
            "type Cond struct { handle uintptr; L Locker }",
            "type Map struct { handle uintptr }",
            "func (*Mutex) Lock()",
            "func (*Mutex) Unlock()",
            "func (*Mutex) TryLock() bool",
            "func (*RWMutex) Lock()",
            "func (*RWMutex) Unlock()",
            "func (*RWMutex) TryLock() bool",
            "func (*RWMutex) RLock()",
            "func (*RWMutex) RUnlock()",
            "func (*RWMutex) TryRLock() bool",
            "func (*RWMutex) RLocker() Locker",
            "func (*WaitGroup) Add(int)",
            "func (*WaitGroup) Done()",
            "func (*WaitGroup) Wait()",
            "func (*Once) Do(func())",
            "func (*Pool) Get() any",
            "func (*Pool) Put(any)",
            "func NewCond(Locker) *Cond",
            "func (*Cond) Wait()",
            "func (*Cond) Signal()",
            "func (*Cond) Broadcast()",
            "func (*Map) Load(any) (any, bool)",
            "func (*Map) Store(any, any)",
            "func (*Map) LoadOrStore(any, any) (any, bool)",
            "func (*Map) LoadAndDelete(any) (any, bool)",
            "func (*Map) Delete(any)",
            "func (*Map) Range(func(any, any) bool)",
            // Go 1.21's generic functions: a call is checked and run as a function literal
            // (lang/check_library_generics.cpp); the signatures here are placeholders.
            "func OnceFunc(f func()) func()",
            "func OnceValue(f any) any",
            "func OnceValues(f any) any",
        }},
        {"sync/atomic", "atomic", {
            "func AddInt32(*int32, int32) int32",
            "func AddInt64(*int64, int64) int64",
            "func AddUint32(*uint32, uint32) uint32",
            "func AddUint64(*uint64, uint64) uint64",
            "func LoadInt32(*int32) int32",
            "func LoadInt64(*int64) int64",
            "func LoadUint32(*uint32) uint32",
            "func LoadUint64(*uint64) uint64",
            "func StoreInt32(*int32, int32)",
            "func StoreInt64(*int64, int64)",
            "func StoreUint32(*uint32, uint32)",
            "func StoreUint64(*uint64, uint64)",
            "func SwapInt32(*int32, int32) int32",
            "func SwapInt64(*int64, int64) int64",
            "func SwapUint32(*uint32, uint32) uint32",
            "func SwapUint64(*uint64, uint64) uint64",
            "func CompareAndSwapInt32(*int32, int32, int32) bool",
            "func CompareAndSwapInt64(*int64, int64, int64) bool",
            "func CompareAndSwapUint32(*uint32, uint32, uint32) bool",
            "func CompareAndSwapUint64(*uint64, uint64, uint64) bool",
            "type Int32 struct { v int32 }",
            "type Int64 struct { v int64 }",
            "type Uint32 struct { v uint32 }",
            "type Uint64 struct { v uint64 }",
            "type Bool struct { v uint32 }",
            "type Value struct { v any }",
            "func (*Int32) Load() int32",
            "func (*Int32) Store(int32)",
            "func (*Int32) Add(int32) int32",
            "func (*Int32) Swap(int32) int32",
            "func (*Int32) CompareAndSwap(int32, int32) bool",
            "func (*Int64) Load() int64",
            "func (*Int64) Store(int64)",
            "func (*Int64) Add(int64) int64",
            "func (*Int64) Swap(int64) int64",
            "func (*Int64) CompareAndSwap(int64, int64) bool",
            "func (*Uint32) Load() uint32",
            "func (*Uint32) Store(uint32)",
            "func (*Uint32) Add(uint32) uint32",
            "func (*Uint32) Swap(uint32) uint32",
            "func (*Uint32) CompareAndSwap(uint32, uint32) bool",
            "func (*Uint64) Load() uint64",
            "func (*Uint64) Store(uint64)",
            "func (*Uint64) Add(uint64) uint64",
            "func (*Uint64) Swap(uint64) uint64",
            "func (*Uint64) CompareAndSwap(uint64, uint64) bool",
            "func (*Bool) Load() bool",
            "func (*Bool) Store(bool)",
            "func (*Bool) Swap(bool) bool",
            "func (*Bool) CompareAndSwap(bool, bool) bool",
            "func (*Value) Load() any",
            "func (*Value) Store(any)",
            "func (*Value) Swap(any) any",
            "func (*Value) CompareAndSwap(any, any) bool",
            // atomic.Pointer[T]: this is the generic type, instantiated per T by
            // lang/check_library_generics.cpp.
            "type Pointer struct { v uintptr }",
        }},
        {"time", "time", {
            "type Duration int64",
            "type Time struct { ns int64 }",
            "const Nanosecond Duration = 1",
            "const Microsecond Duration = 1000",
            "const Millisecond Duration = 1000000",
            "const Second Duration = 1000000000",
            "const Minute Duration = 60000000000",
            "const Hour Duration = 3600000000000",
            "func (Duration) String() string",
            "func (Duration) Seconds() float64",
            "func (Duration) Milliseconds() int64",
            "func (Duration) Microseconds() int64",
            "func (Duration) Nanoseconds() int64",
            "func Sleep(Duration)",
            "func Now() Time",
            "func Since(Time) Duration",
            "func Until(Time) Duration",
            "func After(Duration) <-chan Time",
            "func (Time) Add(Duration) Time",
            "func (Time) Sub(Time) Duration",
            "func (Time) After(Time) bool",
            "func (Time) Before(Time) bool",
            "func (Time) Equal(Time) bool",
            "func (Time) UnixNano() int64",
            // Tier 2: timers and tickers.
            "type Timer struct { C <-chan Time; handle uintptr }",
            "type Ticker struct { C <-chan Time; handle uintptr }",
            "func NewTimer(d Duration) *Timer",
            "func (*Timer) Stop() bool",
            "func (*Timer) Reset(d Duration) bool",
            "func NewTicker(d Duration) *Ticker",
            "func (*Ticker) Stop()",
            "func (*Ticker) Reset(d Duration)",
            "func Tick(d Duration) <-chan Time",
            "func AfterFunc(d Duration, f func()) *Timer",
        }},
        // Tier 2.
        {"context", "context", {
            "type Context interface { Deadline() (deadline time.Time, ok bool); Done() <-chan struct {}; Err() error; Value(key any) any }",
            "type CancelFunc func()",
            "func Background() Context",
            "func TODO() Context",
            "func WithCancel(parent Context) (ctx Context, cancel CancelFunc)",
            "func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc)",
            "func WithDeadline(parent Context, d time.Time) (Context, CancelFunc)",
            "func WithValue(parent Context, key any, val any) Context",
            // The rest of lang/stdsrc/context.go's API, which the front end's loader runs
            // from source; declared here for programs checked without it (vet of a file).
            "var Canceled error",
            "var DeadlineExceeded error",
            "type CancelCauseFunc func(cause error)",
            "func WithCancelCause(parent Context) (ctx Context, cancel CancelCauseFunc)",
            "func Cause(c Context) error",
            "func AfterFunc(ctx Context, f func()) (stop func() bool)",
        }},
        // Tier 2, accepted only with CheckOptions::allow_testing.
        {"testing", "testing", {
            "type T struct { handle uintptr }",
            "func (*T) Error(args ...any)",
            "func (*T) Errorf(format string, args ...any)",
            "func (*T) Fatal(args ...any)",
            "func (*T) Fatalf(format string, args ...any)",
            "func (*T) Log(args ...any)",
            "func (*T) Logf(format string, args ...any)",
            "func (*T) Fail()",
            "func (*T) FailNow()",
            "func (*T) Failed() bool",
            "func (*T) Helper()",
            "func (*T) Parallel()",
            "func (*T) Name() string",
            "func (*T) Run(name string, f func(t *T)) bool",
            "func (*T) Cleanup(f func())",
            "func (*T) Skip(args ...any)",
            "func (*T) Skipf(format string, args ...any)",
            "func (*T) SkipNow()",
            "func (*T) Skipped() bool",
            "func Short() bool",
            "func Verbose() bool",
            // Declared so that TestMain, benchmarks and fuzz targets type-check; the front
            // end rejects them as unsupported entry points.
            "type M struct { handle uintptr }",
            "func (*M) Run() int",
            "type B struct { handle uintptr; N int }",
            "type F struct { handle uintptr }",
        }},
        {"errors", "errors", {
            "func New(string) error",
            "func Is(error, error) bool",
            "func Unwrap(error) error",
        }},
        {"strings", "strings", {
            "type Builder struct { buf []byte }",
            "func (*Builder) WriteString(string) (int, error)",
            "func (*Builder) WriteByte(byte) error",
            "func (*Builder) WriteRune(rune) (int, error)",
            "func (*Builder) String() string",
            "func (*Builder) Len() int",
            "func (*Builder) Reset()",
            "func (*Builder) Grow(int)",
            "func Contains(string, string) bool",
            "func ContainsRune(string, rune) bool",
            "func Count(string, string) int",
            "func Fields(string) []string",
            "func HasPrefix(string, string) bool",
            "func HasSuffix(string, string) bool",
            "func Index(string, string) int",
            "func Join([]string, string) string",
            "func Repeat(string, int) string",
            "func Replace(string, string, string, int) string",
            "func ReplaceAll(string, string, string) string",
            "func Split(string, string) []string",
            "func ToLower(string) string",
            "func ToUpper(string) string",
            "func TrimSpace(string) string",
            "func TrimPrefix(string, string) string",
            "func TrimSuffix(string, string) string",
        }},
        {"strconv", "strconv", {
            "func Itoa(int) string",
            "func Atoi(string) (int, error)",
            "func FormatInt(int64, int) string",
            "func Quote(string) string",
        }},
        {"bytes", "bytes", {
            "type Buffer struct { buf []byte; off int }",
            "func (*Buffer) WriteString(string) (int, error)",
            "func (*Buffer) WriteByte(byte) error",
            "func (*Buffer) Write([]byte) (int, error)",
            "func (*Buffer) String() string",
            "func (*Buffer) Len() int",
            "func (*Buffer) Reset()",
        }},
        {"os", "os", {
            "func Exit(int)",
            "func Getenv(string) string",
        }},
        {"runtime", "runtime", {
            "func Gosched()",
            "func NumGoroutine() int",
            "func GOMAXPROCS(int) int",
            "func GC()",
            "const Compiler = \"gc\"",
            "const GOOS = \"linux\"",
            "const GOARCH = \"amd64\"",
        }},
        {"math", "math", {
            "const MaxInt = 9223372036854775807",
            "const MinInt = -9223372036854775808",
            "const MaxInt8 = 127",
            "const MaxInt16 = 32767",
            "const MaxInt32 = 2147483647",
            "const MinInt32 = -2147483648",
            "const MaxInt64 = 9223372036854775807",
            "const MinInt64 = -9223372036854775808",
            "const MaxUint8 = 255",
            "const MaxUint16 = 65535",
            "const MaxUint32 = 4294967295",
            "const MaxUint64 = 18446744073709551615",
            "const MaxUint = 18446744073709551615",
            "const Pi = 3.14159265358979323846264338327950288419716939937510582097494459",
            "func Sqrt(float64) float64",
            "func Abs(float64) float64",
            "func Floor(float64) float64",
            "func Ceil(float64) float64",
            "func Max(float64, float64) float64",
            "func Min(float64, float64) float64",
            "func NaN() float64",
            "func Inf(int) float64",
            "func IsNaN(float64) bool",
            "func IsInf(float64, int) bool",
            "func Signbit(float64) bool",
            "func Copysign(float64, float64) float64",
            "func Trunc(float64) float64",
            "func Mod(float64, float64) float64",
            "func Float32bits(float32) uint32",
            "func Float32frombits(uint32) float32",
            "func Float64bits(float64) uint64",
            "func Float64frombits(uint64) float64",
            "const MaxFloat64 = 1.79769313486231570814527423731704356798070e+308",
            "const SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324",
            "const MaxFloat32 = 3.40282346638528859811704183484516925440e+38",
            "const SmallestNonzeroFloat32 = 1.401298464324817070923729583289916131280e-45",
            "const E = 2.71828182845904523536028747135266249775724709369995957496696763",
        }},
    };
    return all;
}

namespace {

// Reads one declaration string. The grammar is a small subset of Go's; a malformed
// shim declaration is lockstep's own bug (an internal error).
class DeclReader {
public:
    DeclReader(TypeInfo& info, Package* pkg, std::string_view text) : m_info(info), m_pkg(pkg), m_text(text) {
        next();
    }

    void declare_type_name() {
        expect("type");
        std::string name = m_tok;
        next();
        auto named = m_info.make_type<Named>();
        Object* obj = m_info.make_object(ObjectKind::TypeName, name);
        obj->type = named;
        obj->pkg = m_pkg;
        named->obj = obj;
        named->native = m_pkg->name + "." + name;
        m_pkg->members[name] = obj;
    }

    void declare() {
        if (m_tok == "type") {
            next();
            Object* obj = m_pkg->lookup(m_tok);
            next();
            auto named = const_cast<Named*>(obj->type->as<Named>());
            const Type* u = type();
            named->underlying = underlying(u);
            if (auto i = named->underlying->as<Interface>())
                for (auto m : i->methods) m->iface = named;
        } else if (m_tok == "var") {
            // A package variable the VM provides (os.Args, os.Stdout, io.EOF): reading it
            // is the native of the same name.
            next();
            Object* obj = m_info.make_object(ObjectKind::Var, m_tok);
            next();
            obj->type = type();
            obj->pkg = m_pkg;
            obj->var_kind = VarKind::Global;
            obj->native = std::string(m_pkg->path) + "." + obj->name;
            m_pkg->members[obj->name] = obj;
        } else if (m_tok == "const") {
            next();
            std::string name = m_tok;
            next();
            const Type* t = nullptr;
            if (m_tok != "=") t = type();
            expect("=");
            bool neg = false;
            if (m_tok == "-") {
                neg = true;
                next();
            }
            std::string err;
            if (m_tok == "\"") {
                // A string constant: the text up to the closing quote (no escapes).
                size_t close = m_text.find('"', m_pos);
                LOCKSTEP_ASSERT(close != std::string_view::npos, "bad shim string " + std::string(m_text));
                m_tok = "\"" + std::string(m_text.substr(m_pos, close - m_pos + 1));
                m_pos = close + 1;
            }
            bool is_string = m_tok[0] == '"';
            bool is_float = !is_string && m_tok.find_first_of(".e") != std::string::npos;
            auto v = const_from_literal(is_string ? LitKind::String : is_float ? LitKind::Float : LitKind::Int, m_tok, err);
            LOCKSTEP_ASSERT(v.has_value(), "bad shim constant " + std::string(m_text));
            next();
            if (neg) v = const_unary(Tok::Sub, *v, 0, err);
            if (!t) t = basic_type(is_string ? BasicKind::UntypedString : is_float ? BasicKind::UntypedFloat : BasicKind::UntypedInt);
            Object* obj = m_info.make_object(ObjectKind::Const, name);
            obj->type = t;
            obj->pkg = m_pkg;
            obj->value = m_info.make_const(*v);
            m_pkg->members[name] = obj;
        } else {
            expect("func");
            Object* fn = m_info.make_object(ObjectKind::Func, "");
            fn->pkg = m_pkg;
            Object* recv = nullptr;
            if (m_tok == "(") {
                next();
                bool ptr = false;
                if (m_tok == "*") {
                    ptr = true;
                    next();
                }
                Object* tn = m_pkg->lookup(m_tok);
                LOCKSTEP_ASSERT(tn && tn->kind == ObjectKind::TypeName, "bad shim receiver " + std::string(m_text));
                next();
                expect(")");
                auto named = const_cast<Named*>(tn->type->as<Named>());
                recv = m_info.make_object(ObjectKind::Var, "");
                recv->var_kind = VarKind::Receiver;
                recv->type = ptr ? static_cast<const Type*>(m_info.pointer_to(named)) : named;
                fn->ptr_recv = ptr;
                fn->recv_named = named;
                named->methods.push_back(fn);
            }
            fn->name = m_tok;
            next();
            auto sig = signature();
            sig->recv = recv;
            fn->type = sig;
            if (recv) {
                std::string tname = fn->recv_named->as<Named>()->obj->name;
                fn->native = std::string(m_pkg->path) + "." + (fn->ptr_recv ? "(*" + tname + ")" : tname) + "." + fn->name;
            } else {
                fn->native = std::string(m_pkg->path) + "." + fn->name;
                m_pkg->members[fn->name] = fn;
            }
        }
        LOCKSTEP_ASSERT(m_tok.empty(), "trailing text in shim " + std::string(m_text));
    }

private:
    void next() {
        while (m_pos < m_text.size() && m_text[m_pos] == ' ') ++m_pos;
        if (m_pos >= m_text.size()) {
            m_tok.clear();
            return;
        }
        size_t start = m_pos;
        char c = m_text[m_pos];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            while (m_pos < m_text.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_' || m_text[m_pos] == '.' ||
                    // a float's exponent sign: 1e+308, 5e-324
                    (std::isdigit(static_cast<unsigned char>(c)) && (m_text[m_pos] == '+' || m_text[m_pos] == '-') &&
                     (m_text[m_pos - 1] == 'e' || m_text[m_pos - 1] == 'E'))))
                ++m_pos;
        } else if (m_text.substr(m_pos, 3) == "...") {
            m_pos += 3;
        } else if (m_text.substr(m_pos, 2) == "<-") {
            m_pos += 2;
        } else {
            ++m_pos;
        }
        m_tok = std::string(m_text.substr(start, m_pos - start));
    }
    void expect(std::string_view t) {
        LOCKSTEP_ASSERT(m_tok == t, "shim declaration: expected " + std::string(t) + " in " + std::string(m_text));
        next();
    }

    const Type* type() {
        if (m_tok == "*") {
            next();
            return m_info.pointer_to(type());
        }
        if (m_tok == "[") {
            next();
            expect("]");
            return m_info.slice_of(type());
        }
        if (m_tok == "<-") {
            next();
            expect("chan");
            return m_info.make_type<Chan>(ChanDir::Recv, type());
        }
        if (m_tok == "func") {
            next();
            return signature();
        }
        if (m_tok == "struct") {
            next();
            expect("{");
            auto s = m_info.make_type<Struct>();
            while (m_tok != "}") {
                Object* f = m_info.make_object(ObjectKind::Var, m_tok);
                f->var_kind = VarKind::Field;
                f->pkg = m_pkg;
                next();
                f->type = type();
                f->index = static_cast<uint32_t>(s->fields.size());
                s->fields.push_back(f);
                if (m_tok == ";") next();
            }
            next();
            return s;
        }
        if (m_tok == "interface") {
            next();
            expect("{");
            auto i = m_info.make_type<Interface>();
            while (m_tok != "}") {
                Object* m = m_info.make_object(ObjectKind::Func, m_tok);
                m->pkg = m_pkg;
                next();
                m->type = signature();
                m->iface = i;
                i->methods.push_back(m);
                if (m_tok == ";") next();
            }
            next();
            std::sort(i->methods.begin(), i->methods.end(), [](Object* a, Object* b) { return a->name < b->name; });
            return i;
        }
        std::string name = m_tok;
        next();
        if (auto dot = name.find('.'); dot != std::string::npos) {
            // A type of another library package (time.Duration in context).
            Package* other = load_package(m_info, name.substr(0, dot));
            Object* o = other ? other->lookup(name.substr(dot + 1)) : nullptr;
            LOCKSTEP_ASSERT(o && o->kind == ObjectKind::TypeName, "shim declaration: unknown type " + name);
            return o->type;
        }
        if (Object* o = m_pkg->lookup(name); o && o->kind == ObjectKind::TypeName) return o->type;
        Object* u = universe_lookup(name);
        LOCKSTEP_ASSERT(u && u->kind == ObjectKind::TypeName, "shim declaration: unknown type " + name);
        return u->type;
    }

    const Tuple* tuple(VarKind kind, bool* variadic) {
        auto t = m_info.make_type<Tuple>();
        expect("(");
        while (m_tok != ")") {
            Object* v = m_info.make_object(ObjectKind::Var, "");
            // `name Type`: a word followed by something other than `,` or `)`.
            bool keyword = m_tok == "func" || m_tok == "struct" || m_tok == "interface" || m_tok == "chan" || m_tok == "map";
            if (!keyword && std::isalpha(static_cast<unsigned char>(m_tok[0])) && m_tok.find('.') == std::string::npos) {
                size_t saved_pos = m_pos;
                std::string saved_tok = m_tok;
                next();
                if (m_tok != "," && m_tok != ")") {
                    v->name = saved_tok;
                } else {
                    m_pos = saved_pos;
                    m_tok = saved_tok;
                }
            }
            v->var_kind = kind;
            v->index = static_cast<uint32_t>(t->vars.size());
            if (m_tok == "...") {
                next();
                v->type = m_info.slice_of(type());
                if (variadic) *variadic = true;
            } else {
                v->type = type();
            }
            t->vars.push_back(v);
            if (m_tok == ",") next();
        }
        next();
        return t;
    }

    Signature* signature() {
        auto sig = m_info.make_type<Signature>();
        sig->params = tuple(VarKind::Param, &sig->variadic);
        if (m_tok == "(") {
            sig->results = tuple(VarKind::Result, nullptr);
        } else if (m_tok.empty() || m_tok == ";" || m_tok == "}" || m_tok == "," || m_tok == ")") {
            sig->results = m_info.make_type<Tuple>();
        } else {
            sig->results = m_info.tuple_of({type()});
        }
        return sig;
    }

    TypeInfo& m_info;
    Package* m_pkg;
    std::string_view m_text;
    size_t m_pos = 0;
    std::string m_tok;
};

}  // namespace

bool is_supported_package(std::string_view path) {
    for (auto* list : {&specs(), &more_specs(), &rand_specs()})
        for (auto& s : *list)
            if (s.path == path) return true;
    return false;
}

Package* load_package(TypeInfo& info, std::string_view path) {
    auto it = info.library_packages.find(std::string(path));
    if (it != info.library_packages.end()) return it->second;
    // A package's declarations: those of specs() and then those of more_specs().
    std::vector<const PackageSpec*> parts;
    for (auto* list : {&specs(), &more_specs(), &rand_specs()})
        for (auto& spec : *list)
            if (spec.path == path) parts.push_back(&spec);
    if (parts.empty()) return nullptr;
    Package* pkg = info.make_package(std::string(parts[0]->path), std::string(parts[0]->name));
    info.library_packages.emplace(std::string(path), pkg);
    // Type names first, so declarations may refer to types declared after them.
    for (auto* spec : parts)
        for (auto d : spec->decls)
            if (d.substr(0, 5) == "type ") DeclReader(info, pkg, d).declare_type_name();
    for (auto* spec : parts)
        for (auto d : spec->decls) DeclReader(info, pkg, d).declare();
    return pkg;
}

}  // namespace lockstep::lang
