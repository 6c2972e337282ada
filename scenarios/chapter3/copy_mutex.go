// Filename: copy_mutex.go
// BROKEN: the chapter's "Mistake 1: Copying Mutex". broken takes a Counter by
// value, so it locks and increments a copy: the caller's counter never
// changes, and the programmer's expected output (the Output block) is never
// printed; every execution prints "Final count: 0". No data race: nothing
// ever writes the shared counter, the goroutines only copy (read) it.
//
// Real Go: always prints "Final count: 0". `go vet copy_mutex.go` reports
//
//	./copy_mutex.go:LINE:COL: broken passes lock by value: command-line-arguments.Counter
//	./copy_mutex.go:LINE:COL: call of broken copies lock value: command-line-arguments.Counter
//
// (the package is named command-line-arguments when vet is given a file;
// with the Mutex embedded, *Counter itself is the Locker, so vet names only
// Counter and omits the "contains sync.Mutex" it adds for a named field).
package main

//lockstep:expect copied-lock output-mismatch

import (
	"fmt"
	"sync"
)

type Counter struct {
	sync.Mutex
	value int
}

// BROKEN: Mutex copied, protection lost
func broken(c Counter) { // Copies the mutex!
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
			broken(counter)
		}()
	}
	wg.Wait()
	fmt.Println("Final count:", counter.value)
	// Output:
	// Final count: 2
}
