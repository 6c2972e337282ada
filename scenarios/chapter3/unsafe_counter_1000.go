// Filename: unsafe_counter_1000.go
// BROKEN: the chapter's program exactly as written, 1000 goroutines each
// doing c.value++ without a lock.
//
// An exhaustive search of this program is impossible: 1000 goroutines with a
// read and a write each have astronomically many interleavings (even after
// partial-order reduction). It does not need one: the race on c.value is
// found in the very first execution (the two unordered accesses are
// visible from happens-before alone) and the lost update within the first
// few, so lockstep reports the bug long before any bound is reached. The
// bound below keeps `lockstep check` of the whole directory quick.
//
// Real Go: `go run -race` reports the race in every run; plain `go run`
// prints a count at or a little below 1000, varying between runs.
package main

//lockstep:expect data-race lost-update
//lockstep:bound executions=1000

import (
	"fmt"
	"sync"
)

type UnsafeCounter struct {
	value int
}

func (c *UnsafeCounter) Increment() {
	c.value++ // Read, modify, write: not atomic!
}

func (c *UnsafeCounter) Value() int {
	return c.value
}

func main() {
	counter := UnsafeCounter{}
	var wg sync.WaitGroup

	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}

	wg.Wait()
	fmt.Println("Final count:", counter.Value()) // Expected: 1000, Actual: varies (usually less)
}
