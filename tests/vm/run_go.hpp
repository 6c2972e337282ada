// Test helper: compiles Go source with the real front end and runs it on vm::Machine under
// a trivial scheduler (always the lowest-numbered goroutine whose pending operation is
// enabled), with just enough of the sync semantics to decide enabledness.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lang/check.hpp"
#include "lang/parser.hpp"
#include "vm/compiler.hpp"
#include "vm/machine.hpp"

namespace lockstep::vm::test {

struct Compiled {
    std::unique_ptr<lang::SourceFile> source;
    std::unique_ptr<lang::File> file;
    std::unique_ptr<lang::TypeInfo> info;
    std::shared_ptr<const Module> module;
};

inline Compiled compile_source(const std::string& text) {
    Compiled c;
    c.source = std::make_unique<lang::SourceFile>("test.go", text);
    c.file = lang::parse_file(*c.source);
    c.info = lang::check_file(*c.file);
    c.module = compile(*c.file, *c.info);
    return c;
}

struct RunResult {
    std::string output;
    std::string panic;  // panic_message of the goroutine that panicked, if any
    bool fatal = false;
    bool deadlock = false;
    std::vector<Operation> trace;  // every performed operation, in order
    std::vector<Gid> who;
};

// Runs one execution of `m` (already reset) with the lowest-enabled-goroutine scheduler.
inline RunResult run_lowest_first(Machine& m, size_t max_steps = 1000000) {
    RunResult r;
    std::map<uint32_t, Gid> holder;          // mutex id -> holder (write)
    std::map<uint32_t, int> readers;
    std::map<uint32_t, int64_t> wg;
    std::map<uint32_t, int> once;            // 0 new, 1 running, 2 done
    std::map<uint32_t, int> pool;            // pooled object count
    std::map<Gid, uint32_t> cond_waiting;    // goroutine -> cond id
    auto chan_send_ready = [&](uint32_t ch, Gid self, Gid& partner) {
        if (ch == 0xFFFFFFFFu) return false;
        if (m.chan_closed(ch)) return true;
        if (m.chan_buffered(ch) < m.chan_capacity(ch)) return true;
        for (Gid h = 0; h < m.goroutine_count(); h++) {
            if (h == self || m.state(h) != GoroutineState::Pending) continue;
            const Operation& o = m.pending(h);
            if (o.kind == OpKind::ChanRecv && o.object == ch) { partner = h; return true; }
            (void)partner;
        }
        return false;
    };
    auto chan_recv_ready = [&](uint32_t ch, Gid self, Gid& partner) {
        if (ch == 0xFFFFFFFFu) return false;
        if (m.chan_buffered(ch) > 0 || m.chan_closed(ch)) return true;
        for (Gid h = 0; h < m.goroutine_count(); h++) {
            if (h == self || m.state(h) != GoroutineState::Pending) continue;
            const Operation& o = m.pending(h);
            if (o.kind == OpKind::ChanSend && o.object == ch) { partner = h; return true; }
            if (o.kind == OpKind::Select) {
                for (uint32_t i = 0; i < o.arg; i++) {
                    SelectCase c = m.select_case(h, i);
                    if (c.kind == OpKind::ChanSend && c.chan == ch && !c.nil_chan) { partner = h; return true; }
                }
            }
        }
        return false;
    };
    for (size_t step = 0; step < max_steps; step++) {
        bool progressed = false;
        for (Gid g = 0; g < m.goroutine_count(); g++) {
            if (m.state(g) != GoroutineState::Pending) continue;
            const Operation op = m.pending(g);
            Outcome out;
            bool enabled = true;
            switch (op.kind) {
            case OpKind::Lock: enabled = !holder.count(op.object) && readers[op.object] == 0; break;
            case OpKind::RLock: enabled = !holder.count(op.object); break;
            case OpKind::TryLock: out.value = !holder.count(op.object) && readers[op.object] == 0; break;
            case OpKind::TryRLock: out.value = !holder.count(op.object); break;
            case OpKind::WgWait: enabled = wg[op.object] <= 0; break;
            case OpKind::OnceEnter: enabled = once[op.object] != 1; out.value = once[op.object] == 0; break;
            case OpKind::CondWait: enabled = true; break;
            case OpKind::PoolGet: out.value = pool[op.object] > 0 ? 0 : -1; break;
            case OpKind::ChanSend: enabled = chan_send_ready(op.object, g, out.partner); break;
            case OpKind::ChanRecv: enabled = chan_recv_ready(op.object, g, out.partner); break;
            case OpKind::Select: {
                enabled = false;
                for (uint32_t i = 0; i < op.arg && !enabled; i++) {
                    SelectCase c = m.select_case(g, i);
                    if (c.nil_chan) continue;
                    bool ready = c.kind == OpKind::ChanSend ? chan_send_ready(c.chan, g, out.partner) : chan_recv_ready(c.chan, g, out.partner);
                    if (ready) { enabled = true; out.value = i; }
                }
                if (!enabled && m.select_has_default(g)) { enabled = true; out.value = -1; }
                break;
            }
            default: break;
            }
            if (cond_waiting.count(g)) enabled = false;
            if (!enabled) continue;
            if (op.kind == OpKind::Exit || op.kind == OpKind::Panic) {
                r.output = std::string(m.output());
                if (op.kind == OpKind::Panic) {
                    r.panic = m.panic_message(g);
                    r.fatal = m.panic_is_fatal(g);
                }
                r.trace.push_back(op);
                r.who.push_back(g);
                return r;
            }
            switch (op.kind) {
            case OpKind::Lock: holder[op.object] = g; break;
            case OpKind::TryLock: if (out.value) holder[op.object] = g; break;
            case OpKind::Unlock: holder.erase(op.object); break;
            case OpKind::RLock: readers[op.object]++; break;
            case OpKind::TryRLock: if (out.value) readers[op.object]++; break;
            case OpKind::RUnlock: readers[op.object]--; break;
            case OpKind::WgAdd: wg[op.object] += op.arg; break;
            case OpKind::OnceEnter: if (out.value) once[op.object] = 1; break;
            case OpKind::OnceExit: once[op.object] = 2; break;
            case OpKind::CondWait: holder.erase(static_cast<uint32_t>(op.arg)); cond_waiting[g] = op.object; break;
            case OpKind::CondSignal:
            case OpKind::CondBroadcast:
                for (auto it = cond_waiting.begin(); it != cond_waiting.end();) {
                    if (it->second == op.object) {
                        it = cond_waiting.erase(it);
                        if (op.kind == OpKind::CondSignal) break;
                    } else ++it;
                }
                break;
            case OpKind::PoolPut: pool[op.object]++; break;
            case OpKind::PoolGet: if (out.value >= 0) pool[op.object]--; break;
            default: break;
            }
            r.trace.push_back(op);
            r.who.push_back(g);
            bool rendezvous = (op.kind == OpKind::ChanRecv || op.kind == OpKind::Select) && out.partner != 0 &&
                              m.state(out.partner) == GoroutineState::Pending;
            Gid partner = out.partner;
            uint32_t chan = !rendezvous ? 0 : op.kind == OpKind::ChanRecv ? op.object : (out.value >= 0 ? m.select_case(g, static_cast<uint32_t>(out.value)).chan : 0);
            m.resume(g, out);
            if (rendezvous) {
                // The sender of an unbuffered rendezvous completes with the receiver.
                const Operation& po = m.pending(partner);
                Outcome pout;
                pout.partner = g;
                if (po.kind == OpKind::Select) {
                    for (uint32_t i = 0; i < po.arg; i++) {
                        SelectCase c = m.select_case(partner, i);
                        if (c.kind == OpKind::ChanSend && c.chan == chan) pout.value = i;
                    }
                }
                r.trace.push_back(po);
                r.who.push_back(partner);
                m.resume(partner, pout);
            }
            progressed = true;
            break;
        }
        if (!progressed) {
            r.deadlock = true;
            r.output = std::string(m.output());
            return r;
        }
    }
    r.output = std::string(m.output());
    return r;
}

inline RunResult run_go(const std::string& text) {
    Compiled c = compile_source(text);
    Machine m(c.module);
    return run_lowest_first(m);
}

}  // namespace lockstep::vm::test
