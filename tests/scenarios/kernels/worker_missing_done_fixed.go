// The fixed twin of worker_missing_done.go: Done is deferred at the top of the worker,
// so every path out of it counts.
//lockstep:expect none
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
			defer wg.Done()
			r, err := process(job)
			if err != nil {
				return
			}
			results[i] = r
		}(i, job)
	}
	wg.Wait()
	fmt.Println(results)
}
