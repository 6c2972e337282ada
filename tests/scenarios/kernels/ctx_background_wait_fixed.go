// The fixed twin of ctx_background_wait.go: the worker gets the cancellable
// context, so cancel stops it.
// Real Go: prints "worker stopped: context canceled" then "context canceled".
package main

//lockstep:expect none

import (
	"context"
	"fmt"
	"sync"
)

func worker(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ctx.Done()
	fmt.Println("worker stopped:", ctx.Err())
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(ctx, &wg)
	cancel()
	wg.Wait()
	fmt.Println(ctx.Err())
}
