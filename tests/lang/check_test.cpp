// Tests of the type checker: programs that must check cleanly (the chapter's scenarios
// and feature tours), programs with errors (Go 1.19's message and position, each verified
// with `go build`), and the facts the checker records for the compiler.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include "lang/check.hpp"
#include "lang/constant.hpp"
#include "lang/parser.hpp"
#include "lang/token.hpp"
#include "lang/universe.hpp"
#include "tests/support/process.hpp"

using namespace lockstep::lang;
using lockstep::test_support::read_file;

namespace {

struct Checked {
    std::unique_ptr<SourceFile> src;
    std::unique_ptr<File> file;
    std::unique_ptr<TypeInfo> info;
};

Checked check_text(const std::string& text) {
    Checked c;
    c.src = std::make_unique<SourceFile>("t.go", text);
    c.file = parse_file(*c.src);
    c.info = check_file(*c.file);
    return c;
}

// "line:col: first line of the message" of the first diagnostic, or "" when it checks.
std::string first_error(const std::string& text) {
    try {
        check_text(text);
    } catch (const DiagnosticError& e) {
        const Diagnostic& d = e.diagnostics().front();
        std::string msg = d.message.substr(0, d.message.find('\n'));
        return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + msg;
    }
    return "";
}



// Walks expressions and statements generically through a visitor over the AST.
void walk_expr(Expr* e, const std::function<void(Node*)>& fn);
void walk_stmt(Stmt* s, const std::function<void(Node*)>& fn);

void walk_fields(std::vector<Field>& fs, const std::function<void(Node*)>& fn) {
    for (auto& f : fs) {
        for (auto id : f.names) walk_expr(id, fn);
        walk_expr(f.type, fn);
    }
}

void walk_expr(Expr* e, const std::function<void(Node*)>& fn) {
    if (!e) return;
    fn(e);
    switch (e->kind) {
    case NodeKind::CompositeLit:
        walk_expr(e->as<CompositeLit>()->type_expr, fn);
        for (auto x : e->as<CompositeLit>()->elts) walk_expr(x, fn);
        break;
    case NodeKind::FuncLit:
        walk_expr(e->as<FuncLit>()->sig, fn);
        walk_stmt(e->as<FuncLit>()->body, fn);
        break;
    case NodeKind::ParenExpr: walk_expr(e->as<ParenExpr>()->x, fn); break;
    case NodeKind::SelectorExpr: walk_expr(e->as<SelectorExpr>()->x, fn); walk_expr(e->as<SelectorExpr>()->sel, fn); break;
    case NodeKind::IndexExpr: walk_expr(e->as<IndexExpr>()->x, fn); walk_expr(e->as<IndexExpr>()->index, fn); break;
    case NodeKind::SliceExpr: {
        auto s = e->as<SliceExpr>();
        for (auto x : {s->x, s->low, s->high, s->max}) walk_expr(x, fn);
        break;
    }
    case NodeKind::TypeAssertExpr: walk_expr(e->as<TypeAssertExpr>()->x, fn); walk_expr(e->as<TypeAssertExpr>()->type_expr, fn); break;
    case NodeKind::CallExpr:
        walk_expr(e->as<CallExpr>()->fun, fn);
        for (auto x : e->as<CallExpr>()->args) walk_expr(x, fn);
        break;
    case NodeKind::StarExpr: walk_expr(e->as<StarExpr>()->x, fn); break;
    case NodeKind::UnaryExpr: walk_expr(e->as<UnaryExpr>()->x, fn); break;
    case NodeKind::BinaryExpr: walk_expr(e->as<BinaryExpr>()->x, fn); walk_expr(e->as<BinaryExpr>()->y, fn); break;
    case NodeKind::KeyValueExpr: walk_expr(e->as<KeyValueExpr>()->key, fn); walk_expr(e->as<KeyValueExpr>()->value_expr, fn); break;
    case NodeKind::FuncType: walk_fields(e->as<FuncType>()->params, fn); walk_fields(e->as<FuncType>()->results, fn); break;
    default: break;
    }
}

void walk_stmts(const std::vector<Stmt*>& l, const std::function<void(Node*)>& fn) {
    for (auto s : l) walk_stmt(s, fn);
}

void walk_stmt(Stmt* s, const std::function<void(Node*)>& fn) {
    if (!s) return;
    fn(s);
    switch (s->kind) {
    case NodeKind::DeclStmt:
        // Constant declarations are not compiled (uses read Object::value).
        if (s->as<DeclStmt>()->decl->decl == DeclKind::Const) break;
        for (auto& vs : s->as<DeclStmt>()->decl->values) {
            for (auto id : vs.names) walk_expr(id, fn);
            for (auto v : vs.values) walk_expr(v, fn);
        }
        break;
    case NodeKind::LabeledStmt: walk_stmt(s->as<LabeledStmt>()->stmt, fn); break;
    case NodeKind::ExprStmt: walk_expr(s->as<ExprStmt>()->x, fn); break;
    case NodeKind::SendStmt: walk_expr(s->as<SendStmt>()->chan, fn); walk_expr(s->as<SendStmt>()->value, fn); break;
    case NodeKind::IncDecStmt: walk_expr(s->as<IncDecStmt>()->x, fn); break;
    case NodeKind::AssignStmt:
        for (auto x : s->as<AssignStmt>()->lhs) walk_expr(x, fn);
        for (auto x : s->as<AssignStmt>()->rhs) walk_expr(x, fn);
        break;
    case NodeKind::GoStmt: walk_expr(s->as<GoStmt>()->call, fn); break;
    case NodeKind::DeferStmt: walk_expr(s->as<DeferStmt>()->call, fn); break;
    case NodeKind::ReturnStmt:
        for (auto x : s->as<ReturnStmt>()->results) walk_expr(x, fn);
        break;
    case NodeKind::BlockStmt: walk_stmts(s->as<BlockStmt>()->stmts, fn); break;
    case NodeKind::IfStmt: {
        auto i = s->as<IfStmt>();
        walk_stmt(i->init, fn);
        walk_expr(i->cond, fn);
        walk_stmt(i->then, fn);
        walk_stmt(i->els, fn);
        break;
    }
    case NodeKind::SwitchStmt: {
        auto sw = s->as<SwitchStmt>();
        walk_stmt(sw->init, fn);
        walk_expr(sw->tag, fn);
        for (auto c : sw->clauses) {
            fn(c);
            for (auto x : c->list) walk_expr(x, fn);
            walk_stmts(c->body, fn);
        }
        break;
    }
    case NodeKind::TypeSwitchStmt: {
        auto ts = s->as<TypeSwitchStmt>();
        walk_stmt(ts->init, fn);
        walk_expr(ts->subject, fn);
        for (auto c : ts->clauses) {
            fn(c);
            walk_stmts(c->body, fn);
        }
        break;
    }
    case NodeKind::SelectStmt:
        for (auto c : s->as<SelectStmt>()->clauses) {
            fn(c);
            walk_stmt(c->comm, fn);
            walk_stmts(c->body, fn);
        }
        break;
    case NodeKind::ForStmt: {
        auto f = s->as<ForStmt>();
        walk_stmt(f->init, fn);
        walk_expr(f->cond, fn);
        walk_stmt(f->post, fn);
        walk_stmt(f->body, fn);
        break;
    }
    case NodeKind::RangeStmt: {
        auto r = s->as<RangeStmt>();
        walk_expr(r->key, fn);
        walk_expr(r->value, fn);
        walk_expr(r->x, fn);
        walk_stmt(r->body, fn);
        break;
    }
    default: break;
    }
}

// Every node of the file, in source-walk order.
std::vector<Node*> all_nodes(File& f) {
    std::vector<Node*> out;
    auto fn = [&](Node* n) { out.push_back(n); };
    for (Decl* d : f.decls) {
        if (auto fd = d->as<FuncDecl>()) {
            if (fd->body) walk_stmt(fd->body, fn);
        } else if (auto gd = d->as<GenDecl>()) {
            for (auto& vs : gd->values)
                for (auto v : vs.values) walk_expr(v, fn);
        }
    }
    return out;
}

template <class T> std::vector<T*> nodes_of(File& f) {
    std::vector<T*> out;
    for (Node* n : all_nodes(f))
        if (auto t = n->as<T>()) out.push_back(t);
    return out;
}

// The first expression printed as `text` (by its source text position order).
Ident* ident_named(File& f, const std::string& name, size_t nth = 0) {
    for (Ident* id : nodes_of<Ident>(f))
        if (id->name == name && nth-- == 0) return id;
    return nullptr;
}

Object* var_named(Checked& c, const std::string& name) {
    for (Ident* id : nodes_of<Ident>(*c.file))
        if (id->name == name && id->obj && id->obj->kind == ObjectKind::Var) return id->obj;
    return nullptr;
}

std::string expr_string_for_test(const Expr* e) { return std::string(node_kind_name(e->kind)); }

}  // namespace

