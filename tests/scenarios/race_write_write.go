// Two unordered plain writes and no reads before them: a data race (Go's
// memory model: conflicting accesses, at least one a write), but no lost
// update: neither goroutine writes back something it read, so neither write
// is "lost" in the read-modify-write sense; the last one simply wins.
// Real Go: -race reports the race in every run.
package main

//lockstep:expect data-race

import (
	"fmt"
	"sync"
)

func main() {
	owner := ""
	var wg sync.WaitGroup
	for _, name := range []string{"ann", "bob"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			owner = name
		}(name)
	}
	wg.Wait()
	fmt.Println("owner set:", owner != "")
	// Output:
	// owner set: true
}
