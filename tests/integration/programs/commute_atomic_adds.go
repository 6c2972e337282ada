// Three goroutines add to two atomic counters and never use the sums: the Adds
// commute, so every order of them is one trace.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var c atomic.Int32
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			atomic.AddInt64(&n, int64(id))
			c.Add(1)
			atomic.AddInt64(&n, 10)
		}(i)
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), c.Load())
}