// ---------------------------------------------------------------------------------------
// Programs that must check cleanly

TEST_CASE("every scenario and parser testdata program type-checks", "[check]") {
    std::vector<std::filesystem::path> files;
    for (auto dir : {"scenarios", "tests/lang/testdata"}) {
        std::filesystem::path root = std::filesystem::path(LOCKSTEP_SOURCE_DIR) / dir;
        if (!std::filesystem::exists(root)) continue;
        for (auto& e : std::filesystem::recursive_directory_iterator(root))
            if (e.path().extension() == ".go") files.push_back(e.path());
    }
    REQUIRE(files.size() >= 10);
    for (auto& p : files) {
        INFO(p.string());
        std::string text = read_file(p);
        SourceFile src(p.string(), text);
        auto file = parse_file(src);
        std::string err;
        try {
            check_file(*file);
        } catch (const DiagnosticError& e) {
            err = e.diagnostics().front().headline();
        }
        CHECK(err == "");
    }
}

static const char* k_feature_tour = R"GO(package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type State int

const (
	Idle State = iota
	Running
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return "done"
}

type Base struct {
	mu sync.Mutex
	n  int
}

func (b *Base) Inc() { b.mu.Lock(); b.n++; b.mu.Unlock() }
func (b Base) Get() int { return b.n }

