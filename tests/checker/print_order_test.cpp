// PrintOrder: the outputs one execution stands for, as the orders of its prints.
#include <catch2/catch.hpp>

#include "checker/print_order.hpp"

using lockstep::checker::PrintOrder;

namespace {

// prints[i] must follow the prints listed in after[i].
PrintOrder order(std::vector<std::string> texts, std::vector<std::vector<size_t>> after, std::string tail = "") {
    PrintOrder o;
    for (size_t i = 0; i < texts.size(); ++i) {
        PrintOrder::Print p;
        p.text = texts[i];
        for (size_t k : after[i]) {
            if (k / 64 >= p.after.size()) p.after.resize(k / 64 + 1, 0);
            p.after[k / 64] |= uint64_t{1} << (k % 64);
        }
        o.prints.push_back(p);
    }
    o.tail = std::move(tail);
    return o;
}

}  // namespace

TEST_CASE("two unordered prints stand for both orders", "[checker][print-order]") {
    PrintOrder o = order({"a\n", "b\n"}, {{}, {}});
    CHECK(o.representative() == "a\nb\n");
    CHECK(o.orders() == 2);
    CHECK(o.admits("a\nb\n"));
    CHECK(o.admits("b\na\n"));
    CHECK_FALSE(o.admits("a\na\n"));
    CHECK_FALSE(o.admits("a\n"));
}

TEST_CASE("ordered prints stand for one order, and the crash line stays last", "[checker][print-order]") {
    PrintOrder o = order({"a\n", "b\n", "c\n"}, {{}, {0}, {}}, "panic: boom");
    CHECK(o.orders() == 3);
    CHECK(o.admits("a\nb\nc\npanic: boom"));
    CHECK(o.admits("c\na\nb\npanic: boom"));
    CHECK(o.admits("a\nc\nb\npanic: boom"));
    CHECK_FALSE(o.admits("b\na\nc\npanic: boom"));
    CHECK_FALSE(o.admits("a\nb\nc\n"));
}

TEST_CASE("ten independent prints are 10! orders, decided without enumerating them", "[checker][print-order]") {
    std::vector<std::string> texts;
    std::vector<std::vector<size_t>> after;
    for (int i = 0; i < 10; ++i) {
        texts.push_back(std::to_string(i) + "\n");
        after.push_back({});
    }
    PrintOrder o = order(texts, after);
    CHECK(o.orders() == 3628800);
    CHECK(o.admits("9\n8\n7\n6\n5\n4\n3\n2\n1\n0\n"));
    CHECK_FALSE(o.admits("9\n8\n7\n6\n5\n4\n3\n2\n1\n1\n"));
}
