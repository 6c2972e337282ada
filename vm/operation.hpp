// The visible operation: the point where a goroutine pauses so the checker can decide who
// runs next. The contract between the VM (which produces them) and the checker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/source.hpp"

namespace lockstep::vm {

enum class OpKind : uint8_t {
#define LOCKSTEP_OP(name, text, ns) name,
#include "vm/op_kinds.def"
#undef LOCKSTEP_OP
};
inline constexpr int op_kind_count = 0
#define LOCKSTEP_OP(name, text, ns) +1
#include "vm/op_kinds.def"
#undef LOCKSTEP_OP
    ;

// What an operation's `object` names.
enum class ObjectSpace : uint8_t { None, Memory, Sync, Chan };

namespace detail {
struct OpKindInfo {
    std::string_view name;
    std::string_view text;
    ObjectSpace space;
};
inline constexpr OpKindInfo op_kind_table[] = {
#define LOCKSTEP_OP(name, text, ns) {#name, text, ObjectSpace::ns},
#include "vm/op_kinds.def"
#undef LOCKSTEP_OP
};
}  // namespace detail

// "Load", "Lock", ...
constexpr std::string_view op_kind_name(OpKind k) { return detail::op_kind_table[static_cast<int>(k)].name; }
// "read", "Lock", ... as shown in traces
constexpr std::string_view op_kind_text(OpKind k) { return detail::op_kind_table[static_cast<int>(k)].text; }
constexpr ObjectSpace op_object_space(OpKind k) { return detail::op_kind_table[static_cast<int>(k)].space; }

// Goroutine ids are dense: 0 is main (or the test), then in creation order.
using Gid = uint32_t;

// A nil channel's operations (and select cases) name this channel id: never ready, and
// not an index into any table (no channel has it).
inline constexpr uint32_t nil_chan_id = 0xFFFFFFFFu;

// A goroutine's next visible operation. Small and trivially copyable: the checker keeps
// one per goroutine and copies them freely.
struct Operation {
    OpKind kind = OpKind::Exit;
    // Location id (Memory), sync object id (Sync) or channel id (Chan); ids are dense per
    // space and per execution, assigned deterministically by the VM in first-use order,
    // so the same schedule always gives the same ids.
    uint32_t object = 0;
    // Index into Program::site(): where in the source this operation is.
    uint32_t site = 0;
    // Kind-specific: WaitGroup delta; CondWait's locker id; Select's case count.
    int64_t arg = 0;
};

// What the checker decided about an operation when it lets the goroutine perform it.
struct Outcome {
    int64_t value = 0;  // TryLock: 1 acquired / 0 not; OnceEnter: 1 runs f; PoolGet: object
                        // index or -1; Select: case index or -1 (default); Go: new gid
    Gid partner = 0;    // unbuffered channel rendezvous: the goroutine on the other side
};

// A source position with what the trace needs to show it.
struct Site {
    const lang::SourceFile* file = nullptr;
    lang::Pos pos;
    std::string function;  // "main.(*Counter).Increment", "main.main.func1"
    std::string expr;      // the accessed expression for memory ops ("c.value"), else ""
};

}  // namespace lockstep::vm