type Derived struct {
	Base
	name string
}

type Shape interface {
	Area() float64
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func find(m map[string]int, k string) (int, error) {
	if v, ok := m[k]; ok {
		return v, nil
	}
	return 0, errors.New("missing " + k)
}

var total = compute()

func compute() int { return base * 2 }

var base = 21

func main() {
	var wg sync.WaitGroup
	var ops int64
	counter := 0
	var mu sync.Mutex
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			atomic.AddInt64(&ops, 1)
			mu.Lock()
			counter += id
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	d := Derived{name: "x"}
	d.Inc()
	fmt.Println(d.Get(), d.n, d.Base.n)
	shapes := []Shape{Rect{1, 2}, &Circle{r: 1}}
	for _, s := range shapes {
		switch v := s.(type) {
		case Rect:
			fmt.Println("rect", v.w)
		case *Circle:
			fmt.Println("circle", v.r)
		default:
			fmt.Println(v)
		}
	}
	q, r := divmod(7, 2)
	fmt.Printf("%d %d %v %s\n", q, r, Running, Done)
	if _, err := find(map[string]int{"a": 1}, "b"); err != nil {
		fmt.Println(err)
	}
	var sb strings.Builder
	sb.WriteString(strconv.Itoa(total))
	fmt.Println(sb.String(), time.Millisecond*5, ops, counter)
	var x uint8 = 255
	x++
	const big = 1 << 40
	fmt.Println(x, big>>30, len("héllo"), 'a', 1.5*2)
	arr := [...]int{1, 2, 3}
	sl := arr[:]
	sl = append(sl, 4)
	m := make(map[string][]int)
	m["a"] = append(m["a"], 1)
	delete(m, "a")
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
	close(ch)
	var once sync.Once
	once.Do(func() { fmt.Println("once") })
	var cnt atomic.Int64
	cnt.Add(2)
	fmt.Println(cnt.Load(), len(sl), cap(sl))
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	var p *Derived
	_ = p
	f := strings.Fields(" a b ")
	fmt.Println(strings.Join(f, ","), strings.ToUpper("x"))
	start := time.Now()
	time.Sleep(time.Millisecond)
	_ = time.Since(start) > 0
	panic(fmt.Sprintf("%v", errors.New("boom")))
}
)GO";

static const char* k_sync_tour = R"GO(package main

