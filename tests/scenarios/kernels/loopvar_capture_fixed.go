// The fixed twin of loopvar_capture.go: each goroutine gets its job as an argument, a
// copy made by the go statement before the loop moves on.
//lockstep:expect none
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
		go func(job Job) {
			defer wg.Done()
			costs <- job.ID * job.Cost
		}(job)
	}
	wg.Wait()
	close(costs)
	sum := 0
	for c := range costs {
		sum += c
	}
	fmt.Println("checksum", sum)
}
