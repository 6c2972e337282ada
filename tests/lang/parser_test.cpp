// Parser tests: the shape of every construct (as S-expressions), Go's syntax errors with
// their positions, unsupported generics, deep nesting, directives and the Output block.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "lang/ast_dump.hpp"
#include "lang/parser.hpp"
#include "tests/support/process.hpp"

using namespace lockstep::lang;
using lockstep::test_support::read_file;

namespace {

std::unique_ptr<File> parse_text(const SourceFile& src) { return parse_file(src); }

// The dump of the body statements of `func main() { BODY }`, one per line.
std::string parse_body(const std::string& body) {
    SourceFile src("t.go", "package main\n\nfunc main() {\n" + body + "\n}\n");
    auto file = parse_file(src);
    auto* f = file->decls.back()->as<FuncDecl>();
    REQUIRE(f);
    std::string out;
    for (auto* s : f->body->stmts) {
        if (!out.empty()) out += '\n';
        out += dump(s);
    }
    return out;
}

// The dump of expression `e`, parsed as `_ = e` inside main.
std::string parse_expr(const std::string& e) {
    SourceFile src("t.go", "package main\n\nfunc main() {\n\t_ = " + e + "\n}\n");
    auto file = parse_file(src);
    auto* a = file->decls.back()->as<FuncDecl>()->body->stmts.at(0)->as<AssignStmt>();
    REQUIRE(a);
    return dump(a->rhs.at(0));
}

// The dump of the top-level declarations after `package main`.
std::string parse_decls(const std::string& text) {
    SourceFile src("t.go", "package main\n\n" + text + "\n");
    auto file = parse_file(src);
    std::string out;
    for (auto* d : file->decls) {
        if (!out.empty()) out += '\n';
        out += dump(d);
    }
    return out;
}

// The headline of the diagnostic parsing `text` raises, or "" if it parses.
std::string parse_error(const std::string& text) {
    SourceFile src("t.go", text);
    try {
        parse_file(src);
    } catch (const DiagnosticError& e) {
        return e.diagnostics().front().headline();
    }
    return "";
}

}  // namespace

TEST_CASE("every scenario and testdata program parses", "[parser]") {
    namespace fs = std::filesystem;
    int count = 0;
    for (const char* dir : {"/scenarios", "/tests/lang/testdata"}) {
        fs::path root = fs::path(LOCKSTEP_SOURCE_DIR) / fs::path(dir).relative_path();
        if (!fs::exists(root)) continue;
        for (auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".go") continue;
            INFO(entry.path().string());
            SourceFile src(entry.path().string(), read_file(entry.path()));
            std::unique_ptr<File> file;
            try {
                file = parse_file(src);
            } catch (const DiagnosticError& e) {
                FAIL(e.diagnostics().front().render());
            }
            CHECK(file->package_name->name == "main");
            ++count;
        }
    }
    CHECK(count >= 4);
}

TEST_CASE("expressions: precedence, unary, primary", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"a + b*c", "(+ a (* b c))"},
        {"a*b + c", "(+ (* a b) c)"},
        {"a - b - c", "(- (- a b) c)"},
        {"a || b && c == d", "(|| a (&& b (== c d)))"},
        {"a < b == true", "(== (< a b) true)"},
        {"x &^ y << 2 | z", "(| (<< (&^ x y) 2) z)"},  // same level: left to right
        {"-x + !y", "(+ (- x) (! y))"},
        {"^x", "(^ x)"},
        {"*p", "(* p)"},
        {"&T{1}", "(& (complit T 1))"},
        {"<-ch", "(<- ch)"},
        {"<-<-ch", "(<- (<- ch))"},
        {"(a + b) * c", "(* (paren (+ a b)) c)"},
        {"f(1, x...)", "(call f 1 x ...)"},
        {"f()", "(call f)"},
        {"f(a,\n\tb,\n)", "(call f a b)"},
        {"fmt.Println(\"hi\", 'x', 1.5, 2i)", "(call (sel fmt Println) \"hi\" 'x' 1.5 2i)"},
        {"a.b.c", "(sel (sel a b) c)"},
        {"a[i]", "(index a i)"},
        {"m[k][j]", "(index (index m k) j)"},
        {"s[i:j]", "(slice s i j)"},
        {"s[:]", "(slice s _ _)"},
        {"s[i:]", "(slice s i _)"},
        {"s[:j:k]", "(slice s _ j k)"},
        {"x.(T)", "(assert x T)"},
        {"x.(*sync.Mutex)", "(assert x (* (sel sync Mutex)))"},
        {"[]int(nil)", "(call ([] int) nil)"},
        {"(*T)(p)", "(call (paren (* T)) p)"},
        {"(<-chan int)(c)", "(call (paren (<-chan int)) c)"},
        {"func(x int) int { return x }", "(funclit (func (params (field x int)) (results (field int))) (block (return x)))"},
        {"func() {}()", "(call (funclit (func) (block)))"},
        {"make(chan struct{}, 1)", "(call make (chan (struct)) 1)"},
        {"make(map[string][]int)", "(call make (map string ([] int)))"},
        {"new(sync.WaitGroup)", "(call new (sel sync WaitGroup))"},
        {"a.b(c).d[e]", "(index (sel (call (sel a b) c) d) e)"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_expr(c.src) == c.tree);
    }
}