import (
	"bytes"
	"fmt"
	"os"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(k string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

var pool = sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}

type Queue struct {
	cond  *sync.Cond
	items []int
}

func NewQueue() *Queue {
	return &Queue{cond: sync.NewCond(&sync.Mutex{})}
}

func (q *Queue) Put(v int) {
	q.cond.L.Lock()
	q.items = append(q.items, v)
	q.cond.L.Unlock()
	q.cond.Signal()
}

func (q *Queue) Take() int {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func main() {
	c := &Cache{data: map[string]string{}}
	if v, ok := c.Get("a"); !ok {
		fmt.Println("miss", v)
	}
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("hi")
	fmt.Println(buf.String(), buf.Len())
	pool.Put(buf)
	var m sync.Map
	m.Store("k", 1)
	if v, ok := m.Load("k"); ok {
		fmt.Println(v.(int) + 1)
	}
	m.Range(func(k, v any) bool { fmt.Println(k, v); return true })
	q := NewQueue()
	go q.Put(1)
	fmt.Println(q.Take())
	var l sync.Locker = &sync.Mutex{}
	l.Lock()
	l.Unlock()
	var rw sync.RWMutex
	rl := rw.RLocker()
	rl.Lock()
	rl.Unlock()
	if rw.TryLock() {
		rw.Unlock()
	}
	os.Exit(0)
}
)GO";

static const char* k_misc_tour = R"GO(package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type buf struct{ data []string }

func (b *buf) Read() string    { return strings.Join(b.data, "") }
func (b *buf) Write(s string)  { b.data = append(b.data, s) }
func (b *buf) String() string  { return fmt.Sprint(len(b.data)) }

type Op func(int, int) int

type Point struct{ X, Y int }

type Matrix [2][2]int

var ErrEmpty = errors.New("empty")

type Stack struct {
	sync.Mutex
	items []int
}

func (s *Stack) Push(v int) {
	s.Lock()
	defer s.Unlock()
	s.items = append(s.items, v)
}

func (s *Stack) Pop() (int, error) {
	s.Lock()
	defer s.Unlock()
	if len(s.items) == 0 {
		return 0, fmt.Errorf("pop: %w", ErrEmpty)
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func apply(op Op, a, b int) int { return op(a, b) }

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func producer(n int, out chan<- int, done <-chan struct{}) {
	defer close(out)
	for i := 0; i < n; i++ {
		select {
		case out <- i:
		case <-done:
			return
		}
	}
}

func main() {
	var rw ReadWriter = &buf{}
	rw.Write("a")
	rw.Write("b")
	fmt.Println(rw.Read(), rw)
	add := func(a, b int) int { return a + b }
	fmt.Println(apply(add, 1, 2), apply(Op(add), 3, 4))
	p := Point{1, 2}
	q := Point{X: 1, Y: 2}
	fmt.Println(p == q, p)
	var m Matrix
	m[1][0] = 5
	fmt.Println(m, len(m))
	s := &Stack{}
	push := s.Push
	push(1)
	pop := (*Stack).Pop
	if v, err := pop(s); err == nil {
		fmt.Println(v)
	}
	if _, err := s.Pop(); errors.Is(err, ErrEmpty) {
		fmt.Println("empty:", err)
	}
	fmt.Println(sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	out := make(chan int)
	done := make(chan struct{})
	go producer(3, out, done)
	for v := range out {
		fmt.Print(v, " ")
	}
	fmt.Println()
	close(done)
	for i, r := range "héllo" {
		if r == 'é' {
			fmt.Println(i, string(r), []byte("hi"), string([]byte{104, 105}))
		}
	}
	const mask = 1<<3 | 1<<1
	var flags uint8 = mask
	flags &^= 1 << 1
	flags <<= 1
	fmt.Println(flags, mask>>1, -7/2, -7%2, 7.0/2)
	var d time.Duration = 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Duration(2)*time.Second)
	timeout := time.After(time.Millisecond)
	select {
	case <-timeout:
	default:
	}
	var iface interface{} = p
	if pt, ok := iface.(Point); ok {
		fmt.Println(pt.X)
	}
	switch x := iface.(type) {
	case nil:
		fmt.Println("nil")
	case fmt.Stringer:
		fmt.Println(x.String())
	case Point, *Point:
		fmt.Println("point", x)
	}
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(arr), arr)
	grid := [][]Point{{{1, 2}}, {{X: 3}}}
	ptrs := []*Point{{1, 2}, {3, 4}}
	mp := map[Point]string{{1, 2}: "a"}
	fmt.Println(grid, ptrs[0].X, mp)
	var wg sync.WaitGroup
	results := make([]int, 3)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i
		}(i)
	}
	wg.Wait()
	fmt.Println(results)
	var nilMap map[string]int
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"])
	type local struct{ n int }
	l := local{n: 1}
	l.n++
	fmt.Println(l)
	func() {
		defer func() { recover() }()
		panic(errors.New("x"))
	}()
	x := 10
	ptr := &x
	*ptr += 5
	fmt.Println(x, *ptr)
	var once sync.Once
	for i := 0; i < 2; i++ {
		once.Do(func() { fmt.Println("init") })
	}
	labels := map[bool]string{true: "yes", false: "no"}
	fmt.Println(labels[x > 3])
	var sb strings.Builder
	fmt.Println(sb.Len(), strings.Repeat("ab", 2), strings.Split("a,b", ","), strings.Contains("abc", "b"))
}
)GO";

TEST_CASE("feature tours check cleanly", "[check]") {
    CHECK(first_error(k_feature_tour) == "");
    CHECK(first_error(k_sync_tour) == "");
    CHECK(first_error(k_misc_tour) == "");
}

