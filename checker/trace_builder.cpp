// Trace rebuilding and bug descriptions (see trace_builder.hpp). Runs only when a bug is
// explained, never on the search's hot path, so it may format strings freely.
#include "checker/trace_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "checker/schedule_token.hpp"

namespace lockstep::checker {

using vm::Gid;
using vm::OpKind;

namespace {

std::string_view source_line(const lang::SourceFile* file, uint32_t line) {
    if (!file || line == 0) return {};
    std::string_view text = file->text();
    size_t start = 0;
    for (uint32_t l = 1; l < line; ++l) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    size_t end = text.find('\n', start);
    std::string_view s = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

Location location_of(const vm::Site& site) {
    Location l;
    if (site.file) l.file = site.file->file_line(site.pos.line).path;
    l.line = site.file ? site.file->file_line(site.pos.line).line : site.pos.line;
    l.column = site.pos.col;
    return l;
}

std::string where(const vm::Program& p, uint32_t site) {
    const vm::Site& s = p.site(site);
    return s.file ? s.file->where_line(s.pos.line) : fmt::format("line {}", s.pos.line);
}

std::string object_name(const vm::Program& p, uint32_t site, std::string_view fallback) {
    const std::string& e = p.site(site).expr;
    return e.empty() ? std::string(fallback) : e;
}

std::string_view access_word(uint8_t flag) { return flag ? "write" : "read"; }

std::string mutex_message(uint32_t variant) {
    switch (variant) {
    case VariantRWUnlock: return "sync: Unlock of unlocked RWMutex";
    case VariantRWRUnlock: return "sync: RUnlock of unlocked RWMutex";
    default: return "sync: unlock of unlocked mutex";
    }
}

// A deadlock's lock holder is involved too: list it with the goroutines and mark the step
// where it took the lock it still holds.
void mark_lock_taken(const Execution& exec, Bug& bug, Gid holder, uint32_t lock) {
    const vm::Program& p = exec.program();
    bool listed = false;
    for (const auto& r : bug.goroutines) listed |= r.id == holder + 1;
    if (!listed && holder < p.goroutine_count()) {
        vm::GoroutineInfo info = p.goroutine_info(holder);
        GoroutineRef ref;
        ref.id = holder + 1;
        ref.name = info.name;
        if (info.has_creator) ref.created_at = location_of(p.site(info.created_at));
        bug.goroutines.push_back(std::move(ref));
    }
    const auto& steps = exec.steps();
    for (size_t i = std::min(steps.size(), bug.trace.size()); i-- > 0;) {
        if (steps[i].choice.g != holder || steps[i].effect != StepEffect::Acquire || steps[i].op.object != lock) continue;
        bug.trace[i].decisive = true;
        if (bug.trace[i].note.empty()) bug.trace[i].note = "takes the lock and still holds it";
        return;
    }
}

// A negative WaitGroup that no positive Add ever reached in the whole execution: the
// Done's WaitGroup is not the one the Adds went to (a copy, when it was passed by value).
bool no_add_reached(const Execution& exec, const FoundBug& f) {
    const auto& steps = exec.steps();
    if (f.count == 0 || f.steps[0] >= steps.size()) return false;
    const uint32_t wg = steps[f.steps[0]].op.object;
    for (const StepRecord& s : steps)
        if (s.op.kind == OpKind::WgAdd && s.op.object == wg && s.op.arg > 0) return false;
    return true;
}

// An output that depends on a Pool: mark the first Get that ran New although a Put had
// given the pool an object before (the help then says a Pool is a cache).
void mark_pool_new_again(const Execution& exec, Bug& bug) {
    const auto& steps = exec.steps();
    std::vector<uint32_t> put;  // pool objects with a Put so far
    for (size_t i = 0; i < std::min(steps.size(), bug.trace.size()); ++i) {
        const StepRecord& s = steps[i];
        if (s.op.kind == OpKind::PoolPut) put.push_back(s.op.object);
        if (s.op.kind != OpKind::PoolGet || s.aux >= 0 || std::find(put.begin(), put.end(), s.op.object) == put.end()) continue;
        bug.trace[i].decisive = true;
        if (bug.trace[i].note.empty()) bug.trace[i].note = "gets nothing back from the Put: New runs again";
        return;
    }
}

}  // namespace

ReplayRun run_schedule(Execution& exec, std::string_view token, bool trace) {
    ReplayRun run;
    auto reader = ScheduleReader::open(token, run.error);
    if (!reader) return run;
    ScheduleWriter writer;
    const vm::Program& p = exec.program();
    exec.start();
    while (exec.running()) {
        if (exec.enabled_list().empty()) {
            exec.finish_stuck();
            break;
        }
        if (reader->at_end(exec)) {
            exec.cut(EndKind::SleepBlocked);  // the recorded prefix ends here
            break;
        }
        Choice choice;
        if (!reader->next(exec, choice, run.error)) return run;
        const Gid g = choice.g;
        writer.record(exec, choice);
        const vm::Operation op = exec.pending(static_cast<Gid>(g));
        exec.step(choice);
        if (trace) {
            const vm::Site& site = p.site(op.site);
            TraceStep t;
            t.step = static_cast<uint32_t>(exec.steps().size());
            t.goroutine = static_cast<uint32_t>(g + 1);
            // wg.Done() is Add(-1) to the model; the trace says what the user wrote.
            t.op = op.kind == OpKind::WgAdd && op.arg == -1 ? std::string("Done") : std::string(vm::op_kind_text(op.kind));
            if (!site.expr.empty()) t.object = site.expr;
            t.location = location_of(site);
            t.source = std::string(source_line(site.file, site.pos.line));
            if (exec.steps().back().choice.g == g && op.kind != OpKind::Exit && op.kind != OpKind::Panic && op.kind != OpKind::StepLimit) {
                std::string v = p.last_value_text(static_cast<Gid>(g));
                if (!v.empty()) t.value = v;
            }
            run.trace.push_back(std::move(t));
        }
    }
    if (!reader->fully_used(exec)) {
        run.error = "the schedule is longer than the execution it replays";
        return run;
    }
    exec.drain_after_exit();
    run.valid = true;
    run.token = writer.token();
    return run;
}

bool run_choices(Execution& exec, const std::vector<Choice>& choices) {
    exec.start();
    for (const Choice& c : choices) {
        if (!exec.running() || !exec.enabled(c.g) || c.alt >= exec.alternatives(c.g)) return false;
        exec.step(c);
    }
    if (exec.running() && exec.enabled_list().empty()) exec.finish_stuck();
    if (exec.running()) return false;
    exec.drain_after_exit();
    return true;
}

std::string crash_text(const Execution& exec) {
    const vm::Program& p = exec.program();
    switch (exec.end()) {
    case EndKind::Deadlock:
        for (const auto& b : exec.bugs())
            if (b.kind == BugKind::Deadlock && b.count == 0) return "fatal error: no goroutines (main called runtime.Goexit) - deadlock!";
        return "fatal error: all goroutines are asleep - deadlock!";
    case EndKind::Crash: {
        if (exec.crash_is_program_panic()) {
            Gid g = exec.crashed();
            return (p.panic_is_fatal(g) ? "fatal error: " : "panic: ") + p.panic_message(g);
        }
        for (const auto& b : exec.bugs()) {
            switch (b.kind) {
            case BugKind::UnlockOfUnlocked: return "fatal error: " + mutex_message(b.variant);
            case BugKind::NegativeWaitGroup: return "panic: sync: negative WaitGroup counter";
            case BugKind::WaitGroupMisuse:
                if (b.variant == VariantWgReuse) return "panic: sync: WaitGroup is reused before previous Wait has returned";
                break;
            case BugKind::ConcurrentMapAccess: return b.variant == VariantMapWrites ? "fatal error: concurrent map writes" : "fatal error: concurrent map read and map write";
            case BugKind::RecursiveLock: return "fatal error: all goroutines are asleep - deadlock!";
            default: break;
            }
        }
        return "fatal error";
    }
    default: return {};
    }
}

Bug describe_bug(const Execution& exec, const FoundBug& f, const std::vector<TraceStep>& trace, std::string_view token) {
    const vm::Program& p = exec.program();
    Bug bug;
    bug.kind_index = static_cast<uint32_t>(f.kind);
    bug.severity = bug_kind_severity(f.kind);
    bug.schedule = std::string(token);
    bug.output = std::string(exec.output());
    if (f.count > 0) bug.location = location_of(p.site(f.sites[0]));
    for (uint8_t i = 0; i < f.count; ++i) {
        Gid g = f.gids[i];
        bool seen = false;
        for (const auto& r : bug.goroutines) seen |= r.id == g + 1;
        if (seen || g >= p.goroutine_count()) continue;
        vm::GoroutineInfo info = p.goroutine_info(g);
        GoroutineRef ref;
        ref.id = g + 1;
        ref.name = info.name;
        if (info.has_creator) ref.created_at = location_of(p.site(info.created_at));
        bug.goroutines.push_back(std::move(ref));
    }
    bug.trace = trace;
    // Every goroutine with a step in the trace gets a named lane, involved or not.
    for (const TraceStep& step : trace) {
        bool seen = false;
        for (const auto& r : bug.lanes) seen |= r.id == step.goroutine;
        Gid g = step.goroutine - 1;
        if (seen || step.goroutine == 0 || g >= p.goroutine_count()) continue;
        vm::GoroutineInfo info = p.goroutine_info(g);
        GoroutineRef ref;
        ref.id = step.goroutine;
        ref.name = info.name;
        if (info.has_creator) ref.created_at = location_of(p.site(info.created_at));
        ref.finished = !exec.alive(g);
        bug.lanes.push_back(std::move(ref));
    }
    auto mark = [&](uint8_t i, std::string note) {
        if (i >= f.count) return;
        uint32_t s = f.steps[i];
        if (s < bug.trace.size()) {
            bug.trace[s].decisive = true;
            if (bug.trace[s].note.empty()) bug.trace[s].note = std::move(note);
        }
    };
    auto gname = [](Gid g) { return fmt::format("goroutine {}", g + 1); };
    switch (f.kind) {
    case BugKind::DataRace:
    case BugKind::ConcurrentMapAccess: {
        std::string obj = object_name(p, f.sites[0], "a shared variable");
        if (f.kind == BugKind::DataRace) {
            bug.message = fmt::format("data-race on {}{}", f.variant == VariantRaceOnMap ? "map " : "", obj);
            bug.details = fmt::format("{} at {} by {}, previous {} at {} by {}, not ordered by happens-before", access_word(f.flags[0]), where(p, f.sites[0]),
                                      gname(f.gids[0]), access_word(f.flags[1]), where(p, f.sites[1]), gname(f.gids[1]));
            if (f.variant == VariantRaceOnMap)
                bug.details += "; the map reached the second goroutine through unsynchronized accesses, so the two map accesses never overlap "
                               "and Go's runtime does not stop the program (go run -race reports it)";
        } else {
            bug.message = fmt::format("concurrent-map-access on {}: fatal error: {}", obj,
                                      f.variant == VariantMapWrites ? "concurrent map writes" : "concurrent map read and map write");
            bug.details = fmt::format("{} at {} by {}, {} at {} by {}", access_word(f.flags[0]), where(p, f.sites[0]), gname(f.gids[0]), access_word(f.flags[1]),
                                      where(p, f.sites[1]), gname(f.gids[1]));
        }
        mark(1, fmt::format("{} by {}", access_word(f.flags[1]), gname(f.gids[1])));
        mark(0, fmt::format("races with step {}", f.steps[1] + 1));
        break;
    }
    case BugKind::LostUpdate: {
        std::string obj = object_name(p, f.sites[0], "a shared variable");
        bug.message = fmt::format("lost-update on {}", obj);
        bug.location = location_of(p.site(f.sites[2]));
        bug.details = fmt::format("{} read {} at {}; {} wrote it at {}; {} then overwrote it at {} from its stale read: {}'s write is lost", gname(f.gids[0]), obj,
                                  where(p, f.sites[0]), gname(f.gids[1]), where(p, f.sites[1]), gname(f.gids[2]), where(p, f.sites[2]), gname(f.gids[1]));
        mark(0, "reads the old value");
        mark(1, "this write is lost");
        mark(2, fmt::format("overwrites the write at step {}", f.steps[1] + 1));
        break;
    }
    case BugKind::Deadlock: {
        bool spins = false;
        for (uint8_t i = 0; i < f.count; ++i) spins |= exec.spin_blocked(f.gids[i]);
        // A goroutine that polls forever keeps Go from seeing a deadlock: it hangs.
        // No goroutine waits at all: main ended by runtime.Goexit and every other one ended.
        bug.message = spins        ? "deadlock: every goroutine is blocked or spins forever on values nobody changes (Go hangs)"
                      : f.count == 0 ? "deadlock: no goroutines (main called runtime.Goexit) - deadlock!"
                                     : "deadlock: all goroutines are asleep - deadlock!";
        std::string d;
        for (uint8_t i = 0; i < f.count; ++i) {
            Gid g = f.gids[i];
            const vm::Operation& op = p.pending(g);
            const vm::Site& s = p.site(op.site);
            d += fmt::format("{} [{}{}{}]: {} at {}", gname(g), vm::op_kind_text(op.kind), s.expr.empty() ? "" : " ", s.expr,
                             exec.spin_blocked(g) ? "spins forever" : "blocked", where(p, op.site));
            if (vm::op_object_space(op.kind) == vm::ObjectSpace::Sync) {
                uint32_t lock = op.kind == OpKind::CondWait ? static_cast<uint32_t>(op.arg) : op.object;
                Gid holder = exec.mutex_holder(lock);
                if (holder != UINT32_MAX) {
                    d += fmt::format(" (held by {})", gname(holder));
                    mark_lock_taken(exec, bug, holder, lock);
                }
            }
            d += "\n";
        }
        bug.details = d;
        break;
    }
    case BugKind::RecursiveLock: {
        std::string obj = object_name(p, f.sites[0], "the lock");
        bug.message = fmt::format("recursive-lock on {}", obj);
        if (f.variant == VariantRecursiveOnce)
            bug.details = fmt::format("Once.Do on {} is called from inside its own function by {} at {}", obj, gname(f.gids[0]), where(p, f.sites[0]));
        else if (f.variant == VariantRecursiveRLock)
            bug.details = fmt::format("{} read-locks {} at {} while holding a read lock that a waiting writer is queued behind", gname(f.gids[0]), obj, where(p, f.sites[0]));
        else
            bug.details = fmt::format("{} locks {} again at {} while already holding it", gname(f.gids[0]), obj, where(p, f.sites[0]));
        mark(0, "already held by this goroutine");
        break;
    }
    case BugKind::UnlockOfUnlocked:
        bug.message = fmt::format("unlock-of-unlocked on {}: fatal error: {}", object_name(p, f.sites[0], "a lock"), mutex_message(f.variant));
        mark(0, "not locked");
        break;
    case BugKind::NegativeWaitGroup:
        bug.message = fmt::format("negative-waitgroup on {}: panic: sync: negative WaitGroup counter", object_name(p, f.sites[0], "a WaitGroup"));
        mark(0, no_add_reached(exec, f) ? "the counter goes below zero: no Add ever reached this WaitGroup" : "the counter goes below zero");
        break;
    case BugKind::WaitGroupMisuse:
        if (f.variant == VariantWgReuse) {
            bug.message = fmt::format("waitgroup-misuse on {}: panic: sync: WaitGroup is reused before previous Wait has returned",
                                      object_name(p, f.sites[0], "a WaitGroup"));
            bug.details = fmt::format("{} changes the counter at {} after it reached zero and released {}'s Wait at {}, which has not returned yet", gname(f.gids[0]),
                                      where(p, f.sites[0]), gname(f.gids[1]), where(p, f.sites[1]));
            mark(0, "the released Wait has not returned");
            break;
        }
        // Go panics only when the Add meets a Wait still blocked; here the Wait had returned
        // (or may return first), so Go prints nothing: say what goes wrong instead.
        bug.message = fmt::format("waitgroup-misuse on {}: Add from zero after Wait returned (the Wait did not wait for it)",
                                  object_name(p, f.sites[0], "a WaitGroup"));
        bug.details = fmt::format("{} calls Add at {} with the counter at zero, not ordered before {}'s Wait at {}", gname(f.gids[0]), where(p, f.sites[0]), gname(f.gids[1]),
                                  where(p, f.sites[1]));
        mark(1, "Wait returns with the counter at zero");
        mark(0, "Add from zero after the Wait");
        break;
    case BugKind::Panic: {
        Gid g = f.gids[0];
        bug.message = (p.panic_is_fatal(g) ? "fatal error: " : "panic: ") + p.panic_message(g);
        mark(0, "panics");
        break;
    }
    case BugKind::TestFailure: {
        uint32_t fail_site = 0;
        std::string text = p.test_failure(fail_site);
        size_t nl = text.find('\n');
        bug.message = text.substr(0, nl);  // "--- FAIL: TestXxx (0.00s)"
        if (nl != std::string::npos && nl + 1 < text.size()) bug.details = text.substr(nl + 1, text.size() - nl - 2);
        mark(0, "fails the test");
        mark_pool_new_again(exec, bug);
        break;
    }
    case BugKind::OutputMismatch: {
        bug.message = "output-mismatch: the output differs from the // Output: block";
        std::string want;
        if (exec.config().expected_output)
            for (const auto& l : exec.config().expected_output->lines) want += l + "\n";
        bug.details = fmt::format("got:\n{}want:\n{}", bug.output, want);
        mark_pool_new_again(exec, bug);
        if (exec.config().expected_output) {
            bug.location.line = exec.config().expected_output->pos.line;
            bug.location.column = exec.config().expected_output->pos.col;
        }
        break;
    }
    case BugKind::Livelock:
        if (f.variant == VariantSpinning)
            bug.message = "livelock: a goroutine runs on without ever reaching a visible operation (an endless loop?)";
        else
            bug.message = fmt::format("livelock: the execution ran past {} steps without finishing", exec.config().max_steps);
        mark(0, "still running");
        break;
    case BugKind::GoroutineLeak: {
        {
            // A test entry's goroutine 0 is named after the test (vm/compile_testing.cpp).
            std::string entry = p.goroutine_info(0).name;
            std::string after = entry == "main" ? "main returned" : "the test " + entry + " returned";
            bug.message = f.count == 1 ? "goroutine-leak: a goroutine is blocked forever after " + after
                                       : fmt::format("goroutine-leak: {} goroutines are blocked forever after {}", f.count, after);
        }
        std::string d;
        for (uint8_t i = 0; i < f.count; ++i) {
            const vm::Operation& op = p.pending(f.gids[i]);
            const vm::Site& s = p.site(op.site);
            d += fmt::format("{} [{}{}{}]: {} at {}\n", gname(f.gids[i]), vm::op_kind_text(op.kind), s.expr.empty() ? "" : " ", s.expr,
                             exec.spin_blocked(f.gids[i]) ? "spins forever" : "blocked", where(p, op.site));
        }
        bug.details = d;
        break;
    }
    case BugKind::OncePanic:
        bug.message = fmt::format("once-panic on {}", object_name(p, f.sites[1], "a Once"));
        bug.details = fmt::format("the function passed to Once.Do panicked at {}; the Once is done, so the Do at {} returns without running it",
                                  where(p, f.sites[0]), where(p, f.sites[1]));
        mark(0, "f panicked: the Once is now done");
        mark(1, "returns without running f");
        break;
    case BugKind::LockHeldBlocking: {
        std::string lock = object_name(p, f.sites[1], "a lock");
        std::string what = f.steps[0] < trace.size() ? trace[f.steps[0]].op : std::string("block");
        if (what == "yield") what = "sleep";
        bug.message = fmt::format("lock-held-blocking on {}: held across a {}", lock, what);
        bug.details = fmt::format("{} took {} at {} and blocks at {} while holding it: every goroutine that needs it waits too", gname(f.gids[0]), lock, where(p, f.sites[1]),
                                  where(p, f.sites[0]));
        mark(1, "takes the lock");
        mark(0, "blocks while holding it");
        break;
    }
    case BugKind::LockOrderInversion: {
        // Two decisive steps per edge of the cycle (holds, takes); this goroutine's last.
        const uint8_t edges = f.count / 2;
        if (edges == 2) {
            std::string a = object_name(p, f.sites[0], "one lock"), b = object_name(p, f.sites[1], "another lock");
            bug.message = fmt::format("lock-order-inversion on {} and {}", a, b);
            bug.details = fmt::format("{} and {} are taken in opposite orders ({} then {} by {}, {} then {} by {}): a potential deadlock", a, b, a, b,
                                      gname(f.gids[0]), b, a, gname(f.gids[2]));
        } else {
            std::string names, orders;
            for (uint8_t e = 0; e < edges; ++e) {
                std::string from = object_name(p, f.sites[2 * e], "a lock"), to = object_name(p, f.sites[2 * e + 1], "a lock");
                names += e == 0 ? from : (e + 1 == edges ? " and " : ", ") + from;
                orders += fmt::format("{}{} then {} by {}", e ? ", " : "", from, to, gname(f.gids[2 * e]));
            }
            bug.message = "lock-order-inversion on " + names;
            bug.details = fmt::format("{} are taken in a cycle ({}): each goroutine can hold one and wait for the next, a potential deadlock", names, orders);
        }
        bug.location = location_of(p.site(f.sites[f.count - 1]));
        for (uint8_t e = 0; e + 1 < edges; ++e) {
            mark(2 * e, e == 0 ? "holds the first lock" : "holds a lock of the cycle");
            mark(2 * e + 1, e == 0 ? "takes the second" : "takes the next");
        }
        mark(f.count - 2, edges == 2 ? "holds them in the other order" : "holds the last lock of the cycle");
        mark(f.count - 1, "takes the first: inversion");
        break;
    }
    default: bug.message = std::string(bug_kind_id(f.kind)); break;
    }
    return bug;
}

}  // namespace lockstep::checker
