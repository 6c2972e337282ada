// The catalog of operations the concurrent generator draws from. Each operation is a
// self-contained statement over the shared objects (see Obj), so that any subset of a
// program's operations is still a well-typed program. Operations that need a partner
// (a Cond waiter and its signaller, a busy-wait and the store that ends it) put the
// partner into another goroutine or main.
#include "concurrent_gen.hpp"

#include <functional>

#include "rng.hpp"

namespace lockstep::gen {

namespace {

Stmt st(Feature f, std::string text, uint32_t objs, uint32_t imports = 0) {
    return Stmt{std::move(text), objs, imports | kFmt, f};
}

struct Builder {
    Rng& rng;
    const FeatureSet& fs;
    ConcurrentProgram& p;

    bool ok(Feature f) const { return fs.allows(f); }

    std::string key() { return std::to_string(rng.below(2)); }

    // One receive/send case of a select over the program's channels.
    std::string select_case(std::vector<Feature>& used) {
        for (;;) {
            switch (rng.below(7)) {
            case 0: used.push_back(Feature::ChanBuffered); return "case v := <-chb:\nfmt.Println({tag}, \"sel recv b\", v)";
            case 1: used.push_back(Feature::ChanBuffered); return "case chb <- {id}:\nfmt.Println({tag}, \"sel sent b\")";
            case 2:
                if (!ok(Feature::SelectUnbuffered)) continue;
                used.push_back(Feature::ChanUnbuffered);
                return "case v := <-chu:\nfmt.Println({tag}, \"sel recv u\", v)";
            case 3:
                if (!ok(Feature::SelectUnbuffered)) continue;
                used.push_back(Feature::ChanUnbuffered);
                return "case chu <- {id}:\nfmt.Println({tag}, \"sel sent u\")";
            case 4:
                if (!ok(Feature::ChanNil)) continue;
                used.push_back(Feature::ChanNil);
                return rng.below(2) ? "case v := <-chn:\nfmt.Println({tag}, \"sel recv nil\", v)"
                                    : "case chn <- {id}:\nfmt.Println({tag}, \"sel sent nil\")";
            case 5:
                if (!ok(Feature::ChanClosed)) continue;
                used.push_back(Feature::ChanClosed);
                return "case v, ok := <-chc:\nfmt.Println({tag}, \"sel closed\", v, ok)";
            default:
                if (!ok(Feature::BusyWait)) continue;
                used.push_back(Feature::BusyWait);
                return "case <-stop:\nfmt.Println({tag}, \"sel stop\")";
            }
        }
    }

    Stmt select_stmt() {
        std::vector<Feature> used;
        int n = rng.between(1, 3);
        std::string text = "select {\n";
        for (int i = 0; i < n; ++i) text += select_case(used) + "\n";
        bool with_default = ok(Feature::SelectDefault) && (!ok(Feature::Select) || rng.percent(45));
        if (with_default) text += "default:\nfmt.Println({tag}, \"sel default\")\n";
        text += "}";
        uint32_t objs = 0;
        for (Feature f : used) {
            if (f == Feature::ChanBuffered) objs |= kChB;
            if (f == Feature::ChanUnbuffered) objs |= kChU;
            if (f == Feature::ChanNil) objs |= kChN;
            if (f == Feature::ChanClosed) objs |= kChC;
            if (f == Feature::BusyWait) objs |= kStop;
        }
        return st(with_default ? Feature::SelectDefault : Feature::Select, text, objs);
    }