TEST_CASE("no expression the compiler sees keeps an untyped type", "[check]") {
    for (const char* text : {k_feature_tour, k_sync_tour, k_misc_tour}) {
        auto c = check_text(text);
        for (Node* n : all_nodes(*c.file)) {
            auto e = dynamic_cast<Expr*>(n);
            if (!e || e->is_type || e->is<KeyValueExpr>()) continue;
            if (auto id = e->as<Ident>(); id && (!id->obj || id->obj->kind == ObjectKind::PackageName ||
                                                 id->obj->kind == ObjectKind::Builtin || id->obj->kind == ObjectKind::Label))
                continue;
            if (e->is<CallExpr>() && e->type == nullptr) continue;  // a call without results
            INFO(expr_string_for_test(e) << " at " << e->pos.line << ":" << e->pos.col);
            REQUIRE(e->type != nullptr);
            CHECK_FALSE(is_untyped(e->type));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Programs with errors: each row's expectation is what `go build` (Go 1.19) prints,
// except the unsupported package, which lockstep rejects by design.

TEST_CASE("type errors are reported with Go's message and position", "[check]") {
    struct Row {
        const char* body;
        const char* expected;
    };
    static const Row rows[] = {
    {"func main() { x := 1; var b bool; _ = 1 == b; _ = x }",
     "3:44: invalid operation: 1 == b (mismatched types untyped int and bool)"},
    {"func main() { var p *int; _ = p == 1 }",
     "3:36: cannot convert 1 (untyped int constant) to *int"},
    {"func main() { x := 1; _ = x == nil }",
     "3:32: invalid operation: x == nil (mismatched types int and untyped nil)"},
    {"func main() { for i := 0; int < 2; i++ {} }",
     "3:27: int (type) is not an expression"},
    {"func main() { x := 1 }",
     "3:15: x declared but not used"},
    {"import \"fmt\"\nfunc main() {}",
     "3:8: imported and not used: \"fmt\""},
    {"func main() { var s string = 1; _ = s }",
     "3:30: cannot use 1 (untyped int constant) as string value in variable declaration"},
    {"func main() { var b byte = 300; _ = b }",
     "3:28: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)"},
    {"func main() { var x int; var s string = x; _ = s }",
     "3:41: cannot use x (variable of type int) as type string in variable declaration"},
    {"func main() { y := undefinedthing; _ = y }",
     "3:20: undefined: undefinedthing"},
    {"func f() int { return 1 }\nfunc main() { a, b := f(); _, _ = a, b }",
     "4:23: assignment mismatch: 2 variables but f returns 1 value"},
    {"func f() {}\nfunc main() { f(1) }",
     "4:17: too many arguments in call to f"},
    {"func f() int { if true { return 1 } }\nfunc main() {}",
     "3:37: missing return"},
    {"func g() {}",
     "0:0: function main is undeclared in the main package"},
    {"func main() { x := 1; y := \"a\"; _ = x + y }",
     "3:37: invalid operation: x + y (mismatched types int and string)"},
    {"type I interface{ M() }\ntype T struct{}\nfunc (t *T) M() {}\nfunc main() { var i I = T{}; _ = i }",
     "6:25: cannot use T{} (value of type T) as type I in variable declaration:"},
    {"type I interface{ M() }\ntype T struct{}\nfunc main() { var i I = T{}; _ = i }",
     "5:25: cannot use T{} (value of type T) as type I in variable declaration:"},
    {"func main() { a := 1; a := 2; _ = a }",
     "3:25: no new variables on left side of :="},
    {"func f(a int, b string) {}\nfunc main() { f(1) }",
     "4:17: not enough arguments in call to f"},
    {"func main() { var m map[string]int; m.foo() }",
     "3:39: m.foo undefined (type map[string]int has no field or method foo)"},
    {"func main() { x := 5; x() }",
     "3:23: invalid operation: cannot call non-function x (variable of type int)"},
    {"func main() { return 1 }",
     "3:22: too many return values"},
    {"import \"net/http\"\nfunc main() { }",
     "3:8: unsupported: package \"net/http\""},
    {"import \"sync\"\nfunc main() { var m sync.Foo; _ = m }",
     "4:26: undefined: sync.Foo"},
    {"func main() { x := 1; x + 1 }",
     "3:23: x + 1 (value of type int) is not used"},
    {"func main() { defer len(\"a\") }",
     "3:21: defer discards result of len(\"a\") (constant 1 of type int)"},
    {"func main() { for { break L } }",
     "3:27: break label not defined: L"},
    {"func f() int { return }\nfunc main() {}",
     "3:16: not enough return values"},
    {"func main() { var i int = 1.5; _ = i }",
     "3:27: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)"},
    {"func main() { ch := make(chan int); for a, b := range ch { _, _ = a, b } }",
     "3:44: range over ch (variable of type chan int) permits only one iteration variable"},
    {"func main() { var x interface{} = 1; _ = x; var y int; _ = y.(int) }",
     "3:60: invalid operation: y (variable of type int) is not an interface"},
    {"func main() { const c byte = 255; _ = c + 1 }",
     "3:39: c + 1 (constant 256 of type byte) overflows byte"},
    {"func main() { var c byte = 1; _ = c + 300 }",
     "3:39: 300 (untyped int constant) overflows byte"},
    {"type T struct{ a int }\nfunc main() { _ = T{b: 1} }",
     "4:21: unknown field 'b' in struct literal of type T"},
    {"func main() { s := []int{1}; _ = s == s }",
     "3:34: invalid operation: s == s (slice can only be compared to nil)"},
    {"func main() { if 1 { } }",
     "3:18: non-boolean condition in if statement"},
    {"func main() { var f float64 = \"a\"; _ = f }",
     "3:31: cannot use \"a\" (untyped string constant) as float64 value in variable declaration"},
    {"func main() { break }",
     "3:15: break is not in a loop, switch, or select"},
    {"func main() { x := nil; _ = x }",
     "3:20: use of untyped nil in assignment"},
    {"type T struct{}\nfunc (T) M() {}\nfunc (T) M() {}\nfunc main() {}",
     "5:10: T.M redeclared in this block"},
    {"func main() { _ = 1 / 0 }",
     "3:23: invalid operation: division by zero"},
    {"func main() { var a [3]int; _ = a[5] }",
     "3:35: invalid argument: index 5 out of bounds [0:3]"},
    {"func main() { for i := 0; i < 3; i++ { continue L } }",
     "3:49: continue label not defined: L"},
    {"func main() { var p *int; p.x = 1 }",
     "3:29: p.x undefined (type *int has no field or method x)"},
    {"import \"sync\"\nfunc main() { var mu sync.Mutex; mu.lock() }",
     "4:37: mu.lock undefined (type sync.Mutex has no field or method lock, but does have Lock)"},
    {"func f() (int, int) { return 1, 2 }\nfunc main() { x := f(); _ = x }",
     "4:20: assignment mismatch: 1 variable but f returns 2 values"},
    {"func main() { L: for { } }",
     "3:15: label L defined and not used"},
    // goto: Go 1.19's texts (go run), positions of the label, the block's `{` or `case`,
    // the first name of a `var`, the `:=` of a short declaration.
    {"func main() { goto M }",
     "3:20: label M not defined"},
    {"func main() { goto L; if true { L: } }",
     "3:20: goto L jumps into block starting at t.go:3:31"},
    {"func main() { goto L; switch { case true: L: } }",
     "3:20: goto L jumps into block starting at t.go:3:32"},
    {"func main() { goto L; var a, b int; _, _ = a, b; L: }",
     "3:20: goto L jumps over declaration of a at t.go:3:27"},
    {"func main() { { goto L }; x, y := 1, 2; _, _ = x, y; L: }",
     "3:22: goto L jumps over declaration of x, y at t.go:3:32"},
    {"func main() { var x int; x = \"s\" }",
     "3:30: cannot use \"s\" (untyped string constant) as int value in assignment"},
    {"func main() { _ = undefinedfn() }",
     "3:19: undefined: undefinedfn"},
    {"type A struct{ B }\ntype B struct{ A }\nfunc main() {}",
     "3:6: invalid recursive type A"},
    {"func main() { var a, b = 1; _, _ = a, b }",
     "3:26: assignment mismatch: 2 variables but 1 value"},
    {"func main() { m := map[string]int{\"a\": 1, \"a\": 2}; _ = m }",
     "3:43: duplicate key \"a\" in map literal"},
    {"func main() { var x int; switch x { case \"a\": } }",
     "3:42: cannot convert \"a\" (untyped string constant) to int"},
    {"func main() { ch := make(<-chan int); ch <- 1 }",
     "3:39: invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)"},
    };
    for (const Row& r : rows) {
        std::string text = std::string("package main\n\n") + r.body + "\n";
        INFO(text);
        CHECK(first_error(text) == r.expected);
    }
}

TEST_CASE("several errors come back sorted by position", "[check]") {
    try {
        check_text("package main\n\nimport \"fmt\"\n\nfunc main() {\n\ta := 1\n\tb := 2\n}\n");
        FAIL("expected errors");
    } catch (const DiagnosticError& e) {
        REQUIRE(e.diagnostics().size() == 3);
        CHECK(e.diagnostics()[0].message == "imported and not used: \"fmt\"");
        CHECK(e.diagnostics()[1].message == "a declared but not used");
        CHECK(e.diagnostics()[2].message == "b declared but not used");
    }
}

TEST_CASE("after an error the checker goes on, without follow-on errors", "[check]") {
    try {
        check_text(R"GO(package main

import "fmt"

func f() int {
	a := 1
	b := undefined + a
	c := b.field
	return c
}

func main() {
	var s string = 1
	unused := 2
	fmt.Println(s)
}
)GO");
        FAIL("expected errors");
    } catch (const DiagnosticError& e) {
        std::vector<std::string> got;
        for (auto& d : e.diagnostics())
            got.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.message);
        // Go 1.19 reports exactly these: b and c exist (with an invalid type), a counts
        // as used, and fmt is used by the later, checked statement.
        CHECK(got == std::vector<std::string>{
                         "7:7: undefined: undefined",
                         "13:17: cannot use 1 (untyped int constant) as string value in variable declaration",
                         "14:2: unused declared but not used",
                     });
    }
}

// ---------------------------------------------------------------------------------------
// What the checker records for the compiler

TEST_CASE("closures record their captures and captured variables", "[check]") {
    auto c = check_text(R"GO(package main

func main() {
	x := 0
	y := 1
	f := func() {
		g := func() { x++ }
		g()
	}
	f()
	_ = y
}
)GO");
    auto lits = c.info->func_lits;
    REQUIRE(lits.size() == 2);
    Object* x = var_named(c, "x");
    Object* y = var_named(c, "y");
    REQUIRE(x);
    CHECK(x->captured);
    CHECK_FALSE(y->captured);
    // The outer literal passes x through to the inner one.
    CHECK(lits[0]->captures == std::vector<Object*>{x});
    CHECK(lits[1]->captures == std::vector<Object*>{x});
    CHECK(x->owner != nullptr);
    CHECK(x->owner->is<FuncDecl>());
}

TEST_CASE("address-taken variables: &v and pointer-method calls on addressable values", "[check]") {
    auto c = check_text(R"GO(package main

import "sync"

type C struct {
	mu sync.Mutex
	n  int
}

func (c *C) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }
func (c C) Get() int { return c.n }

func main() {
	var a, b, d C
	var wg sync.WaitGroup
	k := 0
	p := &k
	a.Inc()
	_ = b.Get()
	d.mu.Lock()
	wg.Wait()
	_ = p
}
)GO");
    CHECK(var_named(c, "a")->address_taken);
    CHECK_FALSE(var_named(c, "b")->address_taken);
    CHECK(var_named(c, "d")->address_taken);
    CHECK(var_named(c, "wg")->address_taken);
    CHECK(var_named(c, "k")->address_taken);
    CHECK_FALSE(var_named(c, "p")->address_taken);
}

TEST_CASE("selections through embedded fields carry the path and receiver adjustment", "[check]") {
    auto c = check_text(R"GO(package main

import "sync"

type Inner struct{ v int }

func (i *Inner) Set(v int) { i.v = v }
func (i Inner) Get() int    { return i.v }

type Outer struct {
	name string
	Inner
	*sync.Mutex
}

func main() {
	o := Outer{Mutex: &sync.Mutex{}}
	o.Set(1)
	_ = o.v
	p := &o
	_ = p.Get()
	o.Lock()
	o.Unlock()
}
)GO");
    std::vector<SelectorExpr*> sels = nodes_of<SelectorExpr>(*c.file);
    // The last selection of each name is the one in main.
    auto find = [&](const std::string& name) -> const Selection* {
        const Selection* found = nullptr;
        for (auto s : sels)
            if (s->sel->name == name) found = s->selection;
        return found;
    };
    const Selection* set = find("Set");
    REQUIRE(set);
    CHECK(set->kind == SelectionKind::MethodVal);
    REQUIRE(set->path.size() == 1);
    CHECK(set->path[0].index == 1);
    CHECK_FALSE(set->path[0].deref);
    CHECK(set->ptr_recv);
    CHECK(set->adjust == RecvAdjust::AddrOf);

    const Selection* v = find("v");
    REQUIRE(v);
    CHECK(v->kind == SelectionKind::FieldVal);
    REQUIRE(v->path.size() == 2);
    CHECK(v->path[0].index == 1);
    CHECK(v->path[1].index == 0);

    const Selection* get = find("Get");
    REQUIRE(get);
    CHECK(get->path.size() == 1);
    CHECK(get->path[0].deref);  // p is *Outer
    CHECK(get->adjust == RecvAdjust::None);

    const Selection* lock = find("Lock");
    REQUIRE(lock);
    CHECK(lock->obj->native == "sync.(*Mutex).Lock");
    REQUIRE(lock->path.size() == 1);
    CHECK(lock->path[0].index == 2);
    CHECK(lock->adjust == RecvAdjust::None);  // the embedded field is already a pointer
}

TEST_CASE("library calls carry their native names", "[check]") {
    auto c = check_text(R"GO(package main

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var n int64
	var b strings.Builder
	var cnt atomic.Int32
	wg.Add(1)
	atomic.AddInt64(&n, 1)
	b.WriteString("x")
	cnt.Add(1)
	time.Sleep(time.Millisecond)
	fmt.Println(time.Second.String())
	wg.Done()
}
)GO");
    std::vector<std::string> natives;
    for (auto call : nodes_of<CallExpr>(*c.file)) {
        Object* o = nullptr;
        if (auto se = call->fun->as<SelectorExpr>()) o = se->sel->obj;
        if (o && o->kind == ObjectKind::Func) natives.push_back(o->native);
    }
    CHECK(natives == std::vector<std::string>{"sync.(*WaitGroup).Add", "sync/atomic.AddInt64",
                                              "strings.(*Builder).WriteString", "sync/atomic.(*Int32).Add",
                                              "time.Sleep", "fmt.Println", "time.Duration.String",
                                              "sync.(*WaitGroup).Done"});
}

