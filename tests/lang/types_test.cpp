// Tests of the type model: printing as Go prints types, identity, method sets and
// interface satisfaction, selector lookup depth rules, constant arithmetic and the
// standard-library shims.
#include <catch2/catch.hpp>

#include "lang/constant.hpp"
#include "lang/packages.hpp"
#include "lang/token.hpp"
#include "lang/types.hpp"
#include "lang/universe.hpp"

using namespace lockstep::lang;

namespace {

// A user package with a named struct type, for building types by hand.
struct Fixture {
    TypeInfo info;
    Package* pkg = info.make_package("main", "main");

    Named* named(const std::string& name, const Type* u) {
        auto n = info.make_type<Named>();
        Object* o = info.make_object(ObjectKind::TypeName, name);
        o->pkg = pkg;
        o->type = n;
        n->obj = o;
        n->underlying = u;
        return n;
    }
    Object* field(Struct* s, const std::string& name, const Type* t, bool embedded = false) {
        Object* f = info.make_object(ObjectKind::Var, name);
        f->var_kind = VarKind::Field;
        f->type = t;
        f->pkg = pkg;
        f->embedded = embedded;
        f->index = static_cast<uint32_t>(s->fields.size());
        s->fields.push_back(f);
        return f;
    }
    Object* method(Named* n, const std::string& name, bool ptr, const Signature* sig = nullptr) {
        if (!sig) {
            auto s = info.make_type<Signature>();
            s->params = info.make_type<Tuple>();
            s->results = info.make_type<Tuple>();
            sig = s;
        }
        Object* m = info.make_object(ObjectKind::Func, name);
        m->type = sig;
        m->pkg = pkg;
        m->ptr_recv = ptr;
        m->recv_named = n;
        n->methods.push_back(m);
        return m;
    }
    const Type* basic(BasicKind k) { return basic_type(k); }
};

}  // namespace

TEST_CASE("types print as Go prints them", "[types]") {
    Fixture f;
    auto s = f.info.make_type<Struct>();
    f.field(s, "value", f.basic(BasicKind::Int));
    Named* counter = f.named("Counter", s);
    CHECK(type_string(counter) == "main.Counter");
    CHECK(type_string(counter, f.pkg) == "Counter");
    CHECK(type_string(f.info.pointer_to(counter)) == "*main.Counter");
    CHECK(type_string(f.info.slice_of(f.basic(BasicKind::Int))) == "[]int");
    CHECK(type_string(f.info.make_type<Map>(f.basic(BasicKind::String), f.basic(BasicKind::Int))) == "map[string]int");
    CHECK(type_string(f.info.make_type<Array>(f.basic(BasicKind::Uint8), 4)) == "[4]uint8");
    CHECK(type_string(f.info.make_type<Chan>(ChanDir::Recv, f.basic(BasicKind::Int))) == "<-chan int");
    CHECK(type_string(f.info.make_type<Chan>(ChanDir::Send, f.basic(BasicKind::Int))) == "chan<- int");
    CHECK(type_string(s) == "struct { value int }");
    CHECK(type_string(s, f.pkg) == "struct{value int}");
    CHECK(type_string(empty_interface()) == "interface {}");
    CHECK(type_string(error_type()) == "error");
    // func(int) string
    auto sig = f.info.make_type<Signature>();
    sig->params = f.info.tuple_of({f.basic(BasicKind::Int)});
    sig->results = f.info.tuple_of({f.basic(BasicKind::String)});
    CHECK(type_string(sig) == "func(int) string");
    auto vsig = f.info.make_type<Signature>();
    vsig->params = f.info.tuple_of({f.info.slice_of(empty_interface())});
    vsig->results = f.info.tuple_of({f.basic(BasicKind::Int), error_type()});
    vsig->variadic = true;
    CHECK(type_string(vsig) == "func(...interface {}) (int, error)");
    // byte and rune: the runtime says uint8/int32, messages say byte/rune.
    const Type* byte_t = universe_lookup("byte")->type;
    CHECK(type_string(byte_t) == "uint8");
    CHECK(type_string(byte_t, f.pkg) == "byte");
    CHECK(identical(byte_t, f.basic(BasicKind::Uint8)));
}

