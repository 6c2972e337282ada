// A mutex locked by one goroutine and unlocked by another. Go allows it ("A
// locked Mutex is not associated with a particular goroutine"): the worker
// takes the lock and exits holding it, main releases it after wg.Wait, then
// locks it again. No unlock-of-unlocked, no leak, no deadlock.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	data := 0

	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock() // released by main, below
		data = 1
	}()
	wg.Wait()
	mu.Unlock() // legal: unlocks the worker's lock

	mu.Lock()
	d := data
	mu.Unlock()
	fmt.Println("data:", d)
	// Output:
	// data: 1
}
