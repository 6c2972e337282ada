// The text report: golden renderings of a lost update, a deadlock and a clean run, and the
// properties that must hold whatever the layout (verdict lines, elision, color, width).
#include <catch2/catch.hpp>

#include "golden.hpp"
#include "reports/style.hpp"
#include "reports/swimlanes.hpp"
#include "reports/text_report.hpp"
#include "sample_results.hpp"

using namespace lockstep;
using namespace lockstep::reports;
using namespace lockstep::reports::testing;

namespace {
TextOptions plain() { return TextOptions{false, false, 100, 40}; }
TextOptions fancy() { return TextOptions{true, true, 100, 40}; }

size_t max_line_width(const std::string& text) {
    size_t best = 0, start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        best = std::max(best, display_width(std::string_view(text).substr(start, nl - start)));
        start = nl + 1;
    }
    return best;
}
}  // namespace

TEST_CASE("text report of a lost update matches its golden file", "[reports][text]") {
    std::string text = render_text({lost_update_result()}, plain());
    CHECK(text == golden("lost_update.txt", text));
}

TEST_CASE("text report of a deadlock matches its golden file", "[reports][text]") {
    std::string text = render_text({deadlock_result()}, plain());
    CHECK(text == golden("deadlock.txt", text));
}

TEST_CASE("text report of several scenarios ends with a summary", "[reports][text]") {
    std::string text = render_text({verified_result(), bounded_result(), mismatch_result()}, plain());
    CHECK(text == golden("summary.txt", text));
    CHECK(text.find("checked 3 scenarios: 1 verified, 1 no bug within bounds, 1 bug; expectations: 1 ok, 1 MISMATCH") != std::string::npos);
}

TEST_CASE("colored UTF-8 text report matches its golden file", "[reports][text]") {
    std::string text = render_text({lost_update_result()}, fancy());
    CHECK(text == golden("lost_update.color.txt", text));
    CHECK(text.find("\x1b[1;31merror") != std::string::npos);  // bold red severity
    CHECK(text.find("▶") != std::string::npos);
}

TEST_CASE("plain text report is pure ASCII without escape codes", "[reports][text]") {
    std::string text = render_text({lost_update_result(), deadlock_result(), long_trace_result()}, plain());
    for (char c : text) {
        INFO("byte " << static_cast<int>(static_cast<unsigned char>(c)));
        REQUIRE(static_cast<unsigned char>(c) < 0x80);
        REQUIRE(c != '\x1b');
    }
}

TEST_CASE("verdict lines say what was proved", "[reports][text]") {
    CHECK(render_verdict_text(verified_result(), plain()) ==
          "scenarios/chapter3/safe_counter.go: verified (dpor, 90 executions, 0.01s)\n  expected none: ok\n");
    // A bounded run names the bound, how far it got, and the flag that goes further.
    CHECK(render_verdict_text(bounded_result(), plain()) ==
          "scenarios/chapter3/unsafe_counter_1000.go: no bug within bounds (random, 5000 executions, 60.00s)\n"
          "  stopped by the time budget after 5000 executions (60.00s), before the whole space was explored;\n"
          "  give it longer with --time-budget 10m\n");
    CHECK(render_verdict_text(mismatch_result(), plain()) ==
          "tests/scenarios/mismatch.go: bug: deadlock (dpor, 1 execution, 0.00s)\n"
          "  MISMATCH: expected goroutine-leak, found deadlock\n");
    auto noted = verified_result();
    noted.bugs = lost_update_result().bugs;
    noted.bugs.resize(1);
    noted.bugs[0].kind_index = static_cast<uint32_t>(checker::BugKind::LockHeldBlocking);
    noted.bugs[0].severity = checker::Severity::Note;
    noted.expected.reset();
    TextOptions wide = plain();
    wide.width = 120;
    CHECK(render_verdict_text(noted, wide) ==
          "scenarios/chapter3/safe_counter.go: verified (dpor, 90 executions, 0.01s); reported: lock-held-blocking\n");
    // Past the width, the reported kinds go on a line of their own.
    CHECK(render_verdict_text(noted, plain()) ==
          "scenarios/chapter3/safe_counter.go: verified (dpor, 90 executions, 0.01s)\n  reported: lock-held-blocking\n");
    checker::ScenarioResult err;
    err.file = "bad.go";
    err.verdict = checker::Verdict::Error;
    err.error = "bad.go:3:1: syntax error: unexpected }\n\t}\n\t^\n";
    CHECK(render_verdict_text(err, plain()) == "bad.go: error: bad.go:3:1: syntax error: unexpected }\n");
}

