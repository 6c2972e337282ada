// The report flags end to end: short replay tokens (deviations only) that replay,
// old/unknown token versions rejected clearly, --save-trace, --full-trace, the formats
// through -o, and Ctrl-C: exit 130 with the partial result and "interrupted".
#include <catch2/catch.hpp>

#include <regex>

#include <nlohmann/json.hpp>

#include "run_binary.hpp"

using namespace lockstep::cli::testing;
using nlohmann::json;

namespace {

// Two goroutines write under a mutex forever: a livelock at --max-steps (100,000 steps)
// that a fair continuation does not end either (a loop that only polls `done` would be
// await-blocked: a deadlock).
constexpr const char* livelock = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	done := false
	n := 0
	go func() {
		for {
			mu.Lock()
			if done {
				mu.Unlock()
				return
			}
			n++
			mu.Unlock()
		}
	}()
	for {
		mu.Lock()
		d := done
		n++
		mu.Unlock()
		if d {
			break
		}
	}
	fmt.Println("never", n)
}
)";

// Nine goroutines each lock and unlock one mutex: far too many interleavings to finish
// in a test, no bug in any of them.
constexpr const char* many_interleavings = R"(package main

import "sync"

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 9; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	_ = n
}
)";

std::string token_in(const std::string& report) {
    std::smatch m;
    if (std::regex_search(report, m, std::regex(R"(--schedule (\S+))"))) return m[1];
    return "";
}

}  // namespace

TEST_CASE("a 100,000-step livelock's token is short and replays it", "[cli][replay][token]") {
    std::string file = write_temp("reports/livelock.go", livelock);
    auto ran = run_lockstep("check --no-progress " + shell_quote(file));
    CHECK(ran.code == 1);
    CHECK(ran.out.find("livelock") != std::string::npos);
    CHECK(ran.out.find("counterexample (100000 steps)") != std::string::npos);
    std::string token = token_in(ran.out);
    REQUIRE_FALSE(token.empty());
    CHECK(token.rfind("2.", 0) == 0);
    CHECK(token.size() <= 300);
    auto again = run_lockstep("replay --format json " + shell_quote(file) + " --schedule " + token);
    CHECK(again.code == 1);
    json doc = json::parse(again.out);
    REQUIRE(doc["scenarios"][0]["bugs"].size() >= 1);
    CHECK(doc["scenarios"][0]["bugs"][0]["kind"] == "livelock");
    CHECK(doc["scenarios"][0]["bugs"][0]["trace"].size() == 100000);
    CHECK(doc["scenarios"][0]["bugs"][0]["schedule"] == token);
}

TEST_CASE("the 1000-goroutine counter's tokens are a few characters and replay the lost update", "[cli][replay][token]") {
    std::string file = std::string(LOCKSTEP_SOURCE_DIR) + "/scenarios/chapter3/unsafe_counter_1000.go";
    auto ran = run_lockstep("check --no-progress --format json " + shell_quote(file));
    json doc = json::parse(ran.out);
    for (const auto& bug : doc["scenarios"][0]["bugs"]) {
        std::string token = bug["schedule"];
        INFO(token);
        CHECK(token.size() <= 40);
        if (bug["kind"] != "lost-update") continue;
        auto again = run_lockstep("replay " + shell_quote(file) + " --schedule " + token);
        CHECK(again.out.find("lost-update on c.value") != std::string::npos);
        CHECK(again.out.find("Final count: 999") != std::string::npos);
    }
}

TEST_CASE("tokens of an unknown version are rejected with a clear error", "[cli][replay][token]") {
    std::string file = write_temp("reports/livelock2.go", livelock);
    auto ran = run_lockstep("replay " + shell_quote(file) + " --schedule 7.AAAA");
    CHECK(ran.code == 2);
    CHECK(ran.err.find("unknown version \"7\"") != std::string::npos);
    CHECK(ran.err.find("run lockstep check again") != std::string::npos);
    auto junk = run_lockstep("replay " + shell_quote(file) + " --schedule 'not a token'");
    CHECK(junk.code == 2);
    CHECK(junk.err.find("malformed schedule token") != std::string::npos);
}

