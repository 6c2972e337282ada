// A generated concurrent Go program: main, 1-3 goroutines (some started in a loop or from
// another goroutine), each a short list of operations over shared sync objects, channels,
// atomics and plain variables. Rendering declares exactly the objects and imports the kept
// operations use, so every subset of the operations (what the minimizer tries) is still a
// well-typed Go 1.19 program.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "features.hpp"

namespace lockstep::gen {

// Shared objects a statement may use; rendering declares the ones some kept statement uses.
enum Obj : uint32_t {
    kX = 1u << 0,        // x := 0, guarded by mu (or raced on)
    kY = 1u << 1,        // y := 0, guarded by rw
    kMu = 1u << 2,
    kRw = 1u << 3,
    kWg = 1u << 4,
    kOnce = 1u << 5,
    kCond = 1u << 6,     // cmu, ready, c := sync.NewCond(&cmu)
    kCondR = 1u << 7,    // rready, cr := sync.NewCond(rw.RLocker()) (needs kRw)
    kPool = 1u << 8,
    kMap = 1u << 9,      // sync.Map
    kN = 1u << 10,       // var n int32 (atomics)
    kFlag = 1u << 11,    // var flag int32 (busy-wait)
    kAv = 1u << 12,      // atomic.Value
    kChB = 1u << 13,     // buffered
    kChU = 1u << 14,     // unbuffered
    kChN = 1u << 15,     // nil
    kChC = 1u << 16,     // closed, one value left in its buffer
    kStop = 1u << 17,    // stop := make(chan struct{}), closed to end a polling select
    kDone = 1u << 18,    // done := make(chan bool), the join channel
    kMm = 1u << 19,      // mm := map[int]int{} (plain map: concurrent map writes)
    kAi = 1u << 20,      // var ai atomic.Int64
};

enum Import : uint32_t { kFmt = 1, kSync = 2, kAtomic = 4, kRuntime = 8, kTime = 16 };

// One statement (possibly a block) of a goroutine's body or of main. `{tag}` stands for the
// goroutine's print tag ("g1" or "L1", id), `{id}` for its integer id expression.
struct Stmt {
    std::string text;
    uint32_t objs = 0;
    uint32_t imports = 0;
    Feature feature = Feature::Print;
};

enum class Start { Plain, Loop, Nested };  // go f(); for i { go f(i) }; go from a goroutine
enum class Join { WaitGroup, DoneChannel, None, Sleep };

struct Goroutine {
    Start start = Start::Plain;
    int loop_count = 2;         // Start::Loop
    bool loop_var_captured = false;  // the closure reads the loop variable (Go 1.19: shared)
    bool recover = false;       // deferred recover that prints what it caught
    std::vector<Stmt> body;
};

struct ConcurrentProgram {
    uint64_t seed = 0;
    Join join = Join::WaitGroup;
    int chb_cap = 1;
    std::vector<Goroutine> goroutines;
    std::vector<Stmt> main_ops;  // after the go statements, before the join
    std::vector<Stmt> tail_ops;  // after the join
    std::string shape;           // the program's main primitive, for the bench figure

    // Statements and goroutines, in one numbering the minimizer's keep-mask uses: every
    // goroutine, then each goroutine's statements, then main_ops, then tail_ops.
    size_t unit_count() const;
    std::string render(const std::vector<bool>& keep) const;
    std::string render() const { return render(std::vector<bool>(unit_count(), true)); }
    std::set<Feature> features() const;
};

}  // namespace lockstep::gen
