// ScriptedProgram: a vm::Program whose goroutines are lists of operations, with a tiny
// memory (locations and per-goroutine registers) so values and prints can depend on what
// was read. Lets the checker be tested without the VM.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/program.hpp"

namespace lockstep::test {

using vm::OpKind;

struct ScriptOp {
    OpKind kind = OpKind::Yield;
    uint32_t object = 0;
    int64_t arg = 0;
    uint32_t line = 0;      // source line shown in traces (0: the op's index + 1)
    int reg = -1;           // Load: destination register; Store/Print: source register
    int64_t imm = 0;        // Store: value = reg + imm (or imm if reg < 0)
    std::string text;       // Print: text (followed by the register's value if reg >= 0); Panic: message
    std::string expr;       // object name in traces ("x", "mu")
};

struct Script {
    std::string name;
    std::vector<ScriptOp> ops;
};

// Builders.
inline ScriptOp load(uint32_t loc, int reg, std::string expr = "x") { ScriptOp o{OpKind::Load, loc}; o.reg = reg; o.expr = expr; return o; }
inline ScriptOp store(uint32_t loc, int reg, int64_t imm, std::string expr = "x") { ScriptOp o{OpKind::Store, loc}; o.reg = reg; o.imm = imm; o.expr = expr; return o; }
inline ScriptOp op(OpKind k, uint32_t obj = 0, int64_t arg = 0) { return ScriptOp{k, obj, arg}; }
inline ScriptOp lock(uint32_t m) { return op(OpKind::Lock, m); }
inline ScriptOp unlock(uint32_t m) { return op(OpKind::Unlock, m); }
inline ScriptOp rlock(uint32_t m) { return op(OpKind::RLock, m); }
inline ScriptOp runlock(uint32_t m) { return op(OpKind::RUnlock, m); }
inline ScriptOp wg_add(uint32_t w, int64_t d) { return op(OpKind::WgAdd, w, d); }
inline ScriptOp wg_done(uint32_t w) { return op(OpKind::WgAdd, w, -1); }
inline ScriptOp wg_wait(uint32_t w) { return op(OpKind::WgWait, w); }
inline ScriptOp go(uint32_t script) { return op(OpKind::Go, 0, script); }
inline ScriptOp print(std::string text, int reg = -1) { ScriptOp o{OpKind::Print}; o.text = std::move(text); o.reg = reg; return o; }
inline ScriptOp panic_op(std::string msg) { ScriptOp o{OpKind::Panic}; o.text = std::move(msg); return o; }
inline ScriptOp at(ScriptOp o, uint32_t line) { o.line = line; return o; }
// Channels: send register `reg` (or imm when reg < 0); receive into register `reg`.
inline ScriptOp send(uint32_t ch, int reg, int64_t imm = 0) { ScriptOp o{OpKind::ChanSend, ch}; o.reg = reg; o.imm = imm; return o; }
inline ScriptOp recv(uint32_t ch, int reg) { ScriptOp o{OpKind::ChanRecv, ch}; o.reg = reg; return o; }
inline ScriptOp close_chan(uint32_t ch) { return op(OpKind::ChanClose, ch); }
// Cond.Wait on cond c with locker m: the VM pauses again at Lock(m) afterwards, so the
// script follows it with lock(m).
inline ScriptOp cond_wait(uint32_t c, uint32_t m) { return op(OpKind::CondWait, c, m); }

class ScriptedProgram : public vm::Program {
public:
    // scripts[0] is main; a Go op's arg names the script the new goroutine runs.
    // chan_caps[i]: capacity of channel i.
    explicit ScriptedProgram(std::vector<Script> scripts, uint32_t locations = 4, std::vector<uint32_t> chan_caps = {})
        : m_scripts(std::move(scripts)), m_location_count(locations), m_caps(std::move(chan_caps)) {
        for (uint32_t s = 0; s < m_scripts.size(); ++s) {
            m_site_base.push_back(static_cast<uint32_t>(m_sites.size()));
            auto& ops = m_scripts[s].ops;
            for (uint32_t i = 0; i < ops.size(); ++i) {
                vm::Site site;
                site.pos = {ops[i].line ? ops[i].line : 100 * s + i + 1, 1};
                site.function = m_scripts[s].name;
                if (vm::op_object_space(ops[i].kind) == vm::ObjectSpace::Memory || !ops[i].expr.empty()) site.expr = ops[i].expr;
                m_sites.push_back(site);
            }
            // The implicit Exit at the end of main.
            vm::Site exit_site;
            exit_site.pos = {100 * s + static_cast<uint32_t>(ops.size()) + 1, 1};
            m_sites.push_back(exit_site);
        }
        reset();
    }

