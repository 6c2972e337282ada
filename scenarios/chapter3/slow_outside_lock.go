// Filename: slow_outside_lock.go
// The chapter's correction for Mistake 4: fetch outside the lock, lock only
// for the store. The two fetches overlap; the map is still only touched
// under mu.
package main

//lockstep:expect none

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
	time.Sleep(20 * time.Millisecond) // Simulated network call
	return "data for " + key
}

// CORRECT: Minimize locked section
func fetchAndStore(key string) {
	data := fetch(key) // Fetch outside lock
	mu.Lock()
	cache[key] = data // Only lock for the store
	mu.Unlock()
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
