// Filename: cond_ready.go
// sync.Cond: two workers wait until main marks the data ready, then read it.
// Each waits in a loop that re-checks the condition under the lock, as Cond
// requires; Broadcast wakes every waiter. A worker that arrives after the
// Broadcast sees ready and never waits, so no wake-up can be missed.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type Board struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
	msg   string
}

func main() {
	b := &Board{}
	b.cond = sync.NewCond(&b.mu)
	var wg sync.WaitGroup

	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			b.mu.Lock()
			for !b.ready {
				b.cond.Wait()
			}
			msg := b.msg
			b.mu.Unlock()
			fmt.Printf("worker %d read %q\n", id, msg)
		}(i)
	}

	b.mu.Lock()
	b.msg = "go"
	b.ready = true
	b.cond.Broadcast()
	b.mu.Unlock()

	wg.Wait()
	// Unordered output:
	// worker 1 read "go"
	// worker 2 read "go"
}