TEST_CASE(":= records which names are new; comma-ok forms are flagged", "[check]") {
    auto c = check_text(R"GO(package main

func two() (int, error) { return 1, nil }

func main() {
	a, err := two()
	b, err := two()
	m := map[string]int{}
	v, ok := m["k"]
	var i interface{} = 1
	n, ok2 := i.(int)
	ch := make(chan int)
	close(ch)
	r, ok3 := <-ch
	_, _, _, _, _, _, _, _ = a, b, err, v, ok, n, ok2, r
	_ = ok3
}
)GO");
    auto assigns = nodes_of<AssignStmt>(*c.file);
    REQUIRE(assigns.size() >= 6);
    CHECK(assigns[0]->defines == std::vector<bool>{true, true});
    CHECK(assigns[1]->defines == std::vector<bool>{true, false});
    CHECK(nodes_of<IndexExpr>(*c.file)[0]->comma_ok);
    CHECK(nodes_of<TypeAssertExpr>(*c.file)[0]->comma_ok);
    bool recv_ok = false;
    for (auto u : nodes_of<UnaryExpr>(*c.file))
        if (u->op == Tok::Arrow) recv_ok = u->comma_ok;
    CHECK(recv_ok);
    // v's type is the map's element type, ok's is bool.
    CHECK(type_string(var_named(c, "v")->type) == "int");
    CHECK(type_string(var_named(c, "ok")->type) == "bool");
}

