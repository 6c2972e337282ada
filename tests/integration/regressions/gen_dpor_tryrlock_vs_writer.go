// Go 1.19 (go run, 200 runs each default and GOMAXPROCS=1): always "main ry 0" (main's
// TryRLock runs before the goroutine is scheduled). If the goroutine runs first, Go prints
// "main rbusy" (TryRLock fails while the writer holds the lock) or "main ry 1" (after it
// unlocked): both are Go outcomes, which naive finds.
// lockstep: --strategy naive: outcomes {"main ry 0", "main rbusy", "main ry 1"}; --strategy
// dpor: only "main ry 0". The TryRLock probe is not treated as dependent on the writer's
// Lock/Unlock (issue 6, class 1: a non-blocking probe reads the primitive's whole state).
// Seed 273 shows the same with a mutex-protected print after it.
// Commands: build/lockstep check --format json --all --strategy dpor FILE
//           build/lockstep check --format json --all --strategy naive FILE
// Found by tests/gen (concurrent generator, seed 251), minimized over its statements.
package main

import (
	"fmt"
	"sync"
)

func main() {
	y := 0
	_ = y
	var rw sync.RWMutex
	go func() {
		go func() {
		}()
		rw.Lock()
		y++
		rw.Unlock()
	}()
	if rw.TryRLock() {
		fmt.Println("main", "ry", y)
		rw.RUnlock()
	} else {
		fmt.Println("main", "rbusy")
	}
}