TEST_CASE("composite literals, including elided element types", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"Point{1, 2}", "(complit Point 1 2)"},
        {"Point{X: 1, Y: 2}", "(complit Point (kv X 1) (kv Y 2))"},
        {"[]Point{{1, 2}, {3, 4}}", "(complit ([] Point) (complit _ 1 2) (complit _ 3 4))"},
        {"map[string]int{\"a\": 1, \"b\": 2,\n}", "(complit (map string int) (kv \"a\" 1) (kv \"b\" 2))"},
        {"[...]int{1, 2}", "(complit (array ... int) 1 2)"},
        {"[3]int{}", "(complit (array 3 int))"},
        {"map[Key][]int{{1, 2}: {3}}", "(complit (map Key ([] int)) (kv (complit _ 1 2) (complit _ 3)))"},
        {"struct{ a int }{1}", "(complit (struct (field a int)) 1)"},
        {"sync.Mutex{}", "(complit (sel sync Mutex))"},
        {"[][]int{{1}, {}}", "(complit ([] ([] int)) (complit _ 1) (complit _))"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_expr(c.src) == c.tree);
    }
}

TEST_CASE("types", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"var x []int", "(var (x ([] int) ()))"},
        {"var x [4]byte", "(var (x (array 4 byte) ()))"},
        {"var x *sync.Mutex", "(var (x (* (sel sync Mutex)) ()))"},
        {"var x map[string]*T", "(var (x (map string (* T)) ()))"},
        {"var x chan int", "(var (x (chan int) ()))"},
        {"var x chan<- int", "(var (x (chan<- int) ()))"},
        {"var x <-chan int", "(var (x (<-chan int) ()))"},
        {"var x chan<- chan int", "(var (x (chan<- (chan int)) ()))"},
        {"var x chan (<-chan int)", "(var (x (chan (paren (<-chan int))) ()))"},
        {"var x func(int, string) (bool, error)",
         "(var (x (func (params (field int) (field string)) (results (field bool) (field error))) ()))"},
        {"var x func(a, b int, c ...string)",
         "(var (x (func (params (field a b int) (field c ...string))) ()))"},
        {"var x func() func() int", "(var (x (func (results (field (func (results (field int)))))) ()))"},
        {"var x interface{}", "(var (x (interface) ()))"},
        {"var x any", "(var (x any ()))"},
        {"type T struct {\n\tsync.Mutex\n\t*Base\n\ta, b int `json:\"a\"`\n\tc []string\n}",
         "(type (T (struct (field (sel sync Mutex)) (field (* Base)) (field a b int `json:\"a\"`) (field c ([] string)))))"},
        {"type I interface {\n\tfmt.Stringer\n\tM(x int) error\n\tN()\n}",
         "(type (I (interface (field (sel fmt Stringer)) (field M (func (params (field x int)) (results (field error)))) "
         "(field N (func)))))"},
        {"type A = B", "(type (A = B))"},
        {"type Arr [N]int", "(type (Arr (array N int)))"},
        {"type Arr [N * 2]int", "(type (Arr (array (* N 2) int)))"},
        {"type Arr [pkg.N]int", "(type (Arr (array (sel pkg N) int)))"},
        {"type F func(...interface{})", "(type (F (func (params (field ...(interface))))))"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_decls(c.src) == c.tree);
    }
}

