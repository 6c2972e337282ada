// A panic that is recovered: each worker recovers its own panic in a
// deferred function and records it under a lock. Nothing escapes, so this
// verifies clean. (Deferred calls run last-in first-out: the recover runs
// before wg.Done, so main sees the recorded failure.)
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string

	for _, input := range []int{4, 0} {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprint(r))
					mu.Unlock()
				}
			}()
			_ = 100 / n // panics for n == 0
		}(input)
	}
	wg.Wait()
	fmt.Println("recovered:", failures)
	// Output:
	// recovered: [runtime error: integer divide by zero]
}
