// The fixed twin of afterfunc_flag_race.go: the flag is guarded by a mutex that
// both the AfterFunc func and the reader take.
// Real Go 1.19: prints "stale"; -race reports nothing.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
	"time"
)

type entry struct {
	mu    sync.Mutex
	value string
	valid bool
}

func main() {
	e := &entry{value: "v1", valid: true}
	time.AfterFunc(10*time.Millisecond, func() {
		e.mu.Lock()
		e.valid = false // expire
		e.mu.Unlock()
	})
	time.Sleep(20 * time.Millisecond)
	e.mu.Lock()
	valid := e.valid
	e.mu.Unlock()
	if valid {
		fmt.Println("hit", e.value)
	} else {
		fmt.Println("stale")
	}
}