TEST_CASE("declarations: imports, const/var/type groups, funcs and methods", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"import \"fmt\"", "(import (\"fmt\"))"},
        {"import (\n\t\"fmt\"\n\tat \"sync/atomic\"\n\t_ \"os\"\n\t. \"strings\"\n)",
         "(import (\"fmt\") (at \"sync/atomic\") (_ \"os\") (. \"strings\"))"},
        {"import `sync`", "(import (\"sync\"))"},
        {"const x = 1", "(const (x _ (1) iota=0))"},
        {"const (\n\tA = iota\n\tB\n\tC, D int = 5, 6\n)",
         "(const (A _ (iota) iota=0) (B _ () iota=1) (C D int (5 6) iota=2))"},
        {"var (\n\tmu sync.Mutex\n\tcount = 0\n\ta, b int = 1, 2\n)",
         "(var (mu (sel sync Mutex) ()) (count _ (0)) (a b int (1 2)))"},
        {"type (\n\tA int\n\tB struct{}\n)", "(type (A int) (B (struct)))"},
        {"func f() {}", "(funcdecl f (func) (block))"},
        {"func f(a int) (n int, err error) { return }",
         "(funcdecl f (func (params (field a int)) (results (field n int) (field err error))) (block (return)))"},
        {"func (c *Counter) Inc() { c.n++ }",
         "(funcdecl (field c (* Counter)) Inc (func) (block (++ (sel c n))))"},
        {"func (Counter) Get() int { return 0 }",
         "(funcdecl (field Counter) Get (func (results (field int))) (block (return 0)))"},
        {"func f(int, string)", "(funcdecl f (func (params (field int) (field string))) _)"},
        {"func f(a, b int, c string) {}",
         "(funcdecl f (func (params (field a b int) (field c string))) (block))"},
        {"func f(p []int, q [2]int, r sync.Mutex) {}",
         "(funcdecl f (func (params (field p ([] int)) (field q (array 2 int)) (field r (sel sync Mutex)))) (block))"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_decls(c.src) == c.tree);
    }
}

TEST_CASE("simple statements", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"x := 1", "(:= (x) (1))"},
        {"a, b := f()", "(:= (a b) ((call f)))"},
        {"a, b = b, a", "(= (a b) (b a))"},
        {"x += 2", "(+= (x) (2))"},
        {"x &^= y", "(&^= (x) (y))"},
        {"x <<= 1", "(<<= (x) (1))"},
        {"c.value++", "(++ (sel c value))"},
        {"n--", "(-- n)"},
        {"ch <- v", "(send ch v)"},
        {"<-done", "(expr (<- done))"},
        {"f()", "(expr (call f))"},
        {"m[k] = v", "(= ((index m k)) (v))"},
        {"*p = 3", "(= ((* p)) (3))"},
        {"var x int", "(var (x int ()))"},
        {"var x, y = 1, 2", "(var (x y _ (1 2)))"},
        {"const c = 1", "(const (c _ (1) iota=0))"},
        {"type T struct{ n int }", "(type (T (struct (field n int))))"},
        {"go worker(i)", "(go (call worker i))"},
        {"go func() { wg.Done() }()", "(go (call (funclit (func) (block (expr (call (sel wg Done)))))))"},
        {"defer mu.Unlock()", "(defer (call (sel mu Unlock)))"},
        {"return", "(return)"},
        {"return 1, nil", "(return 1 nil)"},
        {"{ x := 1; _ = x }", "(block (:= (x) (1)) (= (_) (x)))"},
        {"; ;", ""},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_body(c.src) == c.tree);
    }
}

