// Two Adds whose results are dropped do not order the plain accesses around
// them: when the reader's Add comes first it has not seen the writer's, and
// the read of x races with the write. A data race in some executions.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var x int
	var f int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		x = 1
		atomic.AddInt64(&f, 1)
	}()
	go func() {
		defer wg.Done()
		atomic.AddInt64(&f, 1)
		_ = x
	}()
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&f))
}
