// Runtime type information: what the interpreter and the formatter need to know about a
// Go type at run time (slot layout, Go's name for %T, fields for %v, method tables for
// interface dispatch, equality and hashing of map keys and interface values).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lockstep::vm {

enum class RKind : uint8_t {
    Invalid,
    Bool,
    Int, Int8, Int16, Int32, Int64,
    Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
    Float32, Float64,
    String,
    Complex64, Complex128,  // two slots: the real part, then the imaginary part (doubles)
    Pointer, Slice, Array, Struct, Map, Chan, Func, Interface,
    UntypedNil,
};

// Library types the VM implements natively; they print and behave specially.
enum class RSpecial : uint8_t {
    None,
    Mutex, RWMutex, WaitGroup, Once, Cond, Pool, SyncMap,
    AtomicInt32, AtomicInt64, AtomicUint32, AtomicUint64, AtomicBool, AtomicValue,
    Error,         // *errors.errorString and fmt's wrapError: slot 0 = message string
    Builder,       // strings.Builder / bytes.Buffer: slot 0 = the accumulated string
    Buffer,
    Duration, Time,
};

struct RField {
    std::string name;
    uint32_t type = 0;
    uint32_t offset = 0;  // in slots from the start of the struct
    bool embedded = false;
};

// How an interface's payload becomes the method's receiver.
enum class RecvMode : uint8_t {
    Payload,  // the one-slot payload is the receiver (pointer receivers, one-slot values)
    Unbox,    // the payload points to the boxed value's cells: copy them
    Deref,    // the payload is a pointer and the method wants the pointee: copy its cells
};

struct RMethod {
    uint32_t name = 0;        // index into Module::method_names
    uint32_t function = 0;    // index into Module::functions
    RecvMode mode = RecvMode::Payload;
    uint32_t recv_slots = 1;
};

struct RType {
    RKind kind = RKind::Invalid;
    RSpecial special = RSpecial::None;
    std::string name;      // Go's %T spelling: "int", "main.Counter", "*main.Counter", "[]int"
    bool named = false;    // a defined type (its name is not its structure)
    uint32_t slots = 1;    // slots a value occupies in a variable
    uint32_t elem = 0;     // pointer/slice/array/map value/chan element type
    uint32_t key = 0;      // map key type
    uint32_t len = 0;      // array length
    uint32_t go_size = 8;  // size in bytes in real Go (append's capacity growth depends on it)
    std::vector<RField> fields;
    // Methods callable through an interface holding this type, sorted by name id.
    std::vector<RMethod> methods;
    // Interfaces only: the method names required, sorted.
    std::vector<uint32_t> iface_methods;

    // A value of this type held in an interface is boxed in heap cells (more than one
    // slot, or a slice, whose three words do not fit the interface's payload).
    bool boxed_in_interface() const { return slots != 1 || kind == RKind::Slice || kind == RKind::Interface; }
    bool is_integer() const { return kind >= RKind::Int && kind <= RKind::Uintptr; }
    bool is_unsigned() const { return kind >= RKind::Uint && kind <= RKind::Uintptr; }
    bool is_float() const { return kind == RKind::Float32 || kind == RKind::Float64; }
    bool is_complex() const { return kind == RKind::Complex64 || kind == RKind::Complex128; }
};

}  // namespace lockstep::vm