TEST_CASE(":= marks every left-hand identifier as defining", "[parser]") {
    SourceFile src("t.go", "package main\nfunc main() {\n\ta, b := 1, 2\n\ta, b = b, a\n}\n");
    auto file = parse_file(src);
    auto& stmts = file->decls.back()->as<FuncDecl>()->body->stmts;
    auto* def = stmts[0]->as<AssignStmt>();
    REQUIRE(def);
    CHECK(def->defines == std::vector<bool>{true, true});
    CHECK(stmts[1]->as<AssignStmt>()->defines.empty());
}

TEST_CASE("control flow statements", "[parser]") {
    struct Case {
        const char* src;
        const char* tree;
    };
    const Case cases[] = {
        {"if x { }", "(if _ x (block))"},
        {"if v, ok := m[k]; ok { } else if x { } else { }",
         "(if (:= (v ok) ((index m k))) ok (block) (if _ x (block) (block)))"},
        {"for { break }", "(for _ _ _ (block (break)))"},
        {"for i < n { i++ }", "(for _ (< i n) _ (block (++ i)))"},
        {"for i := 0; i < n; i++ { continue }", "(for (:= (i) (0)) (< i n) (++ i) (block (continue)))"},
        {"for ;; { }", "(for _ _ _ (block))"},
        {"for i := 0; ; { }", "(for (:= (i) (0)) _ _ (block))"},
        {"for k, v := range m { }", "(range k v := m (block))"},
        {"for k := range m { }", "(range k _ := m (block))"},
        {"for k, v = range m { }", "(range k v = m (block))"},
        {"for range ch { }", "(range _ _ = ch (block))"},
        {"for _, p := range []Point{{1, 2}} { }", "(range _ p := (complit ([] Point) (complit _ 1 2)) (block))"},
        {"switch { case x > 1: f(); fallthrough\ndefault: }",
         "(switch _ _ (case ((> x 1)) (expr (call f)) (fallthrough)) (default))"},
        {"switch x := f(); x { case 1, 2: case 3: }", "(switch (:= (x) ((call f))) x (case (1 2)) (case (3)))"},
        {"switch v := x.(type) { case int, string: case nil: default: }",
         "(typeswitch _ v x (case (int string)) (case (nil)) (default))"},
        {"switch x.(type) { case *T: }", "(typeswitch _ _ x (case ((* T))))"},
        {"switch y := 1; v := y.(type) { }", "(typeswitch (:= (y) (1)) v y)"},
        {"select {\ncase v := <-ch:\n\t_ = v\ncase v, ok := <-ch:\ncase ch <- 1:\ncase <-done:\ncase x = <-ch:\ndefault:\n}",
         "(select (comm (:= (v) ((<- ch))) (= (_) (v))) (comm (:= (v ok) ((<- ch)))) (comm (send ch 1)) "
         "(comm (expr (<- done))) (comm (= (x) ((<- ch)))) (default))"},
        {"select {}", "(select)"},
        {"outer:\n\tfor { break outer }", "(label outer (for _ _ _ (block (break outer))))"},
        {"goto end\nend:", "(goto end)\n(label end (empty))"},
        {"L: continue L", "(label L (continue L))"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_body(c.src) == c.tree);
    }
}

TEST_CASE("labels are attached to the loops, switches and selects they name", "[parser]") {
    SourceFile src("t.go", "package main\nfunc main() {\nL1:\n\tfor {}\nL2:\n\tselect {}\nL3:\n\tswitch {}\n}\n");
    auto file = parse_file(src);
    auto& stmts = file->decls.back()->as<FuncDecl>()->body->stmts;
    REQUIRE(stmts.size() == 3);
    CHECK(stmts[0]->as<LabeledStmt>()->stmt->as<ForStmt>()->label->name == "L1");
    CHECK(stmts[1]->as<LabeledStmt>()->stmt->as<SelectStmt>()->label->name == "L2");
    CHECK(stmts[2]->as<LabeledStmt>()->stmt->as<SwitchStmt>()->label->name == "L3");
}

