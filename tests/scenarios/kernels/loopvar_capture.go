// Non-blocking, anonymous-function capture: under Go 1.19 the range variable `job` is one
// variable for the whole loop; each goroutine's closure reads it while the loop goes on
// writing the next job into it. go run -race (Go 1.19): "WARNING: DATA RACE" on job; the
// checksum printed varies between runs.
//lockstep:expect data-race
package main

import (
	"fmt"
	"sync"
)

type Job struct {
	ID   int
	Cost int
}

func main() {
	jobs := []Job{{1, 10}, {2, 20}}
	costs := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			costs <- job.ID * job.Cost
		}()
	}
	wg.Wait()
	close(costs)
	sum := 0
	for c := range costs {
		sum += c
	}
	fmt.Println("checksum", sum)
}
