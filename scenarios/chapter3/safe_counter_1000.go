// Filename: safe_counter.go
// The chapter's SafeCounter at the chapter's own size: 1000 goroutines, each
// incrementing once under c.mu, and the final read under c.mu too. The
// workers come from one go statement and start equal, so dpor's symmetry
// reduction (docs/semantics.md, "Symmetry reduction") explores one of the
// 1000! lock orders for all of them: one execution. With --no-symmetry the
// search does not finish.
// Real Go 1.19: the `go build` and `go build -race` binaries, 10 runs each, GOMAXPROCS=1
// and GOMAXPROCS=4, print "Final count: 1000" every time, with no race report.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu    sync.Mutex
	value int
}

func (c *SafeCounter) Increment() {
	c.mu.Lock()   // Acquire exclusive access
	c.value++     // Only one goroutine here at a time
	c.mu.Unlock() // Release for others
}

func (c *SafeCounter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock() // defer ensures unlock even if we panic
	return c.value
}

func main() {
	counter := SafeCounter{}
	var wg sync.WaitGroup

	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}

	wg.Wait()
	fmt.Println("Final count:", counter.Value())
	// Output:
	// Final count: 1000
}
