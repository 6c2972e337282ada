// The fixed twin of pipeline_wait_in_worker_test.go: the summing stage is not counted
// by the WaitGroup it waits on.
//lockstep:expect none
package pipeline

import (
	"sync"
	"testing"
)

func TestPipeline(t *testing.T) {
	var wg sync.WaitGroup
	squares := make(chan int, 3)
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			squares <- n * n
		}(i)
	}
	sum := make(chan int)
	go func() { // the summing stage
		wg.Wait()
		close(squares)
		total := 0
		for s := range squares {
			total += s
		}
		sum <- total
	}()
	if got := <-sum; got != 5 {
		t.Errorf("sum = %d, want 5", got)
	}
}
