// The testing package: *testing.T's methods and the test runner's own steps, over the
// execution's test tree (vm/testing_state.hpp). Go's testing.common guards a test's state
// with a mutex; here each method that reads or changes it is one visible atomic update of
// the top-level test's handle cell, so the checker orders them (a t.Log racing the end of
// the test is explored both ways) and they synchronize as Go's lock does. The messages and
// the `--- FAIL:` report are Go 1.19's (src/testing/testing.go).
#include <algorithm>

#include "lang/assert.hpp"
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

// Go's rewrite of a subtest name (testing/match.go): spaces become underscores.
std::string rewrite_name(std::string_view s) {
    std::string out;
    for (char c : s) out += (c == ' ' || c == '\t' || c == '\n') ? '_' : c;
    return out;
}

std::string base_name(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string indent4(std::string_view block) {
    std::string out;
    size_t start = 0;
    while (start < block.size()) {
        size_t nl = block.find('\n', start);
        size_t end = nl == std::string_view::npos ? block.size() : nl + 1;
        out += "    ";
        out.append(block.substr(start, end - start));
        start = end;
    }
    return out;
}

bool is_visible_testing_native(NativeId id) {
    switch (id) {
    case NativeId::TestingBegin:
    case NativeId::TestingRunBegin:
    case NativeId::TestingName:
    case NativeId::TestingHelper:
    case NativeId::TestingShort:
    case NativeId::TestingVerbose:
    case NativeId::TestingParallel:
    case NativeId::TestingRelease:
    case NativeId::TestingNextDone:
    case NativeId::TestingDoneChan:
    case NativeId::TestingPopCleanup:
    case NativeId::TestingResult:
    case NativeId::TestingReturned: return false;
    default: return true;
    }
}

}  // namespace

TestRec* Machine::Impl::test_of(const Value& t) {
    Cell c = t.p.a;
    if (c == 0 || c >= heap.size()) return nullptr;
    uint64_t idx = heap[c].u;
    if (idx == 0) {
        // A testing.T the program made itself (var z testing.T): usable as in Go, a test
        // of its own that nothing runs or reports.
        TestRec r;
        r.cell = c;
        tests.push_back(std::move(r));
        idx = heap[c].u = tests.size();
    }
    if (idx > tests.size()) return nullptr;
    return &tests[idx - 1];
}

void Machine::Impl::goexit(Goroutine& g) {
    if (g.panicking && !g.goexiting && !g.fatal) {
        // A Goexit in a deferred call of a panic aborts it; Go keeps it on the chain a
        // later unrecovered panic prints ("panic: boom\n\tpanic: later").
        g.outer_panics.push_back(Goroutine::OuterPanic{g.panic_value, g.panic_site, unwinding_frame(g), g.recovered, true});
    } else if (!g.panicking) {
        g.outer_panics.clear();
    }
    g.panicking = true;
    g.goexiting = true;
    g.recovered = false;
    g.panic_value = Value{};
    unwind(g);
}

// "    file_test.go:12: text\n", continuation lines indented by eight spaces; the line is
// the call's, or that of the first caller outside the functions that called t.Helper().
std::string Machine::Impl::decorate(const TestRec& t, std::string_view s, uint32_t site, const Goroutine& g) const {
    auto is_helper = [&](uint32_t fn) {
        for (const TestRec* r = &t;; r = &tests[r->parent]) {
            if (std::find(r->helpers.begin(), r->helpers.end(), fn) != r->helpers.end()) return true;
            if (r->parent < 0) return false;
        }
    };
    for (size_t k = g.frames.size(); k-- > 0 && is_helper(g.frames[k].fn);) {
        if (k == 0) break;
        const Frame& caller = g.frames[k - 1];
        uint32_t s2 = M.functions[caller.fn].site_at(caller.pc ? caller.pc - 1 : 0);
        if (s2 != 0) site = s2;
    }
    if (site == 0 || !M.sites[site].pos.valid()) site = current_site(g);  // through a method value: its caller's line
    std::string out = "    ";
    const Site& where = M.sites[site];
    if (where.file) {
        lang::FileLine fl = where.file->file_line(where.pos.line);
        out += base_name(fl.path) + ":" + std::to_string(fl.line) + ": ";
    } else {
        out += "???:" + std::to_string(where.pos.line) + ": ";
    }
    std::string_view text = s;
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    size_t start = 0;
    for (;;) {
        size_t nl = text.find('\n', start);
        out.append(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) break;
        out += "\n        ";
        start = nl + 1;
    }
    out += '\n';
    return out;
}

