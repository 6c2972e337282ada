// GO 1.19.8 observed: default (200 runs): copy free: true\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): copy free: true\n [rc=0] x100 || GOMAXPROCS=4 (100 runs): copy free: true\n [rc=0] x100 || -race (25 runs): copy free: true\n [rc=66] [RACE] x18; copy free: false\n [rc=66] [RACE] x7
// A copy is a read of the whole Mutex, ordered against the Lock of another goroutine: the
// copy is free or locked depending on which comes first (both seen under -race, whose
// scheduling differs). lockstep must explore both orders (the copy conflicts with Lock in
// the dependency relation). Go's -race also reports the copy against the atomic Lock as a
// data race, in either order, and so does lockstep (the copy reads the Mutex, Lock writes it).
// Header: go run, 200 runs default, 100 each GOMAXPROCS=1 and 4, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock() // held for ever
	}()
	c := mu // a copy taken before or after the goroutine's Lock
	fmt.Println("copy free:", c.TryLock())
	wg.Wait()
}
