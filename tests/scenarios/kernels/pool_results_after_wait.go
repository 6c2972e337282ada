// Communication deadlock, channel with WaitGroup: the pool's workers send their results
// on an unbuffered channel, and the caller reads the results only after wg.Wait. Wait
// needs the workers to finish, the workers need a reader. Go 1.19 (go run, GOMAXPROCS=1
// and 4): "fatal error: all goroutines are asleep - deadlock!" on every run.
//lockstep:expect deadlock
package main

import (
	"fmt"
	"sync"
)

func square(jobs []int) []int {
	results := make(chan int) // bug: unbuffered, read after Wait
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			results <- n * n
		}(j)
	}
	wg.Wait()
	close(results)
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

func main() {
	fmt.Println(len(square([]int{1, 2, 3})), "results")
}