TEST_CASE("a composite literal in a control clause needs parentheses, as in Go", "[parser]") {
    // `T{` in a header starts the block: `if x == T {` compares with the type name T.
    CHECK(parse_body("if x == T { }") == "(if _ (== x T) (block))");
    CHECK(parse_body("if x == (T{}) { }") == "(if _ (== x (paren (complit T))) (block))");
    CHECK(parse_body("for _, x := range []int{1} { }") == "(range _ x := (complit ([] int) 1) (block))");
    CHECK(parse_body("if f(T{}) { }") == "(if _ (call f (complit T)) (block))");
    CHECK(parse_body("switch s := (S{}); s { }") == "(switch (:= (s) ((paren (complit S)))) s)");
    // Function literal bodies inside a header allow composite literals again.
    CHECK(parse_body("if func() bool { return T{} == x }() { }") ==
          "(if _ (call (funclit (func (results (field bool))) (block (return (== (complit T) x))))) (block))");
}

TEST_CASE("positions: first token, operator for binary expressions", "[parser]") {
    SourceFile src("t.go", "package main\n\nfunc main() {\n\tx := a + b*c\n\tfmt.Println(x)\n}\n");
    auto file = parse_file(src);
    auto* f = file->decls.back()->as<FuncDecl>();
    CHECK(f->pos == Pos{3, 1});
    CHECK(f->name->pos == Pos{3, 6});
    CHECK(f->body->pos == Pos{3, 13});
    CHECK(f->body->rbrace == Pos{6, 1});
    auto* a = f->body->stmts[0]->as<AssignStmt>();
    CHECK(a->pos == Pos{4, 2});
    auto* sum = a->rhs[0]->as<BinaryExpr>();
    REQUIRE(sum);
    CHECK(sum->pos == Pos{4, 9});
    CHECK(sum->y->pos == Pos{4, 12});
    auto* call = f->body->stmts[1]->as<ExprStmt>()->x->as<CallExpr>();
    CHECK(call->pos == Pos{5, 2});
    CHECK(call->lparen == Pos{5, 13});
    CHECK(call->rparen == Pos{5, 15});
    CHECK(call->fun->as<SelectorExpr>()->sel->pos == Pos{5, 6});
}

