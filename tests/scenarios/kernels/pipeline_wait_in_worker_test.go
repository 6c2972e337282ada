// Communication deadlock, misused WaitGroup: the last stage of the pipeline waits on the
// WaitGroup that counts it too (it should only wait for the earlier stages), so its own
// Done never comes and Wait never returns; the test waits for the stage forever.
// go test (Go 1.19) hangs on every run until its -timeout: "panic: test timed out after
// 10m0s" (go test's pending alarm timer keeps the runtime from reporting the deadlock).
//lockstep:expect deadlock
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
	wg.Add(1)
	go func() { // the summing stage
		defer wg.Done()
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
