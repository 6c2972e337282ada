// The fixed twin of pool_results_after_wait.go: a closer goroutine waits for the workers
// and closes the channel, while the caller reads the results as they come.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

func square(jobs []int) []int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n * n
		}(j)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

func main() {
	fmt.Println(len(square([]int{1, 2, 3})), "results")
}