TEST_CASE("syntax errors: Go's messages at Go's positions", "[parser]") {
    // Expected headlines are `go build`'s (Go 1.19) for the same files.
    struct Case {
        const char* src;
        const char* error;
    };
    const Case cases[] = {
        {"func main() {}\n", "t.go:1:1: syntax error: package statement must be first"},
        {"package main\nx := 1\n", "t.go:2:1: syntax error: non-declaration statement outside function body"},
        {"package main\nimport \"fmt\"\nvar x = 1\nimport \"os\"\n",
         "t.go:4:1: syntax error: non-declaration statement outside function body"},
        {"package main\nimport fmt\n", "t.go:2:11: syntax error: missing import path"},
        {"package main\nimport 1\n", "t.go:2:9: syntax error: import path must be a string"},
        {"package main\nfunc main() {\n\tx := []int{1, 2\n\t}\n}\n",
         "t.go:3:17: syntax error: unexpected newline in composite literal; possibly missing comma or }"},
        {"package main\nfunc main() {\n\tx := [...]int{1,2\n}\n",
         "t.go:3:19: syntax error: unexpected newline in composite literal; possibly missing comma or }"},
        {"package main\nfunc main() {\n\tif x := 1; {\n\t}\n}\n", "t.go:3:11: syntax error: missing condition in if statement"},
        {"package main\nfunc main() {\n\tif {\n\t}\n}\n", "t.go:3:5: syntax error: missing condition in if statement"},
        {"package main\nfunc main() {\n\tif x\n\t{\n\t}\n}\n",
         "t.go:3:6: syntax error: unexpected newline, expecting { after if clause"},
        {"package main\nfunc main() {\n\tfor i := 0; i < 3; i := 1 {\n\t}\n}\n",
         "t.go:3:23: syntax error: cannot declare in post statement of for loop"},
        {"package main\nfunc main() {\n\tfor ; ; i := 0 {}\n}\n",
         "t.go:3:12: syntax error: cannot declare in post statement of for loop"},
        {"package main\nfunc main() {\n\tf(1 2)\n}\n",
         "t.go:3:6: syntax error: unexpected literal 2 in argument list; possibly missing comma or )"},
        {"package main\nfunc main() {\n\tx = = 1\n}\n", "t.go:3:6: syntax error: unexpected =, expecting expression"},
        {"package main\nfunc main()\n{\n}\n", "t.go:3:1: syntax error: unexpected semicolon or newline before {"},
        {"package main\nfunc main() {\n\tvar x = 1 +\n}\n", "t.go:4:1: syntax error: unexpected }, expecting expression"},
        {"package main\nfunc main() {\n\ta, b\n}\n",
         "t.go:3:6: syntax error: unexpected newline, expecting := or = or comma"},
        {"package main\nfunc main() {\n\tgo f\n}\n", "t.go:3:5: expression in go must be function call"},
        {"package main\nfunc main() {\n\tdefer (f())\n}\n", "t.go:3:8: expression in defer must not be parenthesized"},
        {"package main\nfunc main() {\n\tif x == 1 {\n\t} else for {}\n}\n",
         "t.go:4:9: syntax error: else must be followed by if or statement block"},
        {"package main\nfunc main() {\n\tswitch x {\n\tfoo\n\t}\n}\n",
         "t.go:4:2: syntax error: unexpected foo, expecting case or default or }"},
        {"package main\nfunc main() {\n\tx.(int\n}\n", "t.go:3:8: syntax error: unexpected newline, expecting )"},
        {"package main\nfunc main() {\n\tx := 1\n\tx++ ++\n}\n", "t.go:4:6: syntax error: unexpected ++ at end of statement"},
        {"package main\nfunc main() {\n\tfor x := range {\n\t}\n}\n",
         "t.go:3:17: syntax error: unexpected {, expecting expression"},
        {"package main\nfunc f(a int, string) {}\n", "t.go:2:15: syntax error: mixed named and unnamed parameters"},
        {"package main\nfunc main() {\n\tvar x struct { (T) }\n}\n",
         "t.go:3:17: syntax error: cannot parenthesize embedded type"},
        {"package main\nfunc main() {\n\tif x = 1 {\n\t}\n}\n",
         "t.go:3:7: syntax error: cannot use assignment (x) = (1) as value"},
        {"package main\nfunc main() {\n\tswitch x := 1 {\n\t}\n}\n", "t.go:3:11: syntax error: cannot use x := 1 as value"},
        {"package main\nfunc main() {\n\tvar c chan\n}\n", "t.go:4:1: syntax error: missing channel element type"},
        {"package main\nfunc main() {\n\t_ = (T){1}\n}\n", "t.go:3:9: syntax error: cannot parenthesize type in composite literal"},
        {"package main\nfunc main() {\n\ta.b.(type)\n}\n", "t.go:3:2: use of .(type) outside type switch"},
        {"package main\nfunc main() {\n\tswitch f(x.(type)) {}\n}\n", "t.go:3:11: use of .(type) outside type switch"},
        {"package main\nfunc main() {\n\t}\n}\n", "t.go:4:1: syntax error: non-declaration statement outside function body"},
        {"package main\nfunc main() {\n", "t.go:3:1: syntax error: unexpected EOF, expecting }"},
        {"package main\nfunc main() {\n\tselect { case 1: }\n}\n",
         "t.go:3:16: select case must be send or receive (possibly with assignment)"},
        {"package main\nfunc main() {\n\tfor a, b, c := range x {}\n}\n",
         "t.go:3:12: range clause permits at most two iteration variables"},
        {"package main\nfunc main() {\n\tL:\n}\n", ""},
        // A lexical error surfaces through the parser unchanged.
        {"package main\nfunc main() {\n\tx := 1 @ 2\n}\n", "t.go:3:9: invalid character U+0040 '@'"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_error(c.src) == c.error);
    }
}

