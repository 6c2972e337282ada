// Filename: unsafe_counter.go
// BROKEN: the chapter's race condition, with 2 goroutines instead of 1000 so
// that every interleaving can be explored. Each c.value++ is a read, an add
// and a write; when both goroutines read 0 before either writes, one
// increment is lost and the program prints "Final count: 1".
//
// Real Go: `go run -race` reports the race on c.value in every run; without
// -race the goroutines are far too short to overlap, so it almost always
// prints 2 — the lost update is real but rarely visible.
package main

//lockstep:expect data-race lost-update

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

	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter.Increment()
		}()
	}

	wg.Wait()
	// Expected: 2, Actual: 1 or 2 depending on the interleaving, so there is
	// no Output block.
	fmt.Println("Final count:", counter.Value())
}