TEST_CASE("a bug names its goroutines, replay command and help", "[reports][text]") {
    std::string text = render_scenario_text(lost_update_result(), plain());
    CHECK(text.find("error: lost-update on counter.value") != std::string::npos);
    CHECK(text.find("--> scenarios/chapter3/unsafe_counter.go:23:2") != std::string::npos);
    CHECK(text.find("goroutines 2 and 3 (main.func1) created at unsafe_counter.go:36:3") != std::string::npos);
    CHECK(text.find("G1 main") != std::string::npos);
    CHECK(text.find("G2 main.func1") != std::string::npos);
    CHECK(text.find("lockstep replay scenarios/chapter3/unsafe_counter.go --schedule AQIDBAUG") != std::string::npos);
    CHECK(text.find("help: make the read-modify-write one critical section") != std::string::npos);
    CHECK(text.find("<- lost: overwrites G2's write at step 7") != std::string::npos);
    CHECK(text.find("| Final count: 1") != std::string::npos);
}

TEST_CASE("long traces are elided in the middle but keep decisive steps", "[reports][text]") {
    auto result = long_trace_result();
    std::string text = render_scenario_text(result, plain());
    CHECK(text.find("... ") != std::string::npos);
    CHECK(text.find(" steps ...") != std::string::npos);
    CHECK(text.find(">>  30") != std::string::npos);     // the decisive step
    CHECK(text.find("x = 29") != std::string::npos);     // its neighbours
    CHECK(text.find("x = 31") != std::string::npos);
    CHECK(text.find("x = 15") == std::string::npos);     // elided
    CHECK(text.find("x = 60") != std::string::npos);     // the end
    TextOptions all = plain();
    all.max_trace_rows = 0;
    std::string full = render_scenario_text(result, all);
    CHECK(full.find(" steps ...") == std::string::npos);
    CHECK(full.find("x = 15") != std::string::npos);
}

TEST_CASE("swimlanes fit in the terminal width", "[reports][text]") {
    for (size_t width : {80u, 100u}) {
        // Only the replay command and the verdict line may be longer: they are copied whole.
        SwimlaneOptions o;
        o.width = width;
        for (const auto& r : {lost_update_result(), deadlock_result(), long_trace_result()})
            for (const auto& bug : r.bugs) CHECK(max_line_width(render_swimlanes(bug.trace, bug.goroutines, Style(false, true), o)) <= width);
    }
}

TEST_CASE("each operation sits in its goroutine's lane", "[reports][text]") {
    std::string lanes = render_swimlanes(lost_update_result().bugs[0].trace, lost_update_result().bugs[0].goroutines,
                                         Style(false, false), SwimlaneOptions{});
    auto column_of = [&](const std::string& needle) {
        size_t at = lanes.find(needle);
        REQUIRE(at != std::string::npos);
        size_t line_start = lanes.rfind('\n', at);
        return at - (line_start == std::string::npos ? 0 : line_start + 1);
    };
    size_t g1 = column_of("G1 main"), g2 = column_of("G2 main.func1"), g3 = column_of("G3 main.func1");
    CHECK(g1 < g2);
    CHECK(g2 < g3);
    CHECK(column_of("Add wg = 1") == g1);
    CHECK(column_of("read counter.value = 0") == g2);
    CHECK(column_of("write counter.value = 1") == g2);  // first occurrence: step 7 by G2
}

TEST_CASE("lane headers drop the main package prefix", "[reports][text]") {
    CHECK(lane_header(1, "main") == "G1 main");
    CHECK(lane_header(2, "main.main.func1") == "G2 main.func1");
    CHECK(lane_header(3, "main.(*Counter).Increment") == "G3 (*Counter).Increment");
    CHECK(lane_header(4, "") == "G4");
}

TEST_CASE("width helpers count code points", "[reports][text]") {
    CHECK(display_width("▶ x") == 3);
    CHECK(truncate_to("abcdefgh", 5, "~") == "abcd~");
    CHECK(truncate_to("abc", 5, "~") == "abc");
    CHECK(pad_to("▶", 3) == "▶  ");
}

TEST_CASE("a static finding has no output, trace or replay sections", "[reports][text]") {
    checker::Bug b;
    b.kind_index = static_cast<uint32_t>(checker::BugKind::CopiedLock);
    b.severity = checker::Severity::Warning;
    b.message = "broken passes lock by value: main.Counter contains sync.Mutex";
    b.location = checker::Location{"copy_mutex.go", 31, 15};
    std::string text = render_bug_text(b, "copy_mutex.go", "main", plain());
    CHECK(text == "warning[copied-lock]: broken passes lock by value: main.Counter contains sync.Mutex\n"
                  "  --> copy_mutex.go:31:15\n"
                  "  help: pass values containing locks by pointer (*T), never by value\n");
}
