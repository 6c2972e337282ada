// Filename: recursive_lock.go
// BROKEN: the chapter's "Mistake 3: Recursive Locking". outer holds mu and
// calls inner, which locks mu again. Go mutexes are not reentrant: the second
// Lock waits for the goroutine itself to unlock, forever. It happens in main,
// so the whole program is stuck: a recursive lock that ends in a deadlock.
//
// Real Go: every run ends with
//
//	fatal error: all goroutines are asleep - deadlock!
//
// (under -race it hangs instead: golang/go#20588).
package main

//lockstep:expect recursive-lock

// lockstep reports the self-deadlock as recursive-lock at the blocking call and ends the
// execution there: the goroutine can never go on, and a separate deadlock report would
// only restate it (docs/semantics.md).

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	total int
)

func outer() {
	mu.Lock()
	inner() // This also tries to lock
	mu.Unlock()
}

func inner() {
	mu.Lock() // DEADLOCK: we already hold this lock
	defer mu.Unlock()
	total++
}

func main() {
	outer()
	fmt.Println("total:", total)
}
