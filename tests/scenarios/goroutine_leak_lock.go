// A goroutine blocked forever on a lock main never releases: main returns
// early on an error while holding mu. main is not blocked (it returned), so
// this is a goroutine leak, not a deadlock.
// Real Go: exits 0 after printing the error; the stuck goroutine dies with
// the process, unseen.
package main

//lockstep:expect goroutine-leak

import (
	"errors"
	"fmt"
	"sync"
)

var mu sync.Mutex

func flush() {
	mu.Lock()
	defer mu.Unlock()
}

func run() error {
	mu.Lock()
	go flush()
	if err := errors.New("disk full"); err != nil {
		return err // BUG: returns with mu held
	}
	mu.Unlock()
	return nil
}

func main() {
	fmt.Println("error:", run())
	// Output:
	// error: disk full
}
