// Index out of range: workers are numbered from 1 but index a slice of
// length 2, so worker 2 writes results[2].
// Real Go: panic: runtime error: index out of range [2] with length 2
// in nearly every run. The panicking goroutine's deferred Done runs while it
// unwinds, before the panic is reported, so main can wake, print and exit 0
// first: the go_judge runs show that now and then.
package main

//lockstep:expect panic

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 2)
	var wg sync.WaitGroup
	for id := 1; id <= 2; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results[id] = id * 10 // BUG: ids are 1..2, indices 0..1
		}(id)
	}
	wg.Wait()
	fmt.Println(results)
}
