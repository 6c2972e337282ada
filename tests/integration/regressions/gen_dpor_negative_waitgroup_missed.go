// Go 1.19 (go run, 200 runs): default GOMAXPROCS: 145x "g2 av <nil>" + panic: sync: negative
// WaitGroup counter, 1x the panic with no print at all, 30x exit 0 with no print (main's
// Wait returned on the first Done and main exited), 23x "g2 av <nil>" and exit 0, 1x "panic:
// sync: WaitGroup is reused before previous Wait has returned". GOMAXPROCS=1: always the
// print and the negative-counter panic.
// lockstep: --strategy naive has the outcome "panic: sync: negative WaitGroup counter" (the
// panic before g2 prints); --strategy dpor never explores it (outcomes differ: only naive
// {"panic: sync: negative WaitGroup counter"}). The print of g2 against the panic of g1 is
// not reversed (issue 6, class 2: print against crash stays dependent).
// Commands: build/lockstep check --format json --all --strategy dpor FILE
//           build/lockstep check --format json --all --strategy naive FILE
// Found by tests/gen (concurrent generator, seed 1084), minimized over its statements.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var av atomic.Value
	wg.Add(1)
	go func() {
		defer wg.Done()
		wg.Done()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("g2", "av", av.Load())
	}()
	wg.Wait()
}