void Machine::Impl::testing_native(Gid gid, Goroutine& g, const Instr& in) {
    NativeId id = static_cast<NativeId>(in.a);
    uint32_t base = g.sp - in.n;
    auto ret = [&](std::initializer_list<Value> results) {
        g.sp = base;
        ensure_stack(g, static_cast<uint32_t>(results.size()));
        for (const Value& v : results) g.stack[g.sp++] = v;
    };
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    if (id == NativeId::TestingShort || id == NativeId::TestingVerbose) {
        ret({Value::of_bool(false)});  // go test without -short or -v
        return;
    }
    if (id == NativeId::TestingBegin) {
        tests.clear();
        tests.emplace_back();  // the root: go test's main test, never failing by itself here
        tests[0].cell = alloc(1);
        if (tests[0].cell == 0) return;
        heap[tests[0].cell].u = 1;
        TestRec t;
        t.name = std::string(str(g.stack[base]));
        t.parent = 0;
        t.cell = alloc(1);
        if (t.cell == 0) return;
        heap[t.cell].u = 2;
        tests.push_back(std::move(t));
        ret({Value::of_ptr(tests[1].cell)});
        return;
    }
    if (id == NativeId::TestingEnd) {
        LOCKSTEP_ASSERT(tests.size() >= 2, "testing.end without a test");
        g.pinstr = in;
        pause(g, OpKind::AtomicRmw, tests[1].cell, site, Pend::Test);
        return;
    }
    TestRec* t = test_of(g.stack[base]);
    if (!t) {
        runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
        return;
    }
    uint32_t idx = static_cast<uint32_t>(t - tests.data());
    if (testing_parallel_native(g, id, *t, base)) return;
    switch (id) {
    case NativeId::TestingRunBegin: {
        std::string name = t->name + "/" + rewrite_name(str(g.stack[base + 1]));
        // Go makes sibling names unique: the second "x" is "x#01".
        size_t same = static_cast<size_t>(std::count(t->sub_names.begin(), t->sub_names.end(), name));
        t->sub_names.push_back(name);
        if (same > 0) {
            char suffix[32];
            std::snprintf(suffix, sizeof suffix, "#%02zu", same);
            name += suffix;
        }
        TestRec sub;
        sub.name = std::move(name);
        sub.parent = static_cast<int32_t>(idx);
        sub.cell = alloc(1);
        if (sub.cell == 0) return;
        tests.push_back(std::move(sub));  // invalidates t
        heap[tests.back().cell].u = tests.size();
        ret({Value::of_ptr(tests.back().cell)});
        return;
    }
    case NativeId::TestingName: ret({make_string(t->name)}); return;
    case NativeId::TestingHelper:
        if (!g.frames.empty()) t->helpers.push_back(g.frames.back().fn);
        g.sp = base;
        return;
    case NativeId::TestingParallel:
        // [t] -> [barrier ok] (vm/natives_testing_parallel.cpp)
        if (t->parallel) {
            Value m = make_string("testing: t.Parallel called multiple times");
            m.c = rt::string;
            start_panic(g, m);
            return;
        }
        if (t->parent <= 0) {
            t->parallel = true;
            ret({Value{}, Value::of_bool(false)});  // a single top-level test: nothing to wait for
            return;
        }
        if (nested) {
            fatal(g, "unsupported: t.Parallel() inside a method called by fmt", site);
            return;
        }
        g.pinstr = in;
        pause(g, OpKind::Go, 0, site, Pend::Test);  // the subtest goes on in a goroutine of its own
        return;
    case NativeId::TestingPopCleanup:
        g.goexited = false;  // a cleanup's FailNow ends only that cleanup
        if (t->cleanups.empty()) {
            ret({Value{}, Value::of_bool(false)});
            return;
        }
        {
            Value f = t->cleanups.back();
            t->cleanups.pop_back();
            ret({f, Value::of_bool(true)});
        }
        return;
    case NativeId::TestingResult:
        if (t->goexit_parent) {  // Go's t.Run: `if !<-t.signal { runtime.Goexit() }`
            g.sp = base;
            goexit(g);
            return;
        }
        ret({Value::of_bool(!t->failed)});
        return;
    case NativeId::TestingReturned: {
        bool exited = g.goexited;
        g.goexited = false;
        g.sp = base;
        if (exited && !t->finished) {
            // A Goexit no FailNow/SkipNow of this test made (Go 1.19's tRunner): when an
            // ancestor has finished, it called FailNow from here: this subtest fails and
            // the ancestor's goroutine exits too; otherwise errNilPanicOrGoexit panics.
            for (int32_t p = t->parent; p >= 0; p = tests[p].parent) {
                if (!tests[p].finished) continue;
                t->output += "    testing.go:1343: test executed panic(nil) or runtime.Goexit: subtest may have called FailNow on a parent test\n";
                for (int32_t i = static_cast<int32_t>(idx); i >= 0; i = tests[i].parent) {
                    tests[i].failed = true;
                    if (tests[i].fail_site == 0) tests[i].fail_site = site;
                }
                t->finished = true;
                t->goexit_parent = true;
                return;
            }
            Value m = make_string("test executed panic(nil) or runtime.Goexit");
            m.c = rt::string;
            start_panic(g, m);
            return;
        }
        t->finished = true;
        return;
    }
    default: break;
    }
    LOCKSTEP_ASSERT(is_visible_testing_native(id), "testing native without a case");
    g.pinstr = in;
    if (nested) {
        if (id == NativeId::TestingFatal || id == NativeId::TestingFatalf || id == NativeId::TestingFailNow ||
            id == NativeId::TestingSkip || id == NativeId::TestingSkipf || id == NativeId::TestingSkipNow) {
            fatal(g, "unsupported: t.FailNow or t.SkipNow inside a method called by fmt", site);
            return;
        }
        g.pend = Pend::Test;
        perform_test(gid);
        if (g.pend == Pend::Test) g.pend = Pend::None;
        return;
    }
    pause(g, OpKind::AtomicRmw, tests.size() >= 2 ? tests[1].cell : t->cell, site, Pend::Test);
    (void)idx;
}

