// Unlock of a mutex that is not locked: a cleanup path unlocks a second time.
// Real Go: fatal error: sync: unlock of unlocked mutex   (exit status 2; a
// fatal error, not a panic: recover cannot stop it)
package main

//lockstep:expect unlock-of-unlocked

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	count := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		count++
		mu.Unlock()
	}()
	wg.Wait()
	mu.Unlock() // BUG: nobody holds mu
	fmt.Println("count:", count)
}