namespace {
const char* locked_counter_4x3 = R"(package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				mu.Lock()
				n++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
)";
}  // namespace

TEST_CASE("a bounded run says how many preemptions it covered for certain", "[cli][report][bounds]") {
    std::string file = write_temp("reports/locked_counter_4x3.go", locked_counter_4x3);
    auto text = run_lockstep("check --no-progress --executions 100 " + shell_quote(file));
    CHECK(text.code == 0);
    CHECK(text.out.find("no bug within bounds") != std::string::npos);
    std::string flat;  // the explanation is wrapped to the width
    for (char c : text.out) {
        if (c == '\n') continue;
        if (c == ' ' && !flat.empty() && flat.back() == ' ') continue;
        flat += c;
    }
    CHECK(flat.find("every schedule with at most") != std::string::npos);
    auto doc = json::parse(run_lockstep("check --no-progress --executions 100 --format json " + shell_quote(file)).out);
    const auto& stats = doc["scenarios"][0]["stats"];
    CHECK(doc["scenarios"][0]["verdict"] == "bounded");
    REQUIRE(stats.contains("covered_preemptions"));
    // Locks taken in program order by one goroutine after another need no preemption;
    // the exact bounded search gets at least one further.
    CHECK(stats["covered_preemptions"].get<int>() >= 1);
    // A space the exact search finishes is verified, by the search that finished it.
    std::string small = write_temp("reports/two_lockers.go", R"(package main

import "sync"

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			mu.Unlock()
		}()
	}
	wg.Wait()
}
)");
    auto s = json::parse(run_lockstep("check --no-progress --executions 1 --format json " + shell_quote(small)).out)["scenarios"][0];
    CHECK(s["verdict"] == "verified");
    CHECK(s["stats"]["strategy"] == "naive");
    CHECK(s["stats"]["complete"] == true);
}

TEST_CASE("the JSON report folds the goroutines not involved, as the text report does", "[cli][report]") {
    std::string file = std::string(LOCKSTEP_SOURCE_DIR) + "/scenarios/chapter3/unsafe_counter_1000.go";
    auto folded = run_lockstep("check --no-progress --format json " + shell_quote(file));
    auto full = run_lockstep("check --no-progress --format json --full-trace " + shell_quote(file));
    CHECK(folded.code == 0);
    CHECK(full.code == 0);
    json fdoc = json::parse(folded.out), udoc = json::parse(full.out);
    const auto& fbugs = fdoc["scenarios"][0]["bugs"];
    const auto& ubugs = udoc["scenarios"][0]["bugs"];
    REQUIRE(fbugs.size() == 2);
    REQUIRE(ubugs.size() == 2);
    for (size_t b = 0; b < 2; ++b) {
        const auto& f = fbugs[b];
        CHECK(f["trace_steps"] == 5004);
        CHECK(f["lanes"].size() <= 3);
        size_t folded_goroutines = 0, folded_steps = 0;
        for (const auto& g : f["folded"]) {
            folded_goroutines += g["goroutines"].get<size_t>();
            folded_steps += g["steps"].get<size_t>();
            size_t in_ranges = 0;
            for (const auto& r : g["ids"]) in_ranges += r[1].get<size_t>() - r[0].get<size_t>() + 1;
            CHECK(in_ranges == g["goroutines"].get<size_t>());
        }
        // Every goroutine is either shown or folded, and every step is either listed or counted.
        CHECK(f["lanes"].size() + folded_goroutines == 1001);
        CHECK(f["trace"].size() + folded_steps == 5004);
        for (const auto& s : f["trace"]) {
            bool shown = false;
            for (const auto& l : f["lanes"]) shown |= l["id"] == s["goroutine"];
            CHECK(shown);
        }
        const auto& u = ubugs[b];
        CHECK(u["trace"].size() == 5004);
        CHECK(u["lanes"].size() == 1001);
        CHECK(u["folded"].empty());
    }
    CHECK(folded.out.size() * 20 < full.out.size());
}

