// Found by fuzz_check on its very first seeds (every scenario with a `go` statement):
// heap-use-after-free in vm::Machine::Impl::perform (vm/machine.cpp, Pend::Go), which keeps
// `const Instr& in = g.pinstr` into the goroutine vector and reads it after
// `gs.emplace_back()` has reallocated that vector. Silent in an ordinary build; ASan
// (`make test-asan`, `make fuzz`) reports it.
package main

//lockstep:expect none

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	wg.Wait()
}
