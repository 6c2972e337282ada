// Mixing atomic and plain access to one counter: one goroutine uses
// atomic.AddInt64, the other a plain hits++. An atomic operation is only
// atomic with respect to other atomic operations: the plain increment races
// with it, and when it reads before the atomic add and writes after, the
// atomic add is lost.
// Real Go: -race reports the race in every run.
package main

//lockstep:expect data-race lost-update

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		atomic.AddInt64(&hits, 1)
	}()
	go func() {
		defer wg.Done()
		hits++ // BUG: not atomic
	}()
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
