// The sequential generator's statement kinds. Each statement is one block that declares
// everything it uses and prints what it computed, so functions are made of independent
// units (the minimizer removes any of them).
#include <functional>

#include "rng.hpp"
#include "sequential_program.hpp"
#include "sequential_values.hpp"

namespace lockstep::gen {

namespace {

std::string block(const std::string& body) { return "{\n" + body + "}"; }

std::string typed_int_arith(Rng& rng) {
    const IntType& t = random_int_type(rng);
    std::string T = t.name;
    std::string b = int_literal(rng, t), c = int_literal(rng, t);
    if (b == "0") b = "3";
    if (c == "0") c = "5";
    std::string body = "var a " + T + " = " + int_literal(rng, t) + "\nvar b " + T + " = " + b + "\nvar c " + T +
                       " = " + c + "\n_, _, _ = a, b, c\n";
    for (int i = rng.between(1, 3); i > 0; --i) {
        std::string e = int_expr(rng, rng.between(1, 3));
        if (rng.below(2)) body += "fmt.Println(" + e + ")\n";
        else body += "fmt.Printf(\"" + int_verb(rng) + "|\\n\", " + e + ")\n";
    }
    if (rng.percent(40)) body += "a += b\na <<= 3\nc--\nfmt.Println(a, b, c, a > b, a == c, b <= c)\n";
    return block(body);
}

std::string typed_float_arith(Rng& rng) {
    bool is32 = rng.below(2);
    std::string T = is32 ? "float32" : "float64";
    std::string body = "var a " + T + " = " + float_literal(rng, is32) + "\nvar b " + T + " = " + float_literal(rng, is32) +
                       "\nvar c " + T + " = " + float_literal(rng, is32) + "\n_, _, _ = a, b, c\n";
    for (int i = rng.between(1, 3); i > 0; --i) {
        std::string e = float_expr(rng, rng.between(1, 3));
        if (rng.below(2)) body += "fmt.Println(" + e + ")\n";
        else body += "fmt.Printf(\"" + float_verb(rng) + "|\\n\", " + e + ")\n";
    }
    if (rng.percent(30)) body += "zero := " + T + "(0)\nfmt.Println(a/zero, -a/zero, zero/zero, zero*-1, a < b)\n";
    return block(body);
}

std::string untyped_consts(Rng& rng) {
    std::string body;
    for (int i = rng.between(1, 3); i > 0; --i) {
        std::string e = const_expr(rng, rng.between(1, 3));
        switch (rng.below(5)) {
        case 0: body += "fmt.Println(" + e + ")\n"; break;
        case 1: body += "fmt.Printf(\"%v %T\\n\", " + e + ", " + e + ")\n"; break;
        case 2: body += "const k = " + e + "\nfmt.Println(k, float32(k), k * 2)\n"; break;
        case 3: body += "var f float32 = " + e + "\nfmt.Println(f, float64(f))\n"; break;
        default: body += "x := " + e + "\nfmt.Printf(\"%T %v\\n\", x, x)\n"; break;
        }
        body = block(body) + "\n";
    }
    static const std::vector<std::string> extras = {
        "const big = 1 << 100\nfmt.Println(big >> 98, big / (1 << 90))\n",
        "const h = len(\"héllo\")\nfmt.Println(h, 'a' + 1, string(rune('a' + 1)))\n",
        "fmt.Println(0.1+0.2, 0.1+0.2 == 0.3, 1/3.0, 7/2, 7/2.0, -0.0, 1e100/1e98)\n",
        "const c = iota\nconst (\nA = iota * 10\nB\nC\n)\nfmt.Println(c, A, B, C)\n",
        "fmt.Println(^0, ^uint8(0), -7/2, -7%3, 7>>1, -7>>1)\n",
        "x, y := 0.1, 0.2\nfmt.Println(x+y, float32(x)+float32(y))\n"};
    if (rng.percent(40)) body = block(body + rng.pick(extras));
    return "// untyped constants\n" + body;
}

std::string conversions(Rng& rng) {
    const IntType& from = random_int_type(rng);
    const IntType& to = random_int_type(rng);
    std::string body = std::string("var v ") + from.name + " = " + int_literal(rng, from) + "\n";
    body += std::string("w := ") + to.name + "(v)\nfmt.Printf(\"%v %T %v %T\\n\", v, v, w, w)\n";
    static const std::vector<std::string> extras = {
        "f := float64(v)\nfmt.Println(f, float32(f), f/3)\n",
        "s := []byte(\"h\\u00e9y\")\nr := []rune(\"h\\u00e9y\")\nfmt.Println(s, r, string(s[1:]), string(r[1]), len(s), len(r))\n",
        "fmt.Println(string(rune(65+v%3)), string(rune(-1)), string(rune(0x10FFFF+1)) == \"\\uFFFD\")\n",
        "g := 2.75\nh := -2.75\nfmt.Println(int(g), int(h), uint8(g), int32(float32(h)))\n",
        "n := Name(\"go\")\ns := string(n) + \"!\"\nfmt.Println(n, s, Celsius(float64(len(s))), []byte(n))\n",
        "fmt.Println(strconv.Itoa(int(v)%1000), strconv.Quote(\"a\\tb\"), strings.ToUpper(\"mIx\"))\n",
        "var i interface{} = v\n_, ok := i.(int)\nfmt.Println(ok, i)\n"};
    body += rng.pick(extras);
    return block(body);
}

std::string composites(Rng& rng) {
    static const std::vector<std::string> lits = {
        "p := Point{1, 2}\nq := Point{Y: 3}\npp := &q\npp.X = 9\nfmt.Println(p, q, p == q, *pp)\n",
        "a := [5]int{1, 2, 4: 9}\nb := a\nb[0] = 7\nfmt.Println(a, b, len(a), a == b)\n",
        "s := []string{2: \"c\", 0: \"a\"}\nt := append(s[:1], \"z\")\nfmt.Printf(\"%q %q %d %d\\n\", s, t, len(t), cap(s))\n",
        "m := map[string][]int{\"b\": {2}, \"a\": {1, 1}}\nm[\"c\"] = append(m[\"c\"], 3)\ndelete(m, \"b\")\nv, ok := m[\"b\"]\nfmt.Println(m, len(m), v, ok, v == nil)\n",
        "ps := []Point{{1, 2}, {X: 3}}\nps[1].Y = 5\nfmt.Printf(\"%v %+v\\n\", ps, ps)\n",
        "x := struct {\nA []int\nB map[int]bool\nC [2]string\n}{[]int{1}, map[int]bool{2: true}, [2]string{\"c\"}}\nfmt.Printf(\"%v %+v\\n\", x, x)\n",
        "arr := [...]Point{{1, 1}, {2, 2}}\nfor i, p := range arr {\narr[1].X = 100\nfmt.Println(i, p)\n}\nfmt.Println(arr)\n",
        "s := make([]int, 2, 5)\nt := s[1:4]\nt[2] = 8\nu := s[:cap(s)]\nfmt.Println(s, t, u, len(t), cap(t))\n",
        "nested := map[Point][]string{{1, 2}: {\"a\"}, {0, 0}: nil}\nfmt.Println(nested, len(nested[Point{1, 2}]))\n",
        "var pr Pair\npr.B = append(pr.B, 1, 2)\nfmt.Printf(\"%v %+v\\n\", pr, pr)\n",
        "s := []int{1, 2, 3, 4}\ncopy(s, s[1:])\nfmt.Println(s, s[len(s)-1:], s[:0])\n"};
    return block(rng.pick(lits));
}

std::string assignment_order(Rng& rng) {
    static const std::vector<std::string> forms = {
        "i := 0\ns := []int{1, 2, 3}\ni, s[i] = 2, 9\nfmt.Println(i, s)\n",
        "i := 1\ns := []int{1, 2, 3}\ns[i], i = 7, 0\nfmt.Println(i, s)\n",
        "a, b := 1, 2\na, b = b, a\nfmt.Println(a, b)\n",
        "x, y := side(\"x\", 1), side(\"y\", 2)\nfmt.Println(x + y)\n",
        "m := map[int]int{}\nm[side(\"k\", 1)] = side(\"v\", 2)\nfmt.Println(m)\n",
        "arr := [3]int{}\np := &arr\ni := 1\np[i], i = 5, 2\nfmt.Println(arr, i)\n",
        "s := []int{side(\"a\", 1), side(\"b\", 2), side(\"c\", 3)}\nfmt.Println(s, side(\"d\", 4)+side(\"e\", 5))\n",
        "x := 1\nf := func() int { x++; return x }\ny := []int{f(), f(), f()}\nfmt.Println(x, y)\n",
        "var p Point\np.X, p.Y = p.Y+1, p.X+2\nfmt.Println(p)\n",
        "a := []int{0, 1, 2}\nj := 0\nfor j = range a {\na[j] *= 10\n}\nfmt.Println(a, j)\n",
        "a := [3]int{1, 2, 3}\nfor i, v := range a {\na[2] = 10\nif i == 2 {\nfmt.Println(v)\n}\n}\n"};
    return block(rng.pick(forms));
}

std::string defer_recover(Rng& rng) {
    static const std::vector<std::string> triggers = {
        "panic(\"msg\")\n", "panic(fmt.Errorf(\"wrapped %d\", 3))\n", "panic(42)\n", "panic(&MyErr{9})\n",
        "var m map[string]int\nm[\"a\"] = 1\n", "s := []int{1}\ni := 5\n_ = s[i]\n",
        "a, b := 1, 0\n_ = a / b\n", "var p *Point\n_ = p.X\n", "var e interface{} = \"s\"\n_ = e.(int)\n",
        "var e interface{} = Point{}\n_ = e.(Shape)\n", "s := make([]int, 3)\nj := 1\n_ = s[2:j]\n",
        "", "panic(nil)\n", "ch := make(chan int)\nclose(ch)\nclose(ch)\n", "var arr [4]int\nk := -1 + len(arr) * 2\narr[k%8] = 1\n",
        "var f func()\nf()\n"};
    std::string t = rng.pick(triggers);
    std::string body = "f := func() (r int) {\n";
    body += rng.below(2) ? "defer func() {\nif e := recover(); e != nil {\nfmt.Printf(\"recovered %T: %v\\n\", e, e)\nr = -1\n}\n}()\n"
                         : "defer func() {\ne := recover()\nfmt.Println(\"recover:\", e)\nr += 100\n}()\n";
    if (rng.percent(50)) body += "for i := 0; i < 3; i++ {\ndefer fmt.Print(i, \" \")\n}\n";
    if (rng.percent(40)) body += "x := 1\ndefer fmt.Println(\"deferred x\", x)\nx = 2\n";
    body += "r = 5\n" + t + "return r + 1\n}\nfmt.Println(\"result\", f())\n";
    return block(body);
}

std::string fmt_values(Rng& rng) {
    std::string body;
    for (int i = rng.between(1, 4); i > 0; --i) {
        FmtValue v = random_value(rng);
        switch (rng.below(6)) {
        case 0: body += "fmt.Println(" + v.expr + ")\n"; break;
        case 1: {
            FmtValue w = random_value(rng);
            if (w.pointer) w = {"7", false};
            body += "fmt.Print(" + v.expr + ", " + w.expr + ", 1, 2, \"s\")\nfmt.Print(\"\\n\")\n";
            break;
        }
        case 2: body += "fmt.Printf(\"[%[2]v|%[1]v]\\n\", " + v.expr + ", 3)\n"; break;
        case 3: body += "fmt.Printf(\"%*d|%-*d|%.*f|%%\\n\", 5, 42, 4, 7, 2, 3.14159)\n"; break;
        default: body += "fmt.Printf(\"" + any_verb(rng, v.pointer) + ";\\n\", " + v.expr + ")\n"; break;
        }
    }
    static const std::vector<std::string> extras = {
        "fmt.Printf(\"%d %d\\n\", 1)\n", "fmt.Printf(\"%d\\n\", 1, 2)\n", "fmt.Printf(\"%!\\n\")\n",
        "fmt.Println(fmt.Sprint(\"a\", 1, 2, \"b\", 3.0), fmt.Sprintln(\"x\", 1))\n",
        "s := fmt.Sprintf(\"%6.2f|%-6d|%06d|%x|% x|%X\", 3.14159, 42, -42, \"hi\", []byte{1, 171}, \"hi\")\nfmt.Println(s, len(s))\n",
        "fmt.Printf(\"%t %v %08.3f %+.2e %q %v\\n\", true, nil, -3.5, 12345.678, 'x', 'x')\n"};
    if (rng.percent(30)) body += rng.pick(extras);
    return block(body);
}

std::string control(Rng& rng) {
    static const std::vector<std::string> forms = {
        "for i := 0; i < 6; i++ {\nswitch {\ncase i%3 == 0:\nfmt.Print(\"fizz\")\nfallthrough\ncase i == 4:\nfmt.Print(\"!\")\ndefault:\nfmt.Print(i)\n}\n}\nfmt.Println()\n",
        "outer:\nfor i := 0; i < 3; i++ {\nfor j := 0; j < 3; j++ {\nif j == 2 {\ncontinue outer\n}\nif i == 2 {\nbreak outer\n}\nfmt.Print(i, j, \";\")\n}\n}\nfmt.Println()\n",
        "s := \"h\\u00e9\\u4e16!\"\nfor i, r := range s {\nfmt.Print(i, \":\", string(r), \" \")\n}\nfmt.Println(len(s), s[1], s[1:3])\n",
        "var sh Shape = Rect{2, 3}\nswitch v := sh.(type) {\ncase Rect:\nfmt.Println(\"rect\", v.W, v.Area())\ndefault:\nfmt.Println(\"other\")\n}\n",
        "fs := []func() int{}\nfor i := 0; i < 3; i++ {\nfs = append(fs, func() int { return i * 10 })\n}\nfor _, f := range fs {\nfmt.Print(f(), \" \")\n}\nfmt.Println()\n",
        "var e error = &MyErr{1}\nvar me *MyErr\nfmt.Println(e, e != nil, me == nil, errors.Unwrap(fmt.Errorf(\"w %w\", e)) == e)\n",
        "t := Temp{5}\nt.Inc()\npt := &t\npt.Inc()\nfmt.Println(t, t.Get(), pt.Get(), Temp.Get(t))\n"};
    return block(rng.pick(forms));
}

using Kind = std::function<std::string(Rng&)>;

}  // namespace

SequentialProgram generate_sequential(uint64_t seed, int functions, const SeqExclusions& exclusions) {
    static const std::vector<Kind> kinds = {typed_int_arith, typed_float_arith, untyped_consts, conversions,
                                            composites,      assignment_order,  defer_recover,  fmt_values,
                                            control};
    Rng rng(seed);
    SequentialProgram p;
    p.seed = seed;
    for (int f = 0; f < functions; ++f) {
        SeqFunction fn;
        for (int i = rng.between(2, 5); i > 0; --i) {
            std::string stmt;
            do stmt = rng.pick(kinds)(rng);
            while (!exclusions.allows(stmt));
            fn.stmts.push_back(stmt);
        }
        p.functions.push_back(std::move(fn));
    }
    return p;
}

}  // namespace lockstep::gen