TEST_CASE("identity is structural except for named types", "[types]") {
    Fixture f;
    const Type* i = f.basic(BasicKind::Int);
    CHECK(identical(f.info.slice_of(i), f.info.slice_of(i)));
    CHECK_FALSE(identical(f.info.slice_of(i), f.info.slice_of(f.basic(BasicKind::Int64))));
    Named* a = f.named("A", i);
    Named* b = f.named("B", i);
    CHECK_FALSE(identical(a, b));
    CHECK(assignable(i, i));
    CHECK_FALSE(assignable(a, i));
    CHECK_FALSE(assignable(a, b));
    // An unnamed type is assignable to a named type with the same underlying type.
    Named* ints = f.named("Ints", f.info.slice_of(i));
    CHECK(assignable(f.info.slice_of(i), ints));
    CHECK(assignable(basic_type(BasicKind::UntypedNil), ints));
    CHECK_FALSE(assignable(basic_type(BasicKind::UntypedNil), i));
}

TEST_CASE("method sets and interface satisfaction follow receiver kinds", "[types]") {
    Fixture f;
    auto s = f.info.make_type<Struct>();
    Named* t = f.named("T", s);
    f.method(t, "Lock", true);
    f.method(t, "Unlock", true);
    TypeInfo lib;
    Package* sync = load_package(f.info, "sync");
    REQUIRE(sync);
    const Type* locker = sync->lookup("Locker")->type;
    std::string why;
    CHECK_FALSE(implements(t, locker, &why));
    CHECK(why == "(Lock method has pointer receiver)");
    CHECK(implements(f.info.pointer_to(t), locker));
    Named* u = f.named("U", f.info.make_type<Struct>());
    CHECK_FALSE(implements(u, locker, &why));
    CHECK(why == "(missing Lock method)");
    CHECK(implements(f.info.pointer_to(sync->lookup("Mutex")->type), locker));
    CHECK(implements(t, empty_interface()));
    CHECK(find_method(f.info.pointer_to(t), "Lock"));
    CHECK_FALSE(find_method(t, "Lock"));
}

TEST_CASE("selector lookup: shallowest depth wins, same-depth ambiguity hides", "[types]") {
    Fixture f;
    auto sa = f.info.make_type<Struct>();
    f.field(sa, "x", f.basic(BasicKind::Int));
    Named* a = f.named("A", sa);
    auto sb = f.info.make_type<Struct>();
    f.field(sb, "x", f.basic(BasicKind::Int));
    Named* b = f.named("B", sb);
    auto sc = f.info.make_type<Struct>();
    f.field(sc, "A", a, true);
    f.field(sc, "B", f.info.pointer_to(b), true);
    Named* c = f.named("C", sc);
    Selection sel;
    CHECK_FALSE(lookup_field_or_method(c, true, "x", sel));  // A.x and B.x at depth 1
    auto sd = f.info.make_type<Struct>();
    f.field(sd, "C", c, true);
    f.field(sd, "x", f.basic(BasicKind::String));
    Named* d = f.named("D", sd);
    REQUIRE(lookup_field_or_method(d, true, "x", sel));  // D.x at depth 0 shadows
    CHECK(type_string(sel.obj->type) == "string");
    f.method(b, "M", true);
    REQUIRE(lookup_field_or_method(c, false, "M", sel));  // promoted through *B: addressable
    CHECK(sel.kind == SelectionKind::MethodVal);
    REQUIRE(sel.path.size() == 1);
    CHECK(sel.path[0].index == 1);
    CHECK(sel.adjust == RecvAdjust::None);
    f.method(a, "P", true);
    bool not_addressable = false;
    CHECK_FALSE(lookup_field_or_method(c, false, "P", sel, &not_addressable));
    CHECK(not_addressable);
    REQUIRE(lookup_field_or_method(c, true, "P", sel));
    CHECK(sel.adjust == RecvAdjust::AddrOf);
}

