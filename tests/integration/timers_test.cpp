// time's timers under --time free (docs/semantics.md, "Time and timers"): a timer may fire
// at any scheduling point after it is armed, so both sides of a timeout race are explored;
// dpor finds exactly what naive finds; the virtual clock agrees with the firings; timer
// goroutines are never leaks; a Ticker's ticks are bounded per schedule, not per search.
#include <catch2/catch.hpp>

#include <set>

#include "checker/execution.hpp"
#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

checker::ScenarioResult check(const std::string& name, const std::string& body, cli::StrategyName s = cli::StrategyName::Dpor) {
    Scenario sc = load(write_temp(name, "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nvar _ sync.Mutex\nvar _ = fmt.Sprint\n\n" + body));
    cli::Settings st = settings(s);
    st.all = true;
    return explore(sc, st);
}

std::set<std::string> lines_of(const checker::ScenarioResult& r) {
    std::set<std::string> out;
    for (const auto& o : r.outcomes) out.insert(checker::normalize_output(o, true));
    return out;
}

// Both strategies, which must agree on bug kinds and outcome sets.
checker::ScenarioResult both(const std::string& name, const std::string& body) {
    checker::ScenarioResult d = check(name, body), n = check(name, body, cli::StrategyName::Naive);
    INFO(name << ": dpor " << d.stats.executions << " executions, naive " << n.stats.executions);
    CHECK(kind_ids(d.bugs) == kind_ids(n.bugs));
    CHECK(lines_of(d) == lines_of(n));
    CHECK(d.stats.executions <= n.stats.executions);
    return d;
}

}  // namespace

TEST_CASE("a timeout racing a result: both sides are explored, by dpor as by naive", "[timers]") {
    auto r = both("timeout_race.go", R"(
func main() {
	res := make(chan int, 1)
	go func() { res <- 42 }()
	select {
	case v := <-res:
		fmt.Println("result", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}
)");
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(lines_of(r) == std::set<std::string>{"result 42", "timeout"});
}

TEST_CASE("Stop before and after the firing: Stop's result and the value left in C", "[timers]") {
    auto r = both("timer_stop.go", R"(
func main() {
	t := time.NewTimer(time.Millisecond)
	if t.Stop() {
		fmt.Println("stopped")
		return
	}
	<-t.C
	fmt.Println("fired")
}
)");
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(lines_of(r) == std::set<std::string>{"stopped", "fired"});
}

TEST_CASE("the clock agrees with the firings: a timer's time is never before its deadline", "[timers]") {
    auto r = both("timer_clock.go", R"(
func main() {
	start := time.Now()
	a := time.After(10 * time.Millisecond)
	b := time.NewTimer(20 * time.Millisecond)
	ta := <-a
	tb := <-b.C
	if ta.Sub(start) < 10*time.Millisecond || tb.Sub(start) < 20*time.Millisecond || time.Since(start) < 20*time.Millisecond {
		panic("a timer fired before its deadline")
	}
	if tb.Before(ta) && ta.Sub(tb) > 0 && time.Since(start) < ta.Sub(start) {
		panic("the clock went back")
	}
	fmt.Println("ok")
}
)");
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(r.bugs.empty());
}

TEST_CASE("a timer nobody waits for is not a leaked goroutine; a blocked reader is", "[timers]") {
    auto quiet = both("timer_unused.go", R"(
func main() {
	_ = time.After(time.Hour)
	t := time.NewTimer(time.Hour)
	t.Stop()
	fmt.Println("done")
}
)");
    CHECK(quiet.verdict == checker::Verdict::Verified);
    auto leak = both("timer_reader_leak.go", R"(
func main() {
	t := time.NewTimer(time.Hour)
	go func() { <-t.C; fmt.Println("late") }()
	t.Stop()
}
)");
    CHECK(kind_ids(leak.bugs).count("goroutine-leak") == 1);
}

TEST_CASE("a deadlock while a timer is armed is no deadlock: the timer can still fire", "[timers]") {
    auto r = both("timer_wakes.go", R"(
func main() {
	var mu sync.Mutex
	mu.Lock()
	time.AfterFunc(time.Millisecond, func() { mu.Unlock() })
	mu.Lock()
	fmt.Println("unlocked by the timer")
}
)");
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(lines_of(r) == std::set<std::string>{"unlocked by the timer"});
}

TEST_CASE("AfterFunc's func races with main: the race is found and Stop may prevent it", "[timers]") {
    auto r = both("afterfunc_race.go", R"(
func main() {
	x := 0
	t := time.AfterFunc(time.Millisecond, func() { x = 1 })
	time.Sleep(2 * time.Millisecond)
	if !t.Stop() {
		fmt.Println("fired")
	}
	fmt.Println(x)
}
)");
    CHECK(kind_ids(r.bugs).count("data-race") == 1);
}

TEST_CASE("a Ticker read in a loop is bounded per schedule: the search goes on and is not verified", "[timers]") {
    auto r = both("ticker_loop.go", R"(
func main() {
	t := time.NewTicker(time.Millisecond)
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-t.C:
			case <-done:
				return
			}
		}
	}()
	t.Stop()
	done <- true
	fmt.Println("stopped")
}
)");
    CHECK(r.bugs.empty());
    CHECK(r.verdict == checker::Verdict::Bounded);
    CHECK(r.stats.bound == std::optional<std::string>("ticks"));
    CHECK(lines_of(r) == std::set<std::string>{"stopped"});
}

TEST_CASE("a Ticker nobody reads fires once and waits: no livelock, verified", "[timers]") {
    auto r = both("ticker_unread.go", R"(
func main() {
	t := time.NewTicker(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	t.Reset(2 * time.Millisecond)
	<-t.C
	t.Stop()
	fmt.Println("one tick")
}
)");
    CHECK(r.verdict == checker::Verdict::Verified);
    CHECK(r.bugs.empty());
}
