// vm::Machine: the interpreter. Runs a compiled Module one goroutine at a time, each with
// its own explicit frame and operand stacks, pausing every goroutine at its next visible
// operation so the checker (through vm::Program) decides who runs next.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vm/module.hpp"
#include "vm/program.hpp"

namespace lockstep::vm {

struct MachineLimits {
    uint32_t max_goroutines = 10000;
    // A Ticker's ticks in one execution (more end it as a bound): under free time a ticker
    // and its reader could otherwise go on for ever in schedules that starve the rest.
    uint32_t max_ticks = 3;
    // math/rand: a result with at most this many values is a data choice of the search
    // (every value explored); others are drawn. 0 in `lockstep run`: every value is drawn.
    uint32_t rand_choices = 4;
    uint32_t max_heap_cells = 1u << 24;
    uint32_t max_output_bytes = 1u << 20;
    // Frames live on the VM's own vectors, not the C++ stack: Go's 1 GB stacks run
    // recursions millions deep, and a false stack overflow is worse than a slower true one.
    uint32_t max_call_depth = 1'000'000;
    uint64_t max_instructions_per_resume = 5'000'000;
    // `lockstep run`: plain loads and stores are not visible operations (one non-preemptive
    // schedule never switches at them, and `go run` reports no races), so long sequential
    // programs run at interpreter speed. Map, sync, channel and atomic operations stay visible.
    bool quiet_memory = false;
    // `lockstep run`: keep what the program writes to stdout and to stderr (print and
    // println) in order, as streams(), so both reach the terminal as under `go run`.
    bool keep_streams = false;
    // `lockstep run`: a goroutine that used up max_instructions_per_resume is preempted (it
    // pauses at a Yield and goes on when resumed), as Go's scheduler preempts a long
    // computation, instead of ending the execution as a livelock (StepLimit).
    bool preempt = false;
    // `lockstep run`: the virtual clock (time.Now) advances this many nanoseconds per
    // visible operation performed, so time.Since measures work done, as under `go run`
    // (0: it moves only when time.Sleep or a timer says so, as exploration needs).
    uint32_t ns_per_operation = 0;
};

// One piece of the program's output, to stdout or to stderr.
struct StreamChunk {
    bool to_stderr = false;
    std::string text;
};

class Machine final : public Program {
public:
    Machine(std::shared_ptr<const Module> module, MachineLimits limits = {});
    ~Machine() override;

    void reset() override;
    uint32_t goroutine_count() const override { return m_goroutine_count; }
    GoroutineState state(Gid g) const override;
    const Operation& pending(Gid g) const override;
    void resume(Gid g, const Outcome& outcome) override;

    uint32_t chan_capacity(uint32_t chan) const override;
    uint32_t chan_buffered(uint32_t chan) const override;
    bool chan_closed(uint32_t chan) const override;
    SelectCase select_case(Gid g, uint32_t index) const override;
    bool select_has_default(Gid g) const override;

    const Site& site(uint32_t index) const override;
    GoroutineInfo goroutine_info(Gid g) const override;
    std::string last_value_text(Gid g) const override;
    std::string panic_message(Gid g) const override;
    bool panic_is_fatal(Gid g) const override;
    bool is_timer(Gid g) const override;
    std::string test_failure(uint32_t& site) const override;
    uint64_t loop_serial(Gid g) const override;
    uint64_t loop_repeats(Gid g) const override;
    std::string_view output() const override { return m_output; }
    uint64_t seeded_draws() const override;
    bool same_local_state(Gid a, Gid b) const override;
    uint32_t sync_origin(uint32_t id) const override;
    // Both output streams in order (MachineLimits::keep_streams; else empty).
    const std::vector<StreamChunk>& streams() const { return m_streams; }
    // The status the program passed to os.Exit (0 if it did not call it).
    int exit_status() const;

    const Module& module() const { return *m_module; }

    struct Impl;  // the execution state (vm/machine_state.hpp), private to vm/

private:
    std::shared_ptr<const Module> m_module;
    MachineLimits m_limits;
    std::unique_ptr<Impl> m_impl;
    uint32_t m_goroutine_count = 0;
    std::string m_output;
    std::vector<StreamChunk> m_streams;
};

}  // namespace lockstep::vm
