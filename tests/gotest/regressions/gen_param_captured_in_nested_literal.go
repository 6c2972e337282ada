// Go 1.19 (go run): prints "once true" and exits 0.
// lockstep: `check`: capt.go:13:11: unsupported: captured variable id not found (exit 2),
// pointing at the `go func(id int)` literal: a parameter of a go-statement's function
// literal, read inside a nested literal (once.Do(func() { ... id ... })), is not found.
// Valid Go rejected (issue 7, "a variable declared in a go/defer function literal and
// captured by a nested literal is not found").
// Command: build/lockstep check FILE
// Found by tests/gen (concurrent generator, a Once in a loop-started goroutine; e.g. seed 16).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var once sync.Once
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			once.Do(func() {
				fmt.Println("once", id >= 0)
			})
		}(i)
	}
	wg.Wait()
}
