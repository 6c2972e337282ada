// vm::Module: a compiled program. Immutable once built and shared by every execution:
// functions and their bytecode, constants, runtime types, method names and the Site table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/bytecode.hpp"
#include "vm/operation.hpp"
#include "vm/rtype.hpp"
#include "vm/value.hpp"

namespace lockstep::vm {

enum class NativeId : uint16_t {
#define LOCKSTEP_NATIVE(name, go) name,
#include "vm/natives.def"
#undef LOCKSTEP_NATIVE
};
std::string_view native_go_name(NativeId id);
// The native with this Go name ("fmt.Println", "(*strings.Builder).WriteString"), or false.
bool find_native(std::string_view go_name, NativeId& out);

struct Function {
    std::string name;          // Go's runtime name: "main.main", "main.(*Counter).Increment", "main.main.func1"
    uint32_t param_slots = 0;  // receiver and parameters, at the bottom of the frame
    uint32_t result_slots = 0;
    uint32_t result_type = 0;  // the runtime type of a single result (0: none, or several)
    uint32_t frame_slots = 0;  // params + locals (temporaries included)
    uint32_t epilogue = 0;     // pc of `RunDefers; <push results>; Ret`: where a recovered panic resumes
    uint32_t site = 0;         // where the function is declared
    bool test_runner = false;  // runs a test function: runtime.Goexit in the test stops here
    std::vector<Instr> code;
    // Where each stretch of code comes from, for what the VM reports itself (a bound hit,
    // a stack overflow, a goroutine stopped at the instruction budget): an entry covers
    // the code from its pc up to the next entry's. Sorted by pc; empty for the VM's own
    // snippets (Once.Do, wrappers).
    struct PcSite {
        uint32_t pc = 0;
        uint32_t site = 0;
    };
    std::vector<PcSite> pc_sites;
    // The site of the instruction at pc; 0 (nowhere) when the table does not cover it.
    uint32_t site_at(uint32_t pc) const {
        uint32_t found = 0;
        size_t lo = 0, hi = pc_sites.size();
        while (lo < hi) {  // the last entry whose pc <= pc
            size_t mid = (lo + hi) / 2;
            if (pc_sites[mid].pc <= pc) {
                found = pc_sites[mid].site;
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return found;
    }
};

// Well-known runtime types every module has, at fixed indices.
namespace rt {
inline constexpr uint32_t invalid = 0;
inline constexpr uint32_t boolean = 1;
inline constexpr uint32_t int_ = 2;
inline constexpr uint32_t float64 = 3;
inline constexpr uint32_t string = 4;
inline constexpr uint32_t any = 5;          // interface {}
inline constexpr uint32_t error = 6;        // error
inline constexpr uint32_t error_string = 7; // *errors.errorString
inline constexpr uint32_t uint8 = 8;
inline constexpr uint32_t int32 = 9;
inline constexpr uint32_t runtime_error = 10;  // runtime.Error values (boxed message string)
inline constexpr uint32_t int64 = 11;
inline constexpr uint32_t any_map = 12;  // map[interface {}]interface {} (sync.Map's table)
inline constexpr uint32_t join_error = 13;  // *errors.joinError (errors.Join): slot 0 = message, 1 = []error
inline constexpr uint32_t count = 14;
}  // namespace rt

// One `select` statement's shape (Opcode::Select operand a).
struct SelectShape {
    struct Case {
        OpKind kind = OpKind::ChanRecv;  // ChanSend or ChanRecv
        uint16_t elem_slots = 1;
    };
    std::vector<Case> cases;
    bool has_default = false;
    uint16_t recv_slots = 0;  // widest received value: the result area the VM pushes
};

struct Module {
    std::vector<Function> functions;
    std::vector<RType> types;
    std::vector<std::string> method_names;   // interface dispatch key: name id
    std::vector<Value> constants;
    std::string string_pool;                 // backing of constant strings
    std::vector<Site> sites;                 // Program::site(i)
    std::vector<std::string> go_names;       // by site: the function a `go` at that site starts
    std::vector<SelectShape> selects;
    uint32_t global_cells = 0;               // globals occupy cells [1, 1 + global_cells)
    uint32_t start_function = 0;             // goroutine 0's function: package init, main, Exit
    uint32_t timer_function = 0;             // a timer's own goroutine (vm/compile_timer.cpp)
    std::string main_name = "main";          // goroutine 0's name: "main", or the test entry "TestXxx"
    uint32_t error_method = 0;               // method name id of "Error"
    uint32_t string_method = 0;              // method name id of "String"

    // A constant string (added to the pool).
    Value intern(std::string_view s);
    std::string_view const_string(const Value& v) const {
        return std::string_view(string_pool).substr(v.p.a & ~const_string_bit, v.p.b);
    }
    uint32_t method_name_id(std::string_view name);  // adds it if missing
    // Adds the well-known types (rt::*) to an empty module.
    void add_builtin_types();
};

}  // namespace lockstep::vm
