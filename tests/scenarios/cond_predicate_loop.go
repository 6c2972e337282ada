// The missed signal fixed: the waiter checks the condition under the lock
// and waits only while it does not hold, so a Signal that comes first is not
// needed and one that comes later wakes it.
package main

//lockstep:expect none

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
		for !ready {
			cond.Wait()
		}
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
	// Output:
	// ready: true
}
