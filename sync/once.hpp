// The model of sync.Once: not started, running f (by one goroutine), done. A Do while
// another goroutine runs f waits for it; a Do from inside f deadlocks in Go.
#pragma once

#include <cstdint>

#include "sync/model.hpp"
#include "vm/operation.hpp"

namespace lockstep::sync {

enum class OnceStep : uint8_t {
    Blocked,    // another goroutine is running f
    RunsF,      // this Do runs f (outcome 1)
    Returns,    // already done: returns at once (outcome 0)
    Recursive,  // Do from inside its own f
};

class OnceModel {
public:
    void reset() {
        m_state = State::NotStarted;
        m_runner = 0;
    }
    bool done() const { return m_state == State::Done; }
    OnceStep enter_step(vm::Gid g) const {
        switch (m_state) {
        case State::NotStarted: return OnceStep::RunsF;
        case State::Done: return OnceStep::Returns;
        case State::Running: return m_runner == g ? OnceStep::Recursive : OnceStep::Blocked;
        }
        return OnceStep::Blocked;
    }
    void start(vm::Gid g) {
        m_state = State::Running;
        m_runner = g;
    }
    // f returned or panicked: Go marks the Once done either way.
    void finish() { m_state = State::Done; }

    // --- the model interface (sync/model.hpp): OnceEnter (Do), OnceExit (f returned or panicked).
    bool enabled(const OpQuery& q) const { return q.kind != vm::OpKind::OnceEnter || enter_step(q.g) != OnceStep::Blocked; }
    // A Do after f completed only reads the Once: such Dos commute with each other.
    Dep dep(const OpQuery& q) const { return q.kind == vm::OpKind::OnceEnter && done() ? Dep::Read : Dep::Write; }
    Deps deps(const OpQuery& q) const { return Deps::object(dep(q)); }
    Misuse misuse(const OpQuery& q) const {
        return q.kind == vm::OpKind::OnceEnter && enter_step(q.g) == OnceStep::Recursive ? Misuse::RecursiveOnce : Misuse::None;
    }
    uint32_t alternatives(const OpQuery&) const { return 1; }
    // Blocking: a Do waits while another goroutine runs f. The Do that started f disabled
    // it (the latest Do on the Once: its race); the end of f enabled it.
    static Wait wait_class(vm::OpKind k, Effect, bool) { return k == vm::OpKind::OnceEnter ? Wait::Once : Wait::None; }
    static bool disables(Wait, vm::OpKind k, Effect) { return k == vm::OpKind::OnceEnter; }
    static bool enables(Wait, vm::OpKind, Effect e) { return releases(e); }
    Applied apply(const OpQuery& q) {
        Applied a;
        if (q.kind == vm::OpKind::OnceExit) {
            // The end of a running f is what lets the Dos waiting for it proceed.
            if (!done()) a.effect = Effect::Release;
            finish();
            a.edges = PublishRelease;
            return a;
        }
        switch (enter_step(q.g)) {
        case OnceStep::Recursive: a.misuse = Misuse::RecursiveOnce; break;
        case OnceStep::RunsF:
            start(q.g);
            a.value = 1;
            break;
        case OnceStep::Returns:
            a.edges = JoinRelease;  // f's completion → every Do return
            a.value = 0;
            break;
        case OnceStep::Blocked: break;  // never stepped
        }
        return a;
    }

private:
    enum class State : uint8_t { NotStarted, Running, Done };
    State m_state = State::NotStarted;
    vm::Gid m_runner = 0;
};

}  // namespace lockstep::sync
