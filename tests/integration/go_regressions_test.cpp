// The programs of tests/integration/regressions/: each once showed lockstep disagreeing
// with real Go 1.19. Every outcome Go printed (the file's "GO 1.19.8 observed:" header, or
// the outcomes listed below for the files without one) must be one dpor's explored
// executions can print (in an order their prints allow: ScenarioResult::admits), the
// bug kinds must be those Go's behaviour implies, and where naive can finish, dpor finds
// exactly what naive finds. A search that Go can crash or that was cut is never verified.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline.hpp"

using namespace lockstep;
using namespace lockstep::integration;

namespace {

struct Regression {
    const char* file;
    std::set<std::string> must;       // kinds that must be reported
    std::set<std::string> must_not;   // kinds that must not
    std::vector<std::string> outcomes;  // for files without a Go header (stdout + crash line)
    bool fixed = true;                // false: checked by the [!mayfail] case until fixed
};

const std::vector<Regression>& regressions() {
    static const std::vector<Regression> list = {
        {"nil_chan_recv_segv.go", {"deadlock"}, {}, {"waiting\nfatal error: all goroutines are asleep - deadlock!"}},
        {"nil_chan_select_blocked_segv.go", {"goroutine-leak"}, {"deadlock"}, {"stopped\n"}},
        {"nil_chan_select_default_segv.go", {}, {"deadlock", "goroutine-leak", "panic"}, {"idle\n"}},
        {"go_deadlock_nil_chan.go", {"deadlock"}, {}, {}},
        {"go_chan_semaphore_order.go", {}, {"data-race", "deadlock"}, {}},
        {"go_rw_tryrlock_pending_writer.go", {}, {"deadlock"}, {}},
        {"select_default_vs_parking_partner.go", {"deadlock"}, {}, {"p1 0\n", "n1\nfatal error: all goroutines are asleep - deadlock!"}},
        {"send_close_race_not_reported.go", {"panic", "data-race"}, {}, {"first: answer from slow\npanic: send on closed channel", "first: answer from fast\n"}},
        {"mutex_relock_nobody_else_unlocks.go", {"recursive-lock", "deadlock"}, {}, {"fatal error: all goroutines are asleep - deadlock!"}},
        {"gen_dpor_negative_waitgroup_missed.go", {"negative-waitgroup"}, {}, {"panic: sync: negative WaitGroup counter", "g2 av <nil>\npanic: sync: negative WaitGroup counter", "", "g2 av <nil>\n"}},
        {"gen_dpor_select_case_missed.go", {"deadlock"}, {}, {"main sel recv u 1\n", "main sel sent b\nfatal error: all goroutines are asleep - deadlock!"}},
        {"gen_dpor_tryrlock_vs_writer.go", {}, {"deadlock"}, {"main ry 0\n", "main rbusy\n", "main ry 1\n"}},
        {"gen_dpor_unbuffered_senders_race.go", {}, {"deadlock"}, {"main urecv 2\n", "main urecv 1\n"}},
        {"select_woken_by_either_sender.go", {"goroutine-leak"}, {"deadlock"}, {"a\n", "b\n"}},
        {"dpor_stops_after_step_limit.go", {"lock-order-inversion"}, {}, {""}},
        {"go_print_order_two_goroutines.go", {}, {}, {}},
        {"go_mutex_unlock_other_goroutine.go", {}, {"recursive-lock", "deadlock"}, {}},
        {"go_wg_copy_by_value.go", {"deadlock", "copied-lock"}, {"negative-waitgroup"}, {}},
        {"go_race_map_writes.go", {"concurrent-map-access"}, {}, {}},
        {"go_cond_rlocker.go", {}, {"unlock-of-unlocked"}, {}},
        {"bytes_buffer_race_missed.go", {"data-race"}, {}, {"0\n", "1\n"}},
        {"strings_builder_race_missed.go", {"data-race"}, {}, {"0 0\n", "0 2\n", "1 0\n", "1 2\n"}},
        {"library_writer_sort_race.go", {"data-race"}, {}, {"true [1 2 3]\n"}},
        {"go_atomic_flag_publish.go", {}, {"livelock"}, {}},
        {"false_leak_spinner_after_main.go", {}, {"goroutine-leak", "livelock"}, {""}},
        {"gen_busy_wait_false_livelock.go", {}, {"livelock"}, {"g1 hi\nmain spun\n"}},
        // Copies copy state (docs/semantics.md, "copy semantics").
        {"copy_locks_state.go", {"copied-lock"}, {"deadlock", "panic"}, {}},
        {"copy_wg_once_state.go", {"copied-lock"}, {"negative-waitgroup", "deadlock"}, {}},
        {"copy_vs_lock_order.go", {"copied-lock", "data-race"}, {"deadlock"}, {"copy free: true\n", "copy free: false\n"}},
        {"copy_vs_unlock_race.go", {"copied-lock", "data-race"}, {"deadlock"}, {}},
        {"copy_wg_vs_done_race.go", {"copied-lock"}, {"data-race", "deadlock"}, {}},
        {"copy_through_values.go", {"copied-lock"}, {"deadlock", "panic"}, {}},
        {"copy_wg_through_values.go", {"deadlock", "copied-lock"}, {"negative-waitgroup"}, {}},
        // `for {}` spins for ever unseen: a livelock only when the program cannot end without it.
        {"spin_forever_goroutine.go", {}, {"livelock", "deadlock", "goroutine-leak"}, {}},
        {"spin_forever_main.go", {"livelock"}, {"deadlock"}, {"worker\n"}},
    };
    return list;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The outcomes of a "// GO 1.19.8 observed:" header, as lockstep words them: stdout then
// the crash line. Hangs (-race never reports a deadlock) are left out.
std::set<std::string> go_outcomes(const std::string& text) {
    std::set<std::string> out;
    std::string first = text.substr(0, text.find('\n'));
    if (first.find("GO 1.19.8 observed:") == std::string::npos) return out;
    // "label (N runs): o1 x3; o2 x1 || label ...": each outcome ends in " xN".
    std::vector<std::string> pieces;
    size_t at = 0;
    while ((at = first.find(" runs): ", at)) != std::string::npos) {
        at += 8;
        size_t end = first.find(" || ", at);
        std::string section = first.substr(at, end == std::string::npos ? std::string::npos : end - at);
        size_t p = 0;
        while (p < section.size()) {
            size_t q = section.find("; ", p);
            pieces.push_back(section.substr(p, q == std::string::npos ? std::string::npos : q - p));
            p = q == std::string::npos ? section.size() : q + 2;
        }
    }
    static const std::regex tail(R"( ?(\[rc=\d+\] ?)?(\[RACE\] ?)?x\d+$)");
    for (std::string o : pieces) {
        if (o.find("<<HANG>>") != std::string::npos) continue;
        o = std::regex_replace(o, tail, "");
        std::string unescaped;
        for (size_t i = 0; i < o.size(); ++i) {
            if (o[i] == '\\' && i + 1 < o.size() && o[i + 1] == 'n') {
                unescaped += '\n';
                ++i;
            } else {
                unescaped += o[i];
            }
        }
        size_t crash = unescaped.find("<<");
        if (crash != std::string::npos) {
            size_t end = unescaped.find(">>", crash);
            unescaped = unescaped.substr(0, crash) + unescaped.substr(crash + 2, end - crash - 2);
        }
        out.insert(unescaped);
    }
    return out;
}

void check_regression(const Regression& r) {
    std::string path = source_path(std::string("tests/integration/regressions/") + r.file);
    Scenario scenario = load(path);
    cli::Settings s = settings(cli::StrategyName::Dpor);
    s.all = true;
    s.time_budget_seconds = 5;
    s.max_steps = 2000;
    checker::ScenarioResult dpor = explore(scenario, s);
    std::set<std::string> got(dpor.outcomes.begin(), dpor.outcomes.end());
    std::set<std::string> want = go_outcomes(read_text(path));
    want.insert(r.outcomes.begin(), r.outcomes.end());
    std::set<std::string> kinds = kind_ids(dpor.bugs);
    std::string got_text;
    for (const auto& o : got) got_text += "[" + o + "] ";
    INFO(r.file << ": dpor " << dpor.stats.executions << " executions, outcomes " << got_text);
    CHECK(!want.empty());
    for (const auto& o : want) {
        INFO("Go's outcome [" << o << "]");
        CHECK(dpor.admits(o));
    }
    for (const auto& k : r.must) {
        INFO("must report " << k);
        CHECK(kinds.count(k) == 1);
    }
    for (const auto& k : r.must_not) {
        INFO("must not report " << k);
        CHECK(kinds.count(k) == 0);
    }
    if (dpor.verdict == checker::Verdict::Verified) CHECK(dpor.stats.complete);

    cli::Settings n = settings(cli::StrategyName::Naive);
    n.all = true;
    n.executions = 20000;
    n.time_budget_seconds = 5;
    n.max_steps = 2000;
    checker::ScenarioResult naive = explore(scenario, n);
    if (naive.stats.complete) {
        INFO("naive: " << naive.stats.executions << " executions");
        CHECK(kind_ids(naive.bugs) == kinds);
        CHECK(dpor.stats.complete);
    }
}

}  // namespace

TEST_CASE("the header parser reads Go's outcomes", "[integration][regressions]") {
    std::set<std::string> o = go_outcomes(
        "// GO 1.19.8 observed: default (200 runs): b\\na\\n [rc=0] x159; a\\nb\\n [rc=0] x41 || -race (25 runs): <<HANG>> x25; "
        "x\\n<<fatal error: boom>> [rc=2] [RACE] x2\n");
    CHECK(o == std::set<std::string>{"b\na\n", "a\nb\n", "x\nfatal error: boom"});
}

TEST_CASE("the Go regressions behave as Go does", "[integration][regressions]") {
    for (const Regression& r : regressions())
        if (r.fixed) check_regression(r);
}

TEST_CASE("the Go regressions not fixed yet", "[integration][regressions][!mayfail]") {
    size_t open = 0;
    for (const Regression& r : regressions())
        if (!r.fixed) {
            ++open;
            check_regression(r);
        }
    SUCCEED(open << " Go regressions not fixed yet");
}

TEST_CASE("check --outcome says whether an output is one the scenario can print", "[integration][regressions][binary]") {
    std::string scenario = shell_quote(source_path("tests/integration/regressions/go_print_order_two_goroutines.go"));
    std::string ba = write_temp("outcome_ba.txt", "b\na\n"), aa = write_temp("outcome_aa.txt", "a\na\n");
    Ran yes = run_lockstep("check --no-progress --outcome " + shell_quote(ba) + " " + scenario);
    CHECK(yes.code == 0);
    CHECK(yes.err.find(": possible for") != std::string::npos);
    Ran no = run_lockstep("check --no-progress --outcome " + shell_quote(aa) + " " + scenario);
    CHECK(no.code == 1);
    CHECK(no.err.find("not among the outputs explored") != std::string::npos);
}
