// PrintOrder: the outputs one execution stands for, as the orders of its prints.
#include <catch2/catch.hpp>

#include "checker/execution.hpp"
#include "checker/print_order.hpp"
#include "checker/schedule_token.hpp"
#include "checker/trace_builder.hpp"
#include "scripted_program.hpp"

using namespace lockstep;
using namespace lockstep::test;
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

// Runs the default schedule (the one `lockstep run` takes) of p to its end.
void run_default(checker::Execution& exec) {
    exec.start();
    while (exec.running() && !exec.enabled_list().empty()) exec.step(checker::default_choice(exec));
    if (exec.running()) exec.finish_stuck();
}

std::string expected_text(const lang::ExpectedOutput& want) {
    std::string joined;
    for (const auto& l : want.lines) joined += l + "\n";
    return checker::normalize_output(joined, false);
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

TEST_CASE("an ordered Output block gets a schedule that prints the unordered prints the other way", "[checker][print-order]") {
    // main waits for two workers that print "a" and "b", then prints "end".
    std::vector<Script> s = {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1), print("end")}},
                             {"a", {print("a"), wg_done(1)}},
                             {"b", {print("b"), wg_done(1)}}};
    ScriptedProgram p(s);
    lang::ExpectedOutput want;
    want.lines = {"a", "b", "end"};
    checker::ExecutionConfig config;
    config.expected_output = &want;
    checker::Execution exec(p, config);
    run_default(exec);
    REQUIRE(exec.end() == checker::EndKind::Exit);
    REQUIRE(std::string(exec.output()) == "a\nb\nend\n");
    CHECK(exec.bugs().empty());
    PrintOrder order = checker::print_order(exec, "");
    CHECK(order.orders() == 2);
    auto schedules = checker::print_reorders(exec, order, expected_text(want), 4);
    REQUIRE(schedules.size() == 1);
    REQUIRE(schedules[0].size() == exec.steps().size());
    // Replayed, it prints b first, and the execution reports the mismatch itself.
    REQUIRE(checker::run_choices(exec, schedules[0]));
    CHECK(std::string(exec.output()) == "b\na\nend\n");
    REQUIRE(exec.bugs().size() == 1);
    CHECK(exec.bugs()[0].kind == checker::BugKind::OutputMismatch);
    CHECK(order.admits(std::string(exec.output())));
}

TEST_CASE("prints ordered through a channel, or of the same text, need no other schedule", "[checker][print-order]") {
    lang::ExpectedOutput want;
    checker::ExecutionConfig config;
    config.expected_output = &want;
    SECTION("a hand-off on an unbuffered channel orders the prints") {
        std::vector<Script> s = {{"main", {wg_add(1, 2), go(1), go(2), wg_wait(1)}},
                                 {"a", {print("a"), send(0, -1, 1), wg_done(1)}},
                                 {"b", {recv(0, 0), print("b"), wg_done(1)}}};
        ScriptedProgram p(s, 4, {0});
        want.lines = {"a", "b"};
        checker::Execution exec(p, config);
        run_default(exec);
        REQUIRE(std::string(exec.output()) == "a\nb\n");
        PrintOrder order = checker::print_order(exec, "");
        CHECK(order.orders() == 1);
        CHECK(checker::print_reorders(exec, order, expected_text(want), 4).empty());
    }
    SECTION("two unordered prints of the same text print the same either way") {
        std::vector<Script> s = {{"main", {wg_add(1, 2), go(1), go(1), wg_wait(1)}}, {"w", {print("w"), wg_done(1)}}};
        ScriptedProgram p(s);
        want.lines = {"w", "w"};
        checker::Execution exec(p, config);
        run_default(exec);
        PrintOrder order = checker::print_order(exec, "");
        CHECK(order.orders() == 2);
        CHECK(checker::print_reorders(exec, order, expected_text(want), 4).empty());
    }
}
