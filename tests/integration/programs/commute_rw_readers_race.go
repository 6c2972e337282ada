// Two readers that both write under RLock: read locks do not exclude each
// other and readers do not synchronize with each other, so the writes race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	hits := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			hits++
			mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(hits)
}