TEST_CASE("generics are rejected as unsupported at their position", "[parser]") {
    struct Case {
        const char* src;
        const char* error;
    };
    const Case cases[] = {
        {"package main\nfunc F[T any](x T) {}\n", "t.go:2:7: unsupported: generics (type parameters)"},
        {"package main\ntype List[T any] struct{}\n", "t.go:2:10: unsupported: generics (type parameters)"},
        {"package main\ntype Pair[K comparable, V any] struct{}\n", "t.go:2:10: unsupported: generics (type parameters)"},
        {"package main\nvar x List[int]\n", "t.go:2:11: unsupported: generics (type instantiation)"},
        {"package main\nfunc main() {\n\t_ = Map[string, int](m)\n}\n",
         "t.go:3:6: unsupported: generics (type instantiation)"},
        {"package main\nfunc main() {\n\t_ = List[int]{}\n}\n", "t.go:3:6: unsupported: generics (type instantiation)"},
        {"package main\ntype Number interface {\n\t~int | ~float64\n}\n", "t.go:3:2: unsupported: generics (type constraints)"},
        {"package main\ntype Number interface {\n\tint | float64\n}\n", "t.go:3:6: unsupported: generics (type constraints)"},
        {"package main\nfunc (l *List[T]) Push(v T) {}\n", "t.go:2:14: unsupported: generics (type instantiation)"},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CHECK(parse_error(c.src) == c.error);
    }
}

TEST_CASE("deep nesting is a diagnostic, not a stack overflow", "[parser]") {
    for (int depth : {10000, 100000}) {
        std::string e = std::string(depth, '(') + "x" + std::string(depth, ')');
        std::string err = parse_error("package main\nfunc main() {\n\t_ = " + e + "\n}\n");
        CHECK(err.find("syntax error: expression nested too deeply") != std::string::npos);
    }
    std::string unary(20000, '!');
    CHECK(parse_error("package main\nvar x = " + unary + "x\n").find("nested too deeply") != std::string::npos);
    std::string types;
    for (int i = 0; i < 5000; ++i) types += "[]";
    CHECK(parse_error("package main\nvar x " + types + "int\n").find("syntax error: type nested too deeply") !=
          std::string::npos);
    std::string blocks = std::string(5000, '{') + std::string(5000, '}');
    CHECK(parse_error("package main\nfunc main() " + blocks + "\n").find("syntax error: block nested too deeply") !=
          std::string::npos);
    // Within the limit, nesting parses.
    std::string ok = std::string(200, '(') + "x" + std::string(200, ')');
    CHECK(parse_error("package main\nfunc main() {\n\t_ = " + ok + "\n}\n").empty());
}

namespace {

std::optional<ExpectedOutput> output_of(const std::string& main_body, const std::string& after = "") {
    SourceFile src("t.go", "package main\n\nfunc main() {\n" + main_body + "}\n" + after);
    return parse_file(src)->expected_output;
}

}  // namespace

TEST_CASE("the Output block closing main is extracted", "[parser][output]") {
    auto out = output_of("\tfmt.Println(1)\n\t// Output:\n\t// 1\n\t//   two  \n\t//\n\t// x\n");
    REQUIRE(out);
    CHECK_FALSE(out->unordered);
    CHECK(out->lines == std::vector<std::string>{"1", "  two", "", "x"});
    CHECK(out->pos == Pos{5, 2});

    out = output_of("\tf()\n\t// Unordered output:\n\t// b\n\t// a\n");
    REQUIRE(out);
    CHECK(out->unordered);
    CHECK(out->lines == std::vector<std::string>{"b", "a"});

    // Case-insensitive "output", text on the marker line, "//" without a space.
    out = output_of("\tf()\n\t// OUTPUT: hello\n\t//world\n");
    REQUIRE(out);
    CHECK(out->lines == std::vector<std::string>{"hello", "world"});

    // An empty block means: prints nothing.
    out = output_of("\tf()\n\t// Output:\n");
    REQUIRE(out);
    CHECK(out->lines.empty());
}

TEST_CASE("a trailing comment on the last statement does not hide the Output block", "[parser][output]") {
    auto out = output_of("\tfmt.Println(total / n) // BUG: integer division\n\t// Output:\n\t// average: 2.5\n");
    REQUIRE(out);
    REQUIRE(out->lines.size() == 1);
    CHECK(out->lines[0] == "average: 2.5");
}

