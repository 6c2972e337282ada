// Filename: atomic_counter_10.go
// The atomic counter at the chapter's size, 10 goroutines: the increment is
// one indivisible read-modify-write, so nothing is lost and nothing races.
// One counter uses the functions, the other the typed value (Go 1.19).
// Neither Add's result is used, so the Adds commute with each other: every
// order of them is one trace.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Counter struct {
	hits  int64        // accessed only with atomic.AddInt64 / LoadInt64
	bytes atomic.Int64 // typed atomic value
}

func main() {
	var c Counter
	var wg sync.WaitGroup

	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			atomic.AddInt64(&c.hits, 1)
			c.bytes.Add(int64(n * 100))
		}(i)
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&c.hits), "bytes:", c.bytes.Load())
	// Output:
	// hits: 10 bytes: 5500
}
