// The fixed twin of ctx_cancel_err_race.go: the first error is recorded under a
// sync.Once, as errgroup does, and then the context is canceled.
// Real Go: prints "first error: true"; -race reports nothing (30 runs).
package main

//lockstep:expect none

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
	var once sync.Once
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			if ctx.Err() == nil {
				once.Do(func() {
					firstErr = errors.New("task " + name + " failed")
					cancel()
				})
			}
		}(name)
	}
	wg.Wait()
	fmt.Println("first error:", firstErr != nil)
}