    uint64_t resumes = 0;

    void reset() override {
        m_gs.clear();
        m_memory.assign(m_location_count, 0);
        m_output.clear();
        m_chans.assign(m_caps.size(), Chan{});
        spawn(0, 0);
    }
    uint32_t goroutine_count() const override { return static_cast<uint32_t>(m_gs.size()); }
    vm::GoroutineState state(vm::Gid g) const override { return m_gs[g].done ? vm::GoroutineState::Done : vm::GoroutineState::Pending; }
    const vm::Operation& pending(vm::Gid g) const override { return m_gs[g].pending; }

    void resume(vm::Gid g, const vm::Outcome& outcome) override {
        ++resumes;
        G& gr = m_gs[g];
        const auto& ops = m_scripts[gr.script].ops;
        if (gr.pc >= ops.size()) return;  // Exit: nothing to do
        const ScriptOp& o = ops[gr.pc];
        gr.last_value.clear();
        switch (o.kind) {
        case OpKind::Load:
            gr.regs[o.reg] = m_memory[o.object];
            gr.last_value = std::to_string(gr.regs[o.reg]);
            break;
        case OpKind::Store: {
            int64_t v = (o.reg >= 0 ? gr.regs[o.reg] : 0) + o.imm;
            m_memory[o.object] = v;
            gr.last_value = std::to_string(v);
            break;
        }
        case OpKind::Print:
            m_output += o.text;
            if (o.reg >= 0) m_output += std::to_string(gr.regs[o.reg]);
            m_output += "\n";
            break;
        case OpKind::TryLock:
        case OpKind::PoolGet:
        case OpKind::Select:
        case OpKind::OnceEnter:
            gr.regs[3] = outcome.value;
            gr.last_value = std::to_string(outcome.value);
            break;
        case OpKind::ChanSend: {
            Chan& c = m_chans[o.object];
            if (c.closed) {
                m_panic = "send on closed channel";
                gr.panicked = true;
                gr.pending = vm::Operation{OpKind::Panic, 0, gr.pending.site, 0};
                return;
            }
            int64_t v = (o.reg >= 0 ? gr.regs[o.reg] : 0) + o.imm;
            if (!gr.delivered) c.buf.push_back(v);
            gr.delivered = false;
            gr.last_value = std::to_string(v);
            break;
        }
        case OpKind::ChanRecv: {
            Chan& c = m_chans[o.object];
            int64_t v = 0;
            if (!c.buf.empty()) {
                v = c.buf.front();
                c.buf.erase(c.buf.begin());
            } else if (!c.closed) {
                G& sender = m_gs[outcome.partner];
                const ScriptOp& so = m_scripts[sender.script].ops[sender.pc];
                v = (so.reg >= 0 ? sender.regs[so.reg] : 0) + so.imm;
                sender.delivered = true;
            }
            if (o.reg >= 0) gr.regs[o.reg] = v;
            gr.last_value = std::to_string(v);
            break;
        }
        case OpKind::ChanClose:
            if (m_chans[o.object].closed) {
                m_panic = "close of closed channel";
                gr.pending = vm::Operation{OpKind::Panic, 0, gr.pending.site, 0};
                gr.panicked = true;
                return;
            }
            m_chans[o.object].closed = true;
            break;
        case OpKind::Go:
            ++gr.pc;
            advance(g);
            spawn(static_cast<uint32_t>(o.arg), g);
            return;
        default: break;
        }
        ++gr.pc;
        advance(g);
    }

