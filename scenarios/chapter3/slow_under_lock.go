// Filename: slow_under_lock.go
// The chapter's "Mistake 4: Holding Lock During Slow Operations". The
// network call is simulated with time.Sleep; fetchAndStore holds mu across
// it, so the other goroutine waits for the whole fetch. The result is still
// correct (no error-level bug), but lockstep notes the lock held across a
// blocking operation.
//
// Real Go: correct output; the two fetches simply run one after the other.
package main

//lockstep:expect lock-held-blocking

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	cache = make(map[string]string)
)

func fetch(key string) string {
	time.Sleep(20 * time.Millisecond) // Slow! Simulated network call
	return "data for " + key
}

// BROKEN: Holds lock during the network call
func fetchAndStore(key string) {
	mu.Lock()
	defer mu.Unlock()
	data := fetch(key) // All other goroutines blocked
	cache[key] = data
}

func main() {
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			fetchAndStore(k)
		}(k)
	}
	wg.Wait()
	fmt.Println(cache["a"], "/", cache["b"])
	// Output:
	// data for a / data for b
}
