// Communication bug, misused WaitGroup: each worker calls wg.Add(1) itself, inside the
// goroutine, so Wait can run while the counter is still zero and return before any
// worker has started; main then reads the results the workers are still writing.
// go run -race (Go 1.19): "WARNING: DATA RACE" on the results (4 runs in 6); plain runs
// usually print "total 3", a smaller total when Wait wins (Go may also panic "sync:
// WaitGroup misuse: Add called concurrently with Wait" in that window).
//lockstep:expect data-race waitgroup-misuse
package main

import (
	"fmt"
	"sync"
)

type Batch struct {
	wg      sync.WaitGroup
	results []int
}

func (b *Batch) worker(i int) {
	b.wg.Add(1)
	defer b.wg.Done()
	b.results[i] = i + 1
}

func main() {
	b := &Batch{results: make([]int, 2)}
	for i := 0; i < 2; i++ {
		go b.worker(i)
	}
	b.wg.Wait()
	total := 0
	for _, r := range b.results {
		total += r
	}
	fmt.Println("total", total)
}