TEST_CASE("untyped constants take their context's type and exact values", "[check]") {
    auto c = check_text(R"GO(package main

type Level uint8

const (
	Low Level = iota + 1
	Mid
	High
)

const Big = 1 << 62
const Ratio = Big / (1 << 60) * 1.5

func main() {
	var f float64 = 1 / 2
	var g float64 = 1.0 / 2
	x := 'a'
	var b byte = 'b' + 1
	h := High
	_, _, _, _, _ = f, g, x, b, h
	_ = Ratio
}
)GO");
    Object* high = c.info->package->lookup("High");
    REQUIRE(high);
    CHECK(high->value->as_int64() == 3);
    CHECK(type_string(high->type) == "main.Level");
    Object* ratio = c.info->package->lookup("Ratio");
    CHECK(ratio->value->as_double() == 6.0);
    // 1 / 2 is integer division of untyped ints: 0, then converted to float64.
    std::vector<BinaryExpr*> decls;  // the binary expressions of main
    for (auto b : nodes_of<BinaryExpr>(*c.file))
        if (b->pos.line >= 15) decls.push_back(b);
    REQUIRE(decls.size() == 3);
    CHECK(decls[0]->value->as_double() == 0.0);
    CHECK(type_string(decls[0]->type) == "float64");
    CHECK(type_string(decls[0]->x->type) == "float64");
    CHECK(decls[1]->value->as_double() == 0.5);
    CHECK(type_string(var_named(c, "x")->type) == "int32");
    CHECK(type_string(var_named(c, "x")->type, c.info->package) == "rune");
    CHECK(type_string(var_named(c, "h")->type) == "main.Level");
    CHECK(decls[2]->value->as_int64() == 'c');
    CHECK(type_string(decls[2]->type) == "uint8");
}

