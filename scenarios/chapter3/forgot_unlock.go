// Filename: forgot_unlock.go
// BROKEN: the chapter's "Mistake 2: Forgetting to Unlock". record returns
// early on an empty entry and leaves mu locked. Whichever worker runs first,
// the lock is never released: if the empty entry comes first the other worker
// blocks in Lock (and main in wg.Wait); otherwise both workers finish and main
// blocks in its own Lock. Every interleaving ends with every goroutine blocked.
//
// Real Go: every run ends with
//
//	fatal error: all goroutines are asleep - deadlock!
//
// (exit status 2). The goroutine that returned holding the lock has exited;
// Go does not care, the mutex simply stays locked. Under `go run -race` the
// program hangs instead: the race runtime disables Go's deadlock check
// (golang/go#20588).
package main

//lockstep:expect deadlock

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	entries []string
)

// BROKEN: Lock never released on the early return.
func record(entry string) {
	mu.Lock()
	if entry == "" {
		return // Lock still held!
	}
	entries = append(entries, entry)
	mu.Unlock()
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
}
