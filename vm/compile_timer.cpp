// The body of a timer's own goroutine (time.NewTimer, time.After, time.AfterFunc,
// time.NewTicker, time.Tick; vm/natives_time.cpp): wait until the timer fires, then, for
// AfterFunc, call its func; again. The wait is the visible TimerFire operation.
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

uint32_t Compiler::timer_function() {
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "time.timer";
    f.param_slots = 2;  // the timer's state cell, AfterFunc's func (nil for the others)
    f.frame_slots = 2;
    f.code = {
        instr(Opcode::LoadLocal, 0, 1),  // 0
        instr(Opcode::Native, static_cast<int32_t>(NativeId::TimerWait), 1, -1),  // fires -> [has f]
        instr(Opcode::JumpIfNot, 0),
        instr(Opcode::LoadLocal, 1, 1),
        instr(Opcode::CallValue, 0, 0),  // f()
        instr(Opcode::Jump, 0),
        instr(Opcode::Ret, 0, 0),        // 6: never reached
    };
    f.epilogue = 6;
    return idx;
}

}  // namespace lockstep::vm