// The visible testing operations, performed when the checker lets g run them. Returns
// whether g runs on (false: it paused again or ended).
bool Machine::Impl::perform_test(Gid gid) {
    Goroutine& g = gs[gid];
    const Instr in = g.pinstr;
    NativeId id = static_cast<NativeId>(in.a);
    uint32_t n = in.n;
    uint32_t base = g.sp - n;
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    if (id == NativeId::TestingEnd) {
        tests[0].done = true;
        g.sp = base;
        return true;
    }
    TestRec* tp = test_of(g.stack[base]);
    LOCKSTEP_ASSERT(tp != nullptr, "testing operation on a test that vanished");
    uint32_t idx = static_cast<uint32_t>(tp - tests.data());
    auto panic_with = [&](const std::string& msg) {
        Value m = make_string(msg);
        m.c = rt::string;
        start_panic(g, m);
        return true;
    };
    // Fail(): the ancestors first (Go's c.parent.Fail() comes before c's own check).
    auto fail = [&]() -> bool {
        std::vector<uint32_t> chain;
        for (int32_t i = static_cast<int32_t>(idx); i >= 0; i = tests[i].parent) chain.push_back(static_cast<uint32_t>(i));
        for (size_t k = chain.size(); k-- > 0;) {
            TestRec& r = tests[chain[k]];
            if (r.done) {
                panic_with("Fail in goroutine after " + r.name + " has completed");
                return false;
            }
            r.failed = true;
            if (r.fail_site == 0) r.fail_site = site;
        }
        return true;
    };
    auto log = [&](const std::string& s) -> bool {
        for (int32_t i = static_cast<int32_t>(idx); i >= 0; i = tests[i].parent) {
            if (tests[i].done) continue;
            tests[i].output += decorate(tests[idx], s, site, g);
            return true;
        }
        panic_with("Log in goroutine after " + tests[idx].name + " has completed: " + s);
        return false;
    };
    auto text = [&](bool formatted) {
        const Value* args;
        uint32_t count;
        uint32_t fixed = formatted ? 2 : 1;
        if (in.k & 1) {
            Value s = g.stack[base + fixed];
            args = s.p.b ? &heap[s.p.a] : nullptr;
            count = s.p.b;
        } else {
            args = g.stack.data() + base + fixed;
            count = n - fixed;
        }
        std::string out;
        if (formatted) {
            std::string f(str(g.stack[base + 1]));
            sprintf(out, f, args, count);
        } else {
            sprint(out, args, count, true);
        }
        return out;
    };
    auto now = [&](bool skip) {
        TestRec& r = tests[idx];
        if (skip) r.skipped = true;
        r.finished = true;
        goexit(g);
        return true;
    };
    switch (id) {
    case NativeId::TestingLog:
    case NativeId::TestingLogf:
    case NativeId::TestingError:
    case NativeId::TestingErrorf:
    case NativeId::TestingFatal:
    case NativeId::TestingFatalf:
    case NativeId::TestingSkip:
    case NativeId::TestingSkipf: {
        bool formatted = id == NativeId::TestingLogf || id == NativeId::TestingErrorf || id == NativeId::TestingFatalf ||
                         id == NativeId::TestingSkipf;
        std::string s = text(formatted);
        g.sp = base;
        if (!log(s)) return true;
        if (id == NativeId::TestingLog || id == NativeId::TestingLogf) return true;
        if (id == NativeId::TestingSkip || id == NativeId::TestingSkipf) return now(true);
        if (!fail()) return true;
        if (id == NativeId::TestingFatal || id == NativeId::TestingFatalf) return now(false);
        return true;
    }
    case NativeId::TestingFail:
        g.sp = base;
        fail();
        return true;
    case NativeId::TestingFailNow:
        g.sp = base;
        if (!fail()) return true;
        return now(false);
    case NativeId::TestingSkipNow: g.sp = base; return now(true);
    case NativeId::TestingParallel: return perform_parallel(gid, tests[idx]);
    case NativeId::TestingFailed:
    case NativeId::TestingSkipped:
        g.sp = base;
        ensure_stack(g, 1);
        g.stack[g.sp++] = Value::of_bool(id == NativeId::TestingFailed ? tests[idx].failed : tests[idx].skipped);
        g.last_value = g.stack[g.sp - 1];
        g.last_type = rt::boolean;
        return true;
    case NativeId::TestingCleanup:
        tests[idx].cleanups.push_back(g.stack[base + 1]);
        g.sp = base;
        return true;
    case NativeId::TestingFinish: {
        g.sp = base;
        TestRec& r = tests[idx];
        r.done = true;
        if (r.failed) {
            std::string block = "--- FAIL: " + r.name + " (0.00s)\n" + r.output;
            if (r.parent <= 0) r.report = std::move(block);
            else tests[r.parent].output += indent4(block);
        }
        return true;
    }
    default: LOCKSTEP_ASSERT(false, "perform_test: not a visible testing operation");
    }
    return true;
}

}  // namespace lockstep::vm