    // A statement for goroutine `self` (-1: main); `partner` receives a statement that
    // completes this one (a signal, a store ending a spin), or stays empty.
    Stmt op(Stmt& partner, bool& has_partner) {
        has_partner = false;
        for (;;) {
            Feature f = static_cast<Feature>(rng.below(static_cast<uint32_t>(Feature::JoinWaitGroup)));
            if (!ok(f)) continue;
            switch (f) {
            case Feature::Mutex:
                if (rng.below(2)) return st(f, "mu.Lock()\nx++\nmu.Unlock()", kMu | kX);
                return st(f, "mu.Lock()\nfmt.Println({tag}, \"x\", x)\nmu.Unlock()", kMu | kX);
            case Feature::TryLock:
                return st(f, "if mu.TryLock() {\nx++\nmu.Unlock()\n} else {\nfmt.Println({tag}, \"busy\")\n}", kMu | kX);
            case Feature::UnlockMisuse:
                if (!rng.percent(8)) continue;
                if (rng.below(2)) return st(f, "mu.Unlock()", kMu);
                return st(f, "rw.RUnlock()", kRw);
            case Feature::RWMutex:
                if (rng.below(2)) return st(f, "rw.Lock()\ny++\nrw.Unlock()", kRw | kY);
                return st(f, "rw.RLock()\nfmt.Println({tag}, \"y\", y)\nrw.RUnlock()", kRw | kY);
            case Feature::TryRLock:
                return st(f, "if rw.TryRLock() {\nfmt.Println({tag}, \"ry\", y)\nrw.RUnlock()\n} else {\nfmt.Println({tag}, \"rbusy\")\n}",
                          kRw | kY);
            case Feature::RWTryLock:
                return st(f, "if rw.TryLock() {\ny++\nrw.Unlock()\n} else {\nfmt.Println({tag}, \"wbusy\")\n}", kRw | kY);
            case Feature::RLocker:
                return st(f, "{\nrl := rw.RLocker()\nrl.Lock()\nfmt.Println({tag}, \"rl\", y)\nrl.Unlock()\n}", kRw | kY);
            case Feature::WaitGroupMisuse:
                if (!rng.percent(8) || p.join != Join::WaitGroup) continue;
                return st(f, "wg.Done()", kWg);
            case Feature::Once:
                if (!ok(Feature::NestedLiteralCapture))
                    return st(f, "once.Do(func() {\nfmt.Println(\"once\")\n})", kOnce);
                return st(f, "once.Do(func() {\nfmt.Println({tag}, \"once\")\n})", kOnce);
            case Feature::Cond: {
                has_partner = true;
                partner = st(f, rng.below(2) ? "cmu.Lock()\nready = true\ncmu.Unlock()\nc.Broadcast()"
                                             : "cmu.Lock()\nready = true\nc.Signal()\ncmu.Unlock()",
                             kCond);
                return st(f, "cmu.Lock()\nfor !ready {\nc.Wait()\n}\ncmu.Unlock()\nfmt.Println({tag}, \"woke\")", kCond);
            }
            case Feature::CondRLocker: {
                has_partner = true;
                partner = st(f, "rw.Lock()\nrready = true\nrw.Unlock()\ncr.Broadcast()", kCondR | kRw);
                return st(f, "rw.RLock()\nfor !rready {\ncr.Wait()\n}\nrw.RUnlock()\nfmt.Println({tag}, \"rwoke\")",
                          kCondR | kRw);
            }
            case Feature::Pool:
                if (rng.below(2)) return st(f, "pool.Put({id})", kPool);
                return st(f, "fmt.Println({tag}, \"pool\", pool.Get())", kPool);
            case Feature::SyncMap:
                switch (rng.below(4)) {
                case 0: return st(f, "m.Store(" + key() + ", {id})", kMap);
                case 1: return st(f, "{\nv, ok := m.Load(" + key() + ")\nfmt.Println({tag}, \"load\", v, ok)\n}", kMap);
                case 2: return st(f, "{\nv, loaded := m.LoadOrStore(" + key() + ", {id})\nfmt.Println({tag}, \"los\", v, loaded)\n}", kMap);
                default: return st(f, "m.Delete(" + key() + ")", kMap);
                }
            case Feature::Atomic:
                switch (rng.below(5)) {
                case 0: return st(f, "atomic.AddInt32(&n, 1)", kN, kAtomic);
                case 1: return st(f, "fmt.Println({tag}, \"n\", atomic.LoadInt32(&n))", kN, kAtomic);
                case 2: return st(f, "if atomic.CompareAndSwapInt32(&n, 0, int32({id})+1) {\nfmt.Println({tag}, \"cas\")\n}", kN, kAtomic);
                case 3: return st(f, "atomic.StoreInt32(&n, 5)", kN, kAtomic);
                default: return st(f, "fmt.Println({tag}, \"swap\", atomic.SwapInt32(&n, 2))", kN, kAtomic);
                }
            case Feature::AtomicTyped:
                if (rng.below(2)) return st(f, "ai.Add(int64({id}) + 1)", kAi, kAtomic);
                return st(f, "fmt.Println({tag}, \"ai\", ai.Load())", kAi, kAtomic);
            case Feature::AtomicValue:
                if (rng.below(2)) return st(f, "av.Store({id})", kAv, kAtomic);
                return st(f, "fmt.Println({tag}, \"av\", av.Load())", kAv, kAtomic);
            case Feature::AtomicValueMisuse:
                if (!rng.percent(25)) continue;
                return st(f, "av.Store(\"s\")", kAv, kAtomic);
            case Feature::ChanBuffered:
                // A receive usually gets a sender elsewhere, so not every program deadlocks.
                partner = st(f, "chb <- {id}", kChB);
                switch (rng.below(3)) {
                case 0: return st(f, "chb <- {id}", kChB);
                case 1:
                    has_partner = rng.percent(60);
                    return st(f, "fmt.Println({tag}, \"recv\", <-chb)", kChB);
                default:
                    has_partner = rng.percent(60);
                    return st(f, "{\nv, ok := <-chb\nfmt.Println({tag}, \"recv ok\", v, ok)\n}", kChB);
                }
            case Feature::ChanUnbuffered:
                has_partner = rng.percent(70);
                if (rng.below(2)) {
                    partner = st(f, "fmt.Println({tag}, \"urecv\", <-chu)", kChU);
                    return st(f, "chu <- {id}", kChU);
                }
                partner = st(f, "chu <- {id}", kChU);
                return st(f, "fmt.Println({tag}, \"urecv\", <-chu)", kChU);
            case Feature::ChanNil:
                if (!rng.percent(20)) continue;  // blocks forever: rare outside select
                return st(f, rng.below(2) ? "<-chn" : "chn <- {id}", kChN);
            case Feature::ChanClosed:
                return st(f, "{\nv, ok := <-chc\nfmt.Println({tag}, \"closed\", v, ok)\n}", kChC);
            case Feature::Select:
            case Feature::SelectDefault:
                return select_stmt();
            case Feature::Close:
                if (!rng.percent(50)) continue;
                if (rng.below(3)) return st(f, "close(chb)", kChB);
                return st(f, "close(chu)", kChU);
            case Feature::Print:
                return st(f, "fmt.Println({tag}, \"hi\")", 0);
            case Feature::Panic:
                if (!rng.percent(35)) continue;
                return st(f, "panic(fmt.Sprint({tag}, \" boom\"))", 0);
            case Feature::RacyVar:
                if (rng.below(2)) return st(f, "x++", kX);
                return st(f, "fmt.Println({tag}, \"rx\", x)", kX);
            case Feature::MapWrite:
                if (!rng.percent(40)) continue;
                return st(f, "mm[{id}] = 1", kMm);
            case Feature::BusyWait: {
                has_partner = true;
                switch (rng.below(3)) {
                case 0:
                    partner = st(f, "atomic.StoreInt32(&flag, 1)", kFlag, kAtomic);
                    return st(f, "for atomic.LoadInt32(&flag) == 0 {\nruntime.Gosched()\n}\nfmt.Println({tag}, \"spun\")",
                              kFlag, kAtomic | kRuntime);
                case 1:
                    partner = st(f, "atomic.StoreInt32(&flag, 1)", kFlag, kAtomic);
                    return st(f, "for atomic.LoadInt32(&flag) == 0 {\ntime.Sleep(time.Microsecond)\n}", kFlag,
                              kAtomic | kTime);
                default:
                    partner = st(f, "close(stop)", kStop);
                    return st(f, "for polling := true; polling; {\nselect {\ncase <-stop:\npolling = false\ndefault:\nruntime.Gosched()\n}\n}",
                              kStop, kRuntime);
                }
            }
            case Feature::Yield:
                return st(f, rng.below(2) ? "runtime.Gosched()" : "time.Sleep(time.Millisecond)", 0,
                          kRuntime | kTime);
            default:
                continue;  // goroutine shapes and joins are chosen elsewhere
            }
        }
    }
};

const char* shape_of(const ConcurrentProgram& p) {
    int counts[static_cast<size_t>(Feature::Count)] = {};
    auto add = [&](const std::vector<Stmt>& ops) {
        for (const auto& s : ops) counts[static_cast<size_t>(s.feature)]++;
    };
    for (const auto& g : p.goroutines) add(g.body);
    add(p.main_ops);
    auto n = [&](std::initializer_list<Feature> fs) {
        int c = 0;
        for (Feature f : fs) c += counts[static_cast<size_t>(f)];
        return c;
    };
    struct {
        const char* name;
        int count;
    } shapes[] = {
        {"select", n({Feature::Select, Feature::SelectDefault})},
        {"channels", n({Feature::ChanBuffered, Feature::ChanUnbuffered, Feature::ChanNil, Feature::ChanClosed, Feature::Close})},
        {"RWMutex", n({Feature::RWMutex, Feature::TryRLock, Feature::RWTryLock, Feature::RLocker, Feature::CondRLocker})},
        {"Mutex", n({Feature::Mutex, Feature::TryLock, Feature::UnlockMisuse})},
        {"atomics", n({Feature::Atomic, Feature::AtomicTyped, Feature::AtomicValue, Feature::AtomicValueMisuse})},
        {"Once/Cond/Pool/Map", n({Feature::Once, Feature::Cond, Feature::Pool, Feature::SyncMap})},
        {"busy-wait", n({Feature::BusyWait})},
    };
    const char* best = "prints/panics";
    int most = 0;
    for (const auto& s : shapes)
        if (s.count > most) {
            most = s.count;
            best = s.name;
        }
    return best;
}

}  // namespace

ConcurrentProgram generate_concurrent(uint64_t seed, const FeatureSet& features) {
    Rng rng(seed);
    ConcurrentProgram p;
    p.seed = seed;
    p.chb_cap = rng.between(1, 2);
    for (;;) {
        switch (rng.below(10)) {
        case 0: case 1: case 2: case 3: case 4: p.join = Join::WaitGroup; break;
        case 5: case 6: p.join = Join::DoneChannel; break;
        case 7: case 8: p.join = Join::None; break;
        default: p.join = Join::Sleep; break;
        }
        Feature jf = p.join == Join::WaitGroup     ? Feature::JoinWaitGroup
                     : p.join == Join::DoneChannel ? Feature::JoinDone
                     : p.join == Join::None        ? Feature::JoinNone
                                                   : Feature::JoinSleep;
        if (features.allows(jf)) break;
    }
    Builder b{rng, features, p};
    // 1-3 goroutines besides main, at most 4 running goroutines in all (mostly 2-3), a
    // handful of operations each: small enough for the naive search to finish.
    int r_count = static_cast<int>(rng.below(10));
    int count = r_count < 5 ? 1 : r_count < 9 ? 2 : 3;
    int running = 1;
    for (int i = 0; i < count && running < 4; ++i) {
        Goroutine g;
        int r = static_cast<int>(rng.below(10));
        if (r < 2 && features.allows(Feature::GoLoop) && count == 1) {
            g.start = Start::Loop;
            g.loop_var_captured = features.allows(Feature::LoopVarCapture) && rng.percent(30);
        } else if (r < 4 && features.allows(Feature::GoNested) && p.join != Join::DoneChannel && count == 1) {
            g.start = Start::Nested;
        }
        running += g.start == Start::Plain ? 1 : 2;
        g.recover = features.allows(Feature::Recover) && rng.percent(20);
        int len = count == 1 && g.start == Start::Plain ? rng.between(1, 3) : count == 3 ? 1 : rng.between(1, 2);
        for (int k = 0; k < len; ++k) {
            Stmt partner;
            bool has_partner = false;
            g.body.push_back(b.op(partner, has_partner));
            if (has_partner) p.main_ops.push_back(partner);  // placed below, maybe moved
        }
        p.goroutines.push_back(std::move(g));
    }
    // Partners (signals, stores ending spins) go to main or to another goroutine.
    std::vector<Stmt> partners;
    partners.swap(p.main_ops);
    for (auto& s : partners) {
        size_t where = rng.below(static_cast<uint32_t>(p.goroutines.size() + 1));
        if (where == p.goroutines.size()) p.main_ops.push_back(s);
        else p.goroutines[where].body.insert(p.goroutines[where].body.begin(), s);
    }
    int main_len = rng.percent(60) ? 0 : 1;
    for (int k = 0; k < main_len; ++k) {
        Stmt partner;
        bool has_partner = false;
        Stmt s = b.op(partner, has_partner);
        if (has_partner) {
            // main spins or waits: its partner goes to a goroutine, which starts first.
            p.goroutines[rng.below(static_cast<uint32_t>(p.goroutines.size()))].body.push_back(partner);
        }
        p.main_ops.push_back(s);
    }
    if (features.allows(Feature::EarlyReturn) && rng.percent(10))
        p.main_ops.insert(p.main_ops.begin() + rng.below(static_cast<uint32_t>(p.main_ops.size() + 1)),
                          Stmt{"if atomic.LoadInt32(&n) > 0 {\nfmt.Println(\"main early\")\nreturn\n}", kN,
                               kAtomic | kFmt, Feature::EarlyReturn});
    if (rng.percent(70)) {
        Stmt partner;
        bool has_partner = false;
        Stmt s;
        do s = b.op(partner, has_partner);
        while (has_partner);
        p.tail_ops.push_back(s);
    }
    p.shape = shape_of(p);
    return p;
}

}  // namespace lockstep::gen