TEST_CASE("constant arithmetic is exact and representability is Go's", "[types]") {
    std::string err;
    auto v = const_from_literal(LitKind::Int, "0x_FF", err);
    REQUIRE(v);
    CHECK(v->as_int64() == 255);
    CHECK(const_from_literal(LitKind::Char, "'\\n'", err)->as_int64() == 10);
    CHECK(const_from_literal(LitKind::String, "\"a\\tb\"", err)->s == "a\tb");
    CHECK(const_from_literal(LitKind::String, "`a\\tb`", err)->s == "a\\tb");
    ConstValue out;
    CHECK_FALSE(representable(const_int(300), BasicKind::Uint8, &out));
    CHECK(representable(const_int(255), BasicKind::Uint8, &out));
    CHECK_FALSE(representable(const_int(-1), BasicKind::Uint64, &out));
    CHECK(representable(const_float(2.0), BasicKind::Int, &out));
    CHECK(out.kind == ConstKind::Int);
    CHECK_FALSE(representable(const_float(2.5), BasicKind::Int, &out));
    auto big = const_shift(Tok::Shl, const_int(1), 64, err);
    REQUIRE(big);
    CHECK_FALSE(representable(*big, BasicKind::Uint64, &out));
    auto max = const_binary(Tok::Sub, *big, const_int(1), true, err);
    CHECK(representable(*max, BasicKind::Uint64, &out));
    CHECK(out.as_uint64() == UINT64_MAX);
    CHECK(const_binary(Tok::Quo, const_int(7), const_int(2), true, err)->as_int64() == 3);
    CHECK(const_binary(Tok::Quo, const_int(7), const_int(2), false, err)->as_double() == 3.5);
    CHECK_FALSE(const_binary(Tok::Quo, const_int(1), const_int(0), true, err));
    CHECK(err == "invalid operation: division by zero");
    CHECK(const_unary(Tok::Xor, const_int(0), 8, err)->as_int64() == 255);
    CHECK(const_unary(Tok::Xor, const_int(0), 0, err)->as_int64() == -1);
    CHECK(const_string("a\"b").to_string() == "\"a\\\"b\"");
}

TEST_CASE("standard-library shims: supported packages, natives and layouts", "[types]") {
    TypeInfo info;
    CHECK(is_supported_package("sync/atomic"));
    CHECK_FALSE(is_supported_package("net/http"));
    CHECK(load_package(info, "net/http") == nullptr);
    Package* sync = load_package(info, "sync");
    REQUIRE(sync);
    CHECK(load_package(info, "sync") == sync);
    auto wg = sync->lookup("WaitGroup")->type->as<Named>();
    REQUIRE(wg);
    CHECK(wg->native == "sync.WaitGroup");
    REQUIRE(wg->methods.size() == 3);
    CHECK(wg->methods[0]->native == "sync.(*WaitGroup).Add");
    auto pool = underlying(sync->lookup("Pool")->type)->as<Struct>();
    REQUIRE(pool);
    CHECK(pool->fields[1]->name == "New");
    CHECK(type_string(pool->fields[1]->type) == "func() interface {}");
    Package* fmt = load_package(info, "fmt");
    auto println = fmt->lookup("Println");
    CHECK(println->native == "fmt.Println");
    CHECK(type_string(println->type) == "func(...interface {}) (int, error)");
    Package* time = load_package(info, "time");
    Object* ms = time->lookup("Millisecond");
    CHECK(ms->value->as_int64() == 1000000);
    CHECK(type_string(ms->type) == "time.Duration");
    Package* atomic = load_package(info, "sync/atomic");
    CHECK(atomic->name == "atomic");
    CHECK(atomic->lookup("CompareAndSwapInt64")->native == "sync/atomic.CompareAndSwapInt64");
    CHECK(type_string(atomic->lookup("Int64")->type) == "atomic.Int64");
    CHECK(contained_lock(sync->lookup("Mutex")->type) == "sync.Mutex");
}
