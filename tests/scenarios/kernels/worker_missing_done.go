// Communication deadlock, misused WaitGroup: a worker returns early on a bad job without
// calling Done, so Wait never sees the counter reach zero. Go 1.19: "fatal error: all
// goroutines are asleep - deadlock!" on every run (job 2 is always bad).
//lockstep:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
)

func process(job int) (int, error) {
	if job == 2 {
		return 0, errors.New("bad job")
	}
	return job * 10, nil
}

func main() {
	jobs := []int{1, 2, 3}
	results := make([]int, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func(i, job int) {
			r, err := process(job)
			if err != nil {
				fmt.Println("skip:", err)
				return
			}
			results[i] = r
			wg.Done()
		}(i, job)
	}
	wg.Wait()
	fmt.Println(results)
}
