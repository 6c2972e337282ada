// Filename: safe_counter.go
// The chapter's fix at ten goroutines: every access to value, the increment
// and the final read, happens under c.mu. The ten workers come from one go
// statement and start equal, so dpor's symmetry reduction explores one of the
// 10! lock orders for all of them (docs/semantics.md, "Symmetry reduction");
// with --no-symmetry the search does not finish in a minute.
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

	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}

	wg.Wait()
	fmt.Println("Final count:", counter.Value())
	// Output:
	// Final count: 10
}