    uint32_t chan_capacity(uint32_t c) const override { return m_caps[c]; }
    uint32_t chan_buffered(uint32_t c) const override { return static_cast<uint32_t>(m_chans[c].buf.size()); }
    bool chan_closed(uint32_t c) const override { return m_chans[c].closed; }
    vm::SelectCase select_case(vm::Gid, uint32_t) const override { return {}; }
    bool select_has_default(vm::Gid) const override { return false; }

    const vm::Site& site(uint32_t index) const override { return m_sites[index]; }
    vm::GoroutineInfo goroutine_info(vm::Gid g) const override {
        vm::GoroutineInfo info;
        info.name = m_scripts[m_gs[g].script].name;
        info.has_creator = g != 0;
        info.created_at = m_gs[g].created_at;
        info.parent = m_gs[g].parent;
        return info;
    }
    std::string last_value_text(vm::Gid g) const override { return m_gs[g].last_value; }
    std::string panic_message(vm::Gid g) const override { return m_gs[g].panicked ? m_panic : m_scripts[m_gs[g].script].ops[m_gs[g].pc].text; }
    bool panic_is_fatal(vm::Gid) const override { return false; }
    std::string_view output() const override { return m_output; }
    // A scripted goroutine's whole local state: its script, pc, registers and pending op.
    // Scripts have no loops, so goroutines of one script started by one parent stand for
    // a go statement in a loop: the go site is not compared, the script is.
    bool same_local_state(vm::Gid a, vm::Gid b) const override {
        if (a == b) return true;
        if (a == 0 || b == 0 || a >= m_gs.size() || b >= m_gs.size()) return false;
        const G& x = m_gs[a];
        const G& y = m_gs[b];
        if (x.done || y.done || x.panicked || y.panicked) return false;
        for (int r = 0; r < 4; ++r)
            if (x.regs[r] != y.regs[r]) return false;
        return x.script == y.script && x.pc == y.pc && x.parent == y.parent &&
               x.delivered == y.delivered && x.last_value == y.last_value && x.pending.kind == y.pending.kind &&
               x.pending.object == y.pending.object && x.pending.site == y.pending.site && x.pending.arg == y.pending.arg;
    }
    int64_t memory(uint32_t loc) const { return m_memory[loc]; }

private:
    struct G {
        uint32_t script = 0;
        uint32_t pc = 0;
        bool done = false;
        vm::Operation pending;
        int64_t regs[4] = {0, 0, 0, 0};
        std::string last_value;
        uint32_t created_at = 0;
        vm::Gid parent = 0;
        bool delivered = false;  // a receiver took the value of its pending send
        bool panicked = false;   // a runtime panic (m_panic) replaced its pending op
    };
    struct Chan {
        std::vector<int64_t> buf;
        bool closed = false;
    };

    void spawn(uint32_t script, vm::Gid parent) {
        G gr;
        gr.script = script;
        gr.parent = parent;
        if (!m_gs.empty()) gr.created_at = m_gs[parent].pending.site;  // approximate: the parent's next site
        if (!m_gs.empty()) gr.created_at = m_site_base[m_gs[parent].script] + m_gs[parent].pc - 1;
        m_gs.push_back(gr);
        advance(static_cast<vm::Gid>(m_gs.size() - 1));
    }
    void advance(vm::Gid g) {
        G& gr = m_gs[g];
        const auto& ops = m_scripts[gr.script].ops;
        if (gr.pc >= ops.size()) {
            if (g == 0) {
                gr.pending = vm::Operation{OpKind::Exit, 0, m_site_base[gr.script] + gr.pc, 0};
            } else {
                gr.done = true;
            }
            return;
        }
        const ScriptOp& o = ops[gr.pc];
        gr.pending = vm::Operation{o.kind, o.object, m_site_base[gr.script] + gr.pc, o.arg};
    }

    std::vector<Script> m_scripts;
    uint32_t m_location_count;
    std::vector<uint32_t> m_site_base;
    std::vector<vm::Site> m_sites;
    std::vector<G> m_gs;
    std::vector<int64_t> m_memory;
    std::string m_output;
    std::vector<uint32_t> m_caps;
    std::vector<Chan> m_chans;
    std::string m_panic;
};

}  // namespace lockstep::test
