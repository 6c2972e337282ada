// A lost update without a data race. Add reads the counter in one critical
// section and writes old+n in another: every access is under the mutex, so
// happens-before orders them all and the race detector is silent, but both
// goroutines can read 0 before either writes, and one increment is lost.
// Real Go: prints 2 in practice; -race reports nothing (correctly: there is
// no data race). Widening the window with a time.Sleep between the two
// critical sections prints "count: 1".
package main

//lockstep:expect lost-update

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu    sync.Mutex
	value int
}

func (c *Counter) Add(n int) {
	c.mu.Lock()
	old := c.value
	c.mu.Unlock()

	c.mu.Lock()
	c.value = old + n // overwrites whatever was written since the read
	c.mu.Unlock()
}

func main() {
	c := &Counter{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("count:", c.value) // 2, or 1 when an increment is lost
}
