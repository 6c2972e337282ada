// A missed signal: the waiter calls cond.Wait without checking a condition
// first. If the signaller runs first, its Signal wakes nobody, and the waiter
// then waits forever (main with it, in wg.Wait).
// Real Go: with GOMAXPROCS=1 the goroutine started last (the signaller) runs
// first, so those runs end with
//
//	fatal error: all goroutines are asleep - deadlock!
package main

//lockstep:expect deadlock

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // waiter
		defer wg.Done()
		mu.Lock()
		cond.Wait() // BUG: should be `for !ready { cond.Wait() }`
		mu.Unlock()
	}()
	go func() { // signaller
		defer wg.Done()
		mu.Lock()
		ready = true
		cond.Signal()
		mu.Unlock()
	}()
	wg.Wait()
	fmt.Println("ready:", ready)
}
