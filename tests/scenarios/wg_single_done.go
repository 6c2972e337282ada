// The error path fixed: only the deferred Done, which runs on every return.
package main

//lockstep:expect none

import (
	"errors"
	"fmt"
	"sync"
)

func process(item string) error {
	if item == "" {
		return errors.New("empty item")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0

	for _, item := range []string{"a", ""} {
		wg.Add(1)
		go func(item string) {
			defer wg.Done()
			if err := process(item); err != nil {
				mu.Lock()
				failures++
				mu.Unlock()
				return
			}
		}(item)
	}
	wg.Wait()
	fmt.Println("failures:", failures)
	// Output:
	// failures: 1
}