TEST_CASE("only a comment group that ends main's body is an Output block", "[parser][output]") {
    // Statements after it.
    CHECK_FALSE(output_of("\t// Output:\n\t// 1\n\tf()\n"));
    // A blank line splits groups: the last group does not start with Output:.
    CHECK_FALSE(output_of("\tf()\n\t// Output:\n\n\t// 1\n"));
    // A comment trailing a statement is its own group.
    CHECK_FALSE(output_of("\tf() // Output:\n"));
    // Not in main.
    SourceFile src("t.go", "package main\nfunc helper() {\n\t// Output:\n\t// 1\n}\nfunc main() {}\n");
    CHECK_FALSE(parse_file(src)->expected_output);
    // After main's closing brace.
    CHECK_FALSE(output_of("\tf()\n", "// Output:\n// 1\n"));
    // No comment at all, and a comment that is prose.
    CHECK_FALSE(output_of("\tf()\n"));
    CHECK_FALSE(output_of("\tf()\n\t// Expected: 2, so there is\n\t// no Output block.\n"));
    // Earlier prose separated by a blank line does not matter.
    auto out = output_of("\t// note\n\n\tf()\n\t// Output:\n\t// ok\n");
    REQUIRE(out);
    CHECK(out->lines == std::vector<std::string>{"ok"});
}

TEST_CASE("directives reach the File", "[parser][output]") {
    SourceFile src("t.go",
                   "// Filename: x.go\npackage main\n//lockstep:expect data-race lost-update\n"
                   "//lockstep:bound goroutines=4\nfunc main() {}\n");
    auto file = parse_file(src);
    REQUIRE(file->directives.size() == 2);
    CHECK(file->directives[0].name == "expect");
    CHECK(file->directives[0].args == std::vector<std::string>{"data-race", "lost-update"});
    CHECK(file->directives[0].pos == Pos{3, 1});
    CHECK(file->directives[1].name == "bound");
}

TEST_CASE("testdata programs: shapes the checker relies on", "[parser]") {
    std::string dir = std::string(LOCKSTEP_SOURCE_DIR) + "/tests/lang/testdata/";
    SourceFile bank("bank_select.go", read_file(dir + "bank_select.go"));
    auto file = parse_file(bank);
    REQUIRE(file->expected_output);
    CHECK(file->expected_output->lines == std::vector<std::string>{"cannot withdraw 100", "deposits: 3 balance: 60"});
    CHECK(file->imports.size() == 1);
    CHECK(file->imports[0]->imports.size() == 4);
    CHECK(file->directives.at(0).args == std::vector<std::string>{"none"});

    SourceFile shapes("shapes_switch.go", read_file(dir + "shapes_switch.go"));
    file = parse_file(shapes);
    REQUIRE(file->expected_output);
    CHECK(file->expected_output->unordered);
    CHECK(file->expected_output->lines.size() == 5);
    // const ( _ = iota; KB = 1 << (10 * iota); MB ): iota is the spec's index in its group.
    GenDecl* sizes = nullptr;
    for (auto* d : file->decls)
        if (auto* g = d->as<GenDecl>(); g && g->decl == DeclKind::Const && g->values.size() == 3 &&
                                        g->values[1].names[0]->name == "KB")
            sizes = g;
    REQUIRE(sizes);
    CHECK(sizes->values[2].iota == 2);
    CHECK(sizes->values[2].values.empty());
    CHECK(dump(sizes->values[1].values[0]) == "(<< 1 (paren (* 10 iota)))");

    SourceFile once("once_pool_cond.go", read_file(dir + "once_pool_cond.go"));
    file = parse_file(once);
    REQUIRE(file->expected_output);
    CHECK(file->expected_output->lines.size() == 3);
}

TEST_CASE("every truncation of a program parses or is a diagnostic, never a crash", "[parser]") {
    std::string text = read_file(std::string(LOCKSTEP_SOURCE_DIR) + "/tests/lang/testdata/shapes_switch.go");
    int diagnostics = 0;
    for (size_t n = 0; n <= text.size(); n += 3) {
        SourceFile src("t.go", text.substr(0, n));
        try {
            parse_file(src);
        } catch (const DiagnosticError& e) {
            CHECK(e.diagnostics().front().pos.valid());
            ++diagnostics;
        }
    }
    CHECK(diagnostics > 0);
}