TEST_CASE("globals are initialized in dependency order", "[check]") {
    auto c = check_text(R"GO(package main

var a = b + c
var b = f()
var c = 1
var d int

func f() int { return c * 2 }

func main() { _ = a; _ = d }
)GO");
    std::vector<std::string> order;
    for (auto& init : c.info->init_order) order.push_back(init.lhs[0]->name);
    CHECK(order == std::vector<std::string>{"c", "b", "a"});
    CHECK(c.info->globals.size() == 4);
    CHECK(c.info->main_func);
}

TEST_CASE("break and continue targets, type switch implicits", "[check]") {
    auto c = check_text(R"GO(package main

func main() {
	var x interface{} = 1
outer:
	for i := 0; i < 2; i++ {
		switch v := x.(type) {
		case int:
			_ = v + 1
			continue outer
		case string, bool:
			_ = v
			break
		}
		for {
			break outer
		}
	}
}
)GO");
    auto fors = nodes_of<ForStmt>(*c.file);
    REQUIRE(fors.size() == 2);
    auto branches = nodes_of<BranchStmt>(*c.file);
    REQUIRE(branches.size() == 3);
    CHECK(branches[0]->target == fors[0]);                            // continue outer
    CHECK(branches[1]->target == nodes_of<TypeSwitchStmt>(*c.file)[0]); // break (the switch)
    CHECK(branches[2]->target == fors[0]);                            // break outer
    auto clauses = nodes_of<TypeSwitchStmt>(*c.file)[0]->clauses;
    REQUIRE(clauses[0]->implicit);
    CHECK(type_string(clauses[0]->implicit->type) == "int");
    CHECK(type_string(clauses[1]->implicit->type) == "interface {}");
}

TEST_CASE("tier 2: context and timers are declared, testing only when allowed", "[check]") {
    CHECK(first_error(R"GO(package main

import (
	"context"
	"fmt"
	"time"
)

func worker(ctx context.Context, out chan<- int) {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			fmt.Println(ctx.Err())
			return
		case <-t.C:
			out <- i
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	out := make(chan int, 100)
	go worker(ctx, out)
	<-ctx.Done()
	if d, ok := ctx.Deadline(); ok {
		_ = d
	}
	ctx2 := context.WithValue(ctx, "k", 1)
	fmt.Println(ctx2.Value("k"))
}
)GO") == "");
    const char* test_file = R"GO(package counter

import (
	"sync"
	"testing"
)

func TestCounter(t *testing.T) {
	var mu sync.Mutex
	n := 0
	t.Run("inc", func(t *testing.T) {
		mu.Lock()
		n++
		mu.Unlock()
	})
	if n != 1 {
		t.Fatalf("n = %d", n)
	}
}
)GO";
    SourceFile src("counter_test.go", test_file);
    auto file = parse_file(src);
    CheckOptions options;
    options.allow_testing = true;
    options.require_main = false;
    auto info = check_file(*file, options);
    Object* test = info->package->lookup("TestCounter");
    REQUIRE(test);
    CHECK(type_string(test->type) == "func(*testing.T)");
    bool fatalf = false;
    for (auto call : nodes_of<CallExpr>(*file))
        if (auto se = call->fun->as<SelectorExpr>(); se && se->sel->obj && se->sel->obj->native == "testing.(*T).Fatalf") fatalf = true;
    CHECK(fatalf);
}

TEST_CASE("unsupported Go is an error at its position, never a crash", "[check]") {
    CHECK(first_error("package main\n\nimport \"testing\"\n\nfunc main() {}\n") == "3:8: unsupported: package \"testing\"");
    CHECK(first_error("package main\n\nconst c = 1e100001\n\nfunc main() {}\n") ==
          "3:11: unsupported: floating-point constant exponent beyond 1e100000");
}
