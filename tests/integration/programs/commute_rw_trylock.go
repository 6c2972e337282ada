// A writer probing with TryLock while readers come and go: the probe reads
// whether a reader is inside, so it does not commute with their RLocks and
// RUnlocks; both of its results are possible.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			mu.RUnlock()
		}()
	}
	got := mu.TryLock()
	if got {
		mu.Unlock()
	}
	wg.Wait()
	fmt.Println("trylock", got)
}
