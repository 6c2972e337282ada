// A deterministic wrong result: the average of the two workers' scores is
// computed with integer division, so every execution prints 2, not the 2.5
// the Output block expects. Nothing concurrent is wrong.
// Real Go: prints "average: 2" in every run.
package main

//lockstep:expect output-mismatch

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total, n := 0, 0
	for _, score := range []int{2, 3} {
		wg.Add(1)
		go func(score int) {
			defer wg.Done()
			mu.Lock()
			total += score
			n++
			mu.Unlock()
		}(score)
	}
	wg.Wait()
	fmt.Println("average:", total/n) // BUG: integer division
	// Output:
	// average: 2.5
}
