// append, copy and []byte -> string conversions are visible accesses to the slice
// elements they touch (one per operand slice, on its first element), so a race between
// an append to a shared backing array and a reader of that element is observable.
#include <catch2/catch.hpp>

#include "tests/vm/run_go.hpp"

using namespace lockstep::vm;
using namespace lockstep::vm::test;

namespace {

struct Access {
    OpKind kind;
    uint32_t cell;
    std::string expr;
};

std::vector<Access> accesses(const std::string& src, std::string* output = nullptr) {
    Compiled c = compile_source(src);
    Machine m(c.module);
    RunResult r = run_lowest_first(m);
    if (output) *output = r.output;
    std::vector<Access> out;
    for (const Operation& op : r.trace)
        if (op.kind == OpKind::Load || op.kind == OpKind::Store) out.push_back({op.kind, op.object, m.site(op.site).expr});
    return out;
}

const Access* find(const std::vector<Access>& as, OpKind kind, const std::string& expr) {
    for (const Access& a : as)
        if (a.kind == kind && a.expr == expr) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("append in place stores the first new element; a reader of it names the same cell", "[vm][visible]") {
    auto as = accesses(R"(package main

func main() {
	s := make([]int, 0, 4)
	p := &s
	t := append(*p, 7)
	_ = t[0]
}
)");
    const Access* app = find(as, OpKind::Store, "append(*p, 7)");
    const Access* read = find(as, OpKind::Load, "t[0]");
    REQUIRE(app);
    REQUIRE(read);
    CHECK(app->cell == read->cell);
}

TEST_CASE("a growing append reads the old first element; copy reads src[0] and writes dst[0]", "[vm][visible]") {
    std::string out;
    auto as = accesses(R"(package main

import "fmt"

func main() {
	a := []int{1, 2}
	b := append(a, 3)
	d := make([]int, 2)
	n := copy(d, b)
	bs := []byte("hi")
	fmt.Println(n, d, string(bs))
}
)",
                       &out);
    CHECK(out == "2 [1 2] hi\n");
    const Access* grow = find(as, OpKind::Load, "append(a, 3)");
    const Access* csrc = find(as, OpKind::Load, "copy(d, b)");
    const Access* cdst = find(as, OpKind::Store, "copy(d, b)");
    const Access* conv = find(as, OpKind::Load, "string(...)");
    REQUIRE(grow);
    REQUIRE(csrc);
    REQUIRE(cdst);
    REQUIRE(conv);
    CHECK(csrc->cell != cdst->cell);
}

TEST_CASE("copy from a string into a byte slice", "[vm][builtins]") {
    // go run prints: 3 [104 195 169] h
    RunResult r = run_go(R"(package main

import "fmt"

func main() {
	dst := make([]byte, 3)
	n := copy(dst, "héllo")
	fmt.Println(n, dst, string(dst[:1]))
	m := copy(dst, "")
	fmt.Println(m)
}
)");
    CHECK(r.output == "3 [104 195 169] h\n0\n");
}
