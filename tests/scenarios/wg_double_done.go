// Done called twice on an error path: the worker defers wg.Done() and also
// calls it before the early return. Add(2) is matched by three Dones; the
// third drives the counter below zero, which Go turns into a panic.
// In some interleavings main could already have returned when the third Done
// runs; in the others the panic is certain.
// When main is blocked in Wait, the second Done releases it; if the third
// Done changes the counter before that Wait has returned, the waking Wait
// panics too ("reused before previous Wait has returned"), and either panic
// can be the one printed.
// Real Go: some runs end with
//
//	panic: sync: negative WaitGroup counter
//
// some (seen under -race) with
//
//	panic: sync: WaitGroup is reused before previous Wait has returned
//
// the others print "failures: 1" and exit 0: main woke from Wait after the
// second Done and exited before the third Done ran (the go_judge runs show
// all three, in proportions that vary with GOMAXPROCS and -race).
package main

//lockstep:expect negative-waitgroup waitgroup-misuse

import (
	"errors"
	"fmt"
	"sync"
)

func process(item string) error {
	if item == "" {
		return errors.New("empty item")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0

	for _, item := range []string{"a", ""} {
		wg.Add(1)
		go func(item string) {
			defer wg.Done()
			if err := process(item); err != nil {
				mu.Lock()
				failures++
				mu.Unlock()
				wg.Done() // BUG: the deferred Done runs as well
				return
			}
		}(item)
	}
	wg.Wait()
	mu.Lock()
	n := failures
	mu.Unlock()
	fmt.Println("failures:", n)
}
