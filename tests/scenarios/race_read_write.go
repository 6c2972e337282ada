// A data race between a plain write and a plain read, with no
// read-modify-write: the reader may see the old or the new value. A data
// race but not a lost update (nobody writes back a value it read).
// Real Go: -race reports the race in every run.
package main

//lockstep:expect data-race

import (
	"fmt"
	"sync"
)

func main() {
	status := "starting"
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		status = "ready"
	}()
	go func() {
		defer wg.Done()
		if status == "ready" {
			fmt.Println("saw ready")
		}
	}()
	wg.Wait()
	fmt.Println("final:", status)
}
