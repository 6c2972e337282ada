// The fixed twin of batch_add_in_goroutine.go: the caller adds to the WaitGroup before
// each go statement, so Wait cannot run ahead of a worker.
//lockstep:expect none
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
	defer b.wg.Done()
	b.results[i] = i + 1
}

func main() {
	b := &Batch{results: make([]int, 2)}
	for i := 0; i < 2; i++ {
		b.wg.Add(1)
		go b.worker(i)
	}
	b.wg.Wait()
	total := 0
	for _, r := range b.results {
		total += r
	}
	fmt.Println("total", total)
}
