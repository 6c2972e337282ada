// Once.Do called from inside the function it is running: the inner Do waits
// for the outer one to finish, which waits for the inner one. Go's Once holds
// an internal mutex while f runs, so this is a recursive lock, and it is in
// main, so the program deadlocks.
// Real Go: fatal error: all goroutines are asleep - deadlock!
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
	once sync.Once
	conf string
)

func setup() {
	conf = "loaded"
	once.Do(setup) // BUG: re-entering the same Once
}

func main() {
	once.Do(setup)
	fmt.Println(conf)
}
