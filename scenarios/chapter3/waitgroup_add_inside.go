// Filename: waitgroup_add_inside.go
// BROKEN: the chapter's WaitGroup "Common mistake": Add inside the goroutine
// "may not execute before Wait() is called!". When main reaches Wait first,
// the counter is still 0 and Wait returns at once: main prints a count of
// finished jobs that is 0, 1 or 2 depending on the interleaving. The Add from
// zero is unordered with Wait, which is the misuse lockstep names. The count
// itself is read under the mutex, so there is no plain data race on it.
//
// Real Go: prints "jobs done: 0" in practice (main reaches Wait before either
// goroutine has run, finds the counter at 0 and returns). `go run -race`
// stays silent in that case: the race detector checks "the first Add must
// happen before Wait" only when Wait actually blocks; when one goroutine has
// already Added and Wait blocks, it reports a DATA RACE inside
// sync.WaitGroup. The panics "sync: WaitGroup misuse: Add called concurrently
// with Wait" and "sync: WaitGroup is reused before previous Wait has
// returned" need an Add to land inside Wait's wake-up window, which
// practically never happens with two goroutines.
package main

//lockstep:expect waitgroup-misuse

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0

	for i := 0; i < 2; i++ {
		go func() {
			wg.Add(1) // May not execute before Wait() is called!
			defer wg.Done()
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}

	wg.Wait()
	mu.Lock()
	n := done
	mu.Unlock()
	fmt.Println("jobs done:", n)
}
