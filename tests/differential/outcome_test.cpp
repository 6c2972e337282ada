// The normalization the differential test relies on: Go's stderr reduced to its crash line,
// lockstep's outcomes brought to the same form, crash messages mapped to bug kinds, and
// Output blocks read as go test reads them.
#include <catch2/catch.hpp>

#include "expected_output.hpp"
#include "outcome.hpp"

using namespace lockstep::differential;

TEST_CASE("Go's crash line is the first panic or fatal error line of stderr", "[differential][outcome]") {
    CHECK(go_crash_line("panic: overdrawn: balance -60\n\ngoroutine 6 [running]:\nmain.main.func1()\n") ==
          "panic: overdrawn: balance -60");
    CHECK(go_crash_line("fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [semacquire]:\n") ==
          "fatal error: all goroutines are asleep - deadlock!");
    // The race detector's report and runtime preambles come first and are skipped.
    CHECK(go_crash_line("==================\nWARNING: DATA RACE\nWrite at 0x00c0000a0018 by goroutine 7:\n"
                        "==================\nfatal error: concurrent map writes\n") ==
          "fatal error: concurrent map writes");
    CHECK(go_crash_line("runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: sp=0xc020160388\n"
                        "fatal error: stack overflow\n\nruntime stack:\n") == "fatal error: stack overflow");
    CHECK(go_crash_line("WARNING: DATA RACE\nFound 1 data race(s)\n") == "");
    CHECK(go_crash_line("") == "");
}

TEST_CASE("both sides' outcomes are normalized alike", "[differential][outcome]") {
    // stdout, then the crash line, exactly as lockstep appends its crash text.
    CHECK(go_outcome("Final count: 1\n", "panic: boom\n\ngoroutine 1 [running]:\n") == "Final count: 1\npanic: boom");
    CHECK(go_outcome("Final count: 2\n", "") == "Final count: 2\n");
    CHECK(normalize_outcome("Final count: 1\npanic: boom") == "Final count: 1\npanic: boom");
    // Only the first line of a multi-line panic value (Go prints it whole, then the dump).
    CHECK(normalize_outcome("x\npanic: line one\nline two") == "x\npanic: line one");
    CHECK(go_outcome("x\n", "panic: line one\nline two\n\ngoroutine 1 [running]:\n") == "x\npanic: line one");
    // A re-panicked value is marked [recovered] by Go.
    CHECK(normalize_outcome("panic: first [recovered]") == "panic: first");
    // Addresses differ from run to run.
    CHECK(normalize_outcome("panic: (*main.T) 0xc000012345") == "panic: (*main.T) 0x?");
    CHECK(normalize_outcome("at 0xc000012345\n") == "at 0xc000012345\n");  // stdout is left alone
    // The crash is the last line-start message: the program may print the word itself.
    CHECK(crash_of(normalize_outcome("panic: recovered earlier\nfatal error: sync: unlock of unlocked mutex")) ==
          "fatal error: sync: unlock of unlocked mutex");
    CHECK(crash_of("Final count: 2\n") == "");
}

TEST_CASE("each of Go's crash messages names the lockstep kinds that must be reported", "[differential][outcome]") {
    using V = std::vector<std::string>;
    CHECK(kinds_for_crash("fatal error: all goroutines are asleep - deadlock!") == V{"deadlock", "recursive-lock"});
    CHECK(kinds_for_crash("fatal error: sync: unlock of unlocked mutex") == V{"unlock-of-unlocked"});
    CHECK(kinds_for_crash("fatal error: sync: Unlock of unlocked RWMutex") == V{"unlock-of-unlocked"});
    CHECK(kinds_for_crash("fatal error: sync: RUnlock of unlocked RWMutex") == V{"unlock-of-unlocked"});
    CHECK(kinds_for_crash("panic: sync: negative WaitGroup counter") == V{"negative-waitgroup"});
    CHECK(kinds_for_crash("panic: sync: WaitGroup misuse: Add called concurrently with Wait") == V{"waitgroup-misuse"});
    CHECK(kinds_for_crash("panic: sync: WaitGroup is reused before previous Wait has returned") == V{"waitgroup-misuse"});
    CHECK(kinds_for_crash("fatal error: concurrent map writes") == V{"concurrent-map-access"});
    CHECK(kinds_for_crash("fatal error: concurrent map read and map write") == V{"concurrent-map-access"});
    CHECK(kinds_for_crash("panic: assignment to entry in nil map") == V{"panic"});
    CHECK(kinds_for_crash("fatal error: stack overflow") == V{"panic"});
    CHECK(kinds_for_crash("").empty());
}

TEST_CASE("the Output block is read and compared as go test compares examples", "[differential][outcome]") {
    const char* ordered = "func main() {\n\tfmt.Println(\"a\")\n\t// Output:\n\t// a\n\t// b\n}\n";
    auto want = read_expected_output(ordered);
    REQUIRE(want);
    CHECK_FALSE(want->unordered);
    CHECK(output_matches(*want, "a\nb\n"));
    CHECK(output_matches(*want, "\na\nb  \n\n"));
    CHECK_FALSE(output_matches(*want, "b\na\n"));
    CHECK_FALSE(output_matches(*want, "a\n"));

    auto unordered = read_expected_output("\t// Unordered output:\n\t// a\n\t// b\n}\n");
    REQUIRE(unordered);
    CHECK(unordered->unordered);
    CHECK(output_matches(*unordered, "b\na\n"));
    CHECK_FALSE(output_matches(*unordered, "b\nb\n"));

    CHECK_FALSE(read_expected_output("package main\nfunc main() {}\n"));
    // Text on the marker's own line is the first line of output.
    auto inline_text = read_expected_output("\t// Output: done\n}\n");
    REQUIRE(inline_text);
    CHECK(output_matches(*inline_text, "done\n"));
}

TEST_CASE("failure messages quote outcomes on one line", "[differential][outcome]") {
    CHECK(literal("Final count: 1\n") == "\"Final count: 1\\n\"");
    CHECK(literal("a\t\"b\"\\") == "\"a\\t\\\"b\\\"\\\\\"");
}

TEST_CASE("outcomes compare by their lines when lockstep lets prints commute", "[differential][outcome]") {
    CHECK(lines_sorted("second\nfirst\n") == lines_sorted("first\nsecond\n"));
    CHECK(lines_sorted("b\na\npanic: boom") == "a\nb\npanic: boom");
    CHECK(lines_sorted("b\na") == "a\nb\n");
    CHECK(lines_sorted("x\nx\n") != lines_sorted("x\n"));  // a multiset: a lost line counts
    CHECK(lines_sorted("") == "");
}
