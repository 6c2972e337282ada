// The test runner the compiler builds for a `func TestXxx(t *testing.T)` entry: what go
// test's tRunner does around the test function (docs/semantics.md, "Tests"). The test
// function runs on goroutine 0; runtime.Goexit from t.FailNow/t.SkipNow unwinds to the
// runner (Function::test_runner), which runs the cleanups, reports and ends the test.
#include "lang/assert.hpp"
#include "vm/compiler_impl.hpp"

namespace lockstep::vm {

using namespace lang;

namespace {

Instr make(Opcode op, int32_t a = 0, uint16_t n = 0, int32_t b = 0, uint8_t k = 0) {
    Instr in;
    in.op = op;
    in.a = a;
    in.n = n;
    in.b = b;
    in.k = k;
    return in;
}

int32_t nat(NativeId id) { return static_cast<int32_t>(id); }

// Calls native `id` on the *T in local `t` ([t] -> [ch ok]) and, when ok, closes ch
// (`close`) or receives from it (`recv`, once). Appends to `code`; absolute pcs.
void with_test_chan(std::vector<Instr>& code, int32_t t, NativeId id, bool recv, int32_t site) {
    auto start = static_cast<int32_t>(code.size());
    code.push_back(make(Opcode::LoadLocal, t, 1));
    code.push_back(make(Opcode::Native, nat(id), 1, site));
    code.push_back(make(Opcode::JumpIfNot, start + 6));
    if (recv) {
        code.push_back(make(Opcode::Recv, 0, 1, site));
        code.push_back(make(Opcode::Pop, 0, 1));
    } else {
        code.push_back(make(Opcode::Close, 0, 0, site));
        code.push_back(make(Opcode::Nop));
    }
    code.push_back(make(Opcode::Jump, recv ? start : start + 7));  // recv: the next one
    code.push_back(make(Opcode::Pop, 0, 1));                        // start + 6: no channel
}

// After the test function returned (or Goexited) with its *T in local `t`: Go's tRunner
// epilogue. Appends to `code`; jump targets are absolute pcs. The parallel subtests
// (vm/natives_testing_parallel.cpp) are released and awaited before the cleanups; a
// parallel subtest's own end closes its done channel last.
void runner_epilogue(std::vector<Instr>& code, int32_t t, int32_t site, int32_t end_site) {
    code.push_back(make(Opcode::LoadLocal, t, 1));
    code.push_back(make(Opcode::Native, nat(NativeId::TestingReturned), 1, site));
    with_test_chan(code, t, NativeId::TestingRelease, false, site);
    with_test_chan(code, t, NativeId::TestingNextDone, true, site);
    auto loop = static_cast<int32_t>(code.size());
    code.push_back(make(Opcode::LoadLocal, t, 1));
    code.push_back(make(Opcode::Native, nat(NativeId::TestingPopCleanup), 1, site));
    code.push_back(make(Opcode::JumpIfNot, loop + 5));
    code.push_back(make(Opcode::CallValue, 0, 0));
    code.push_back(make(Opcode::Jump, loop));
    code.push_back(make(Opcode::Pop, 0, 1));  // loop + 5: the nil func
    code.push_back(make(Opcode::LoadLocal, t, 1));
    code.push_back(make(Opcode::Native, nat(NativeId::TestingFinish), 1, end_site));
    with_test_chan(code, t, NativeId::TestingDoneChan, false, end_site);
}

}  // namespace

void Compiler::test_main(const Object* entry_fn) {
    auto s = static_cast<int32_t>(site(entry_fn->pos, entry_fn->name));
    auto ends = static_cast<int32_t>(site(entry_fn->pos, entry_fn->name + " ends"));
    int32_t t = static_cast<int32_t>(temp(1));
    emit(Opcode::Const, static_cast<int32_t>(const_value(m_mod->intern(entry_fn->name))));
    emit(Opcode::Native, nat(NativeId::TestingBegin), 1, s);
    emit(Opcode::StoreLocal, t, 1);
    emit(Opcode::LoadLocal, t, 1);
    emit(Opcode::Call, static_cast<int32_t>(function_of(entry_fn)), 1);
    std::vector<Instr> tail;
    runner_epilogue(tail, t, s, ends);
    uint32_t at = here();
    for (Instr in : tail) {
        if (in.op == Opcode::Jump || in.op == Opcode::JumpIfNot) in.a += static_cast<int32_t>(at);
        code().push_back(in);
    }
    emit(Opcode::Native, nat(NativeId::TestingEnd), 0, static_cast<int32_t>(site(entry_fn->pos, "all tests end")));
    m_mod->functions[0].test_runner = true;
    m_mod->main_name = entry_fn->name;
}

uint32_t Compiler::test_run_function(uint32_t site_index, uint32_t end_site) {
    auto it = m_test_runs.find(site_index);
    if (it != m_test_runs.end()) return it->second;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "testing.tRunner";
    f.param_slots = 3;  // t, name, f
    f.result_slots = 1;
    f.frame_slots = 4;  // + the subtest's *T
    f.test_runner = true;
    auto s = static_cast<int32_t>(site_index);
    f.code = {
        make(Opcode::LoadLocal, 0, 1),
        make(Opcode::LoadLocal, 1, 1),
        make(Opcode::Native, nat(NativeId::TestingRunBegin), 2, s),
        make(Opcode::StoreLocal, 3, 1),
        make(Opcode::LoadLocal, 3, 1),
        make(Opcode::LoadLocal, 2, 1),
        make(Opcode::CallValue, 0, 1),
    };
    runner_epilogue(f.code, 3, s, static_cast<int32_t>(end_site));
    f.code.push_back(make(Opcode::LoadLocal, 3, 1));
    f.code.push_back(make(Opcode::Native, nat(NativeId::TestingResult), 1, s));
    f.epilogue = static_cast<uint32_t>(f.code.size());
    f.code.push_back(make(Opcode::Ret, 0, 1));
    m_test_runs.emplace(site_index, idx);
    return idx;
}

// t.Parallel(): [t] -> []. In a subtest the native's visible `go` moves the subtest to a
// goroutine of its own, which then waits for the parent's barrier (a receive).
uint32_t Compiler::test_parallel_function(uint32_t site_index) {
    uint32_t key = site_index | 0x80000000u;  // m_test_runs holds Run's snippets by site
    auto it = m_test_runs.find(key);
    if (it != m_test_runs.end()) return it->second;
    auto idx = static_cast<uint32_t>(m_mod->functions.size());
    m_mod->functions.emplace_back();
    Function& f = m_mod->functions[idx];
    f.name = "testing.(*T).Parallel";
    f.param_slots = 1;
    f.frame_slots = 1;
    auto s = static_cast<int32_t>(site_index);
    f.code = {
        make(Opcode::LoadLocal, 0, 1),
        make(Opcode::Native, nat(NativeId::TestingParallel), 1, s),
        make(Opcode::JumpIfNot, 6),
        make(Opcode::Recv, 0, 1, s),
        make(Opcode::Pop, 0, 1),
        make(Opcode::Ret, 0, 0),
        make(Opcode::Pop, 0, 1),  // 6: a top-level test
        make(Opcode::Ret, 0, 0),
    };
    f.epilogue = 5;
    m_test_runs.emplace(key, idx);
    return idx;
}

}  // namespace lockstep::vm