TEST_CASE("--save-trace writes every bug's full trace as JSON", "[cli][report]") {
    std::string file = std::string(LOCKSTEP_SOURCE_DIR) + "/scenarios/chapter3/unsafe_counter_1000.go";
    std::string out = temp_dir() + "/trace.json";
    auto ran = run_lockstep("check --no-progress --save-trace " + shell_quote(out) + " " + shell_quote(file));
    CHECK(ran.code == 0);  // the expect line names both bugs
    json doc = json::parse(lockstep::test_support::read_file(out));
    const auto& bugs = doc["scenarios"][0]["bugs"];
    REQUIRE(bugs.size() == 2);
    for (const auto& b : bugs) {
        CHECK(b["trace"].size() == 5004);       // every step, not only the shown lanes'
        CHECK(b["lanes"].size() == 1001);       // every goroutine
        size_t involved = 0;
        for (const auto& l : b["lanes"]) involved += l["involved"].get<bool>() ? 1 : 0;
        CHECK(involved >= 2);
        CHECK(involved <= 3);
    }
    auto bad = run_lockstep("check --no-progress --save-trace /nonexistent/dir/t.json " + shell_quote(file));
    CHECK(bad.code == 2);
    CHECK(bad.err.find("cannot write the trace") != std::string::npos);
}

TEST_CASE("--full-trace gives every goroutine a lane", "[cli][report]") {
    std::string file = std::string(LOCKSTEP_SOURCE_DIR) + "/scenarios/chapter3/unsafe_counter.go";
    auto folded = run_lockstep("check --no-progress " + shell_quote(file));
    auto full = run_lockstep("check --no-progress --full-trace " + shell_quote(file));
    CHECK(folded.out.find("goroutine 1 (main) ran") != std::string::npos);
    CHECK(folded.out.find("G1 main") == std::string::npos);
    CHECK(full.out.find("G1 main") != std::string::npos);
    CHECK(full.out.find("goroutine 1 (main) ran") == std::string::npos);
}

TEST_CASE("every format can be written with -o", "[cli][report]") {
    std::string file = std::string(LOCKSTEP_SOURCE_DIR) + "/scenarios/chapter3/unsafe_counter.go";
    for (const char* f : {"sarif", "html", "json"}) {
        std::string out = temp_dir() + "/report." + f;
        auto ran = run_lockstep(std::string("check --no-progress --format ") + f + " -o " + shell_quote(out) + " " + shell_quote(file));
        INFO(f);
        CHECK(ran.code == 0);
        CHECK(ran.out.empty());
        std::string text = lockstep::test_support::read_file(out);
        if (std::string(f) == "html") CHECK(text.find("lost-update on c.value") != std::string::npos);
        else CHECK(json::parse(text).is_object());
    }
}

TEST_CASE("Ctrl-C exits 130 with the partial result and the scenarios skipped", "[cli][interrupt]") {
    std::string slow = write_temp("interrupt/a_slow.go", many_interleavings);
    std::string next = write_temp("interrupt/b_next.go", many_interleavings);
    (void)next;
    std::string dir = slow.substr(0, slow.rfind('/'));
    std::string cmd = "{ " + shell_quote(LOCKSTEP_BINARY) + " check --no-progress " + shell_quote(dir) + " & pid=$!; sleep 1; kill -INT $pid; wait $pid; }";
    auto ran = lockstep::test_support::run_captured(cmd);
    CHECK(ran.code == 130);
    CHECK(ran.out.find("a_slow.go: no bug within bounds") != std::string::npos);
    CHECK(ran.out.find("interrupted (Ctrl-C) after") != std::string::npos);
    CHECK(ran.out.find("checked 1 scenario") != std::string::npos);
    CHECK(ran.err.find("lockstep: interrupted (Ctrl-C)") != std::string::npos);
    CHECK(ran.err.find("not checked: " ) != std::string::npos);
    CHECK(ran.err.find("b_next.go") != std::string::npos);
    CHECK(ran.out.find("stopped by interrupted") == std::string::npos);
}
