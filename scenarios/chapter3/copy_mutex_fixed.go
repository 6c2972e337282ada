// Filename: copy_mutex_fixed.go
// The chapter's correction for Mistake 1: pass the Counter by pointer, so both
// goroutines lock the same mutex and increment the same value.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	value int
}

// CORRECT: Pass by pointer
func correct(c *Counter) {
	c.Lock()
	c.value++
	c.Unlock()
}

func main() {
	var counter Counter
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			correct(&counter)
		}()
	}
	wg.Wait()
	counter.Lock()
	n := counter.value
	counter.Unlock()
	fmt.Println("Final count:", n)
	// Output:
	// Final count: 2
}
