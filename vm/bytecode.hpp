// Bytecode: the instruction format and the opcode list (vm/opcodes.def).
#pragma once

#include <cstdint>
#include <string_view>

namespace lockstep::vm {

enum class Opcode : uint8_t {
#define LOCKSTEP_OPCODE(name) name,
#include "vm/opcodes.def"
#undef LOCKSTEP_OPCODE
};

std::string_view opcode_name(Opcode op);

// One instruction: 12 bytes, operands as documented beside each opcode in opcodes.def.
struct Instr {
    Opcode op = Opcode::Nop;
    uint8_t k = 0;
    uint16_t n = 0;
    int32_t a = 0;
    int32_t b = 0;
};
static_assert(sizeof(Instr) == 12);

// One instruction, for the functions the compiler writes by hand (timers, sort, sync.Map).
inline Instr instr(Opcode op, int32_t a = 0, uint16_t n = 0, int32_t b = 0, uint8_t k = 0) {
    Instr x;
    x.op = op;
    x.a = a;
    x.n = n;
    x.b = b;
    x.k = k;
    return x;
}

// Atomic operations (Instr::k of Opcode::Atomic; Instr::n = 1 on an Add whose result is
// dropped: it pushes nothing, and its operation's arg is 1).
enum class AtomicOp : uint8_t { Load, Store, Add, Swap, CompareAndSwap };

}  // namespace lockstep::vm
