// Filename: defer_unlock.go
// The chapter's correction for Mistake 2: defer mu.Unlock() right after
// Lock, so the early return releases the lock too. Same workers as
// forgot_unlock.go; every interleaving finishes.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	entries []string
)

// CORRECT: defer ensures unlock
func record(entry string) {
	mu.Lock()
	defer mu.Unlock()
	if entry == "" {
		return // defer runs, lock released
	}
	entries = append(entries, entry)
}

func main() {
	var wg sync.WaitGroup
	for _, e := range []string{"deposit", ""} {
		wg.Add(1)
		go func(e string) {
			defer wg.Done()
			record(e)
		}(e)
	}
	wg.Wait()

	mu.Lock()
	n := len(entries)
	mu.Unlock()
	fmt.Println("entries:", n)
	// Output:
	// entries: 1
}
