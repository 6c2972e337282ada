// Workers record the first error in a shared variable and cancel the group's
// context; the error is written without a lock, by whichever worker fails,
// while another may be writing it too.
// Real Go: go run prints "first error: true"; go run -race reports a DATA
// RACE on firstErr in 3 of 30 runs (GOMAXPROCS=4): both workers checked
// ctx.Err() before either canceled.
package main

//lockstep:expect data-race

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var firstErr error
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			if ctx.Err() == nil {
				firstErr = errors.New("task " + name + " failed")
				cancel()
			}
		}(name)
	}
	wg.Wait()
	fmt.Println("first error:", firstErr != nil)
}
