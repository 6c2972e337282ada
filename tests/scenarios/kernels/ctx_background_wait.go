// A worker is meant to stop when its caller cancels it, but it was handed
// context.Background() instead of the cancellable context: Background's Done
// channel is nil, so the worker waits for ever and main's Wait never returns.
// Real Go: go run always ends with "fatal error: all goroutines are asleep -
// deadlock!".
package main

//lockstep:expect deadlock

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
	go worker(context.Background(), &wg) // should be ctx
	cancel()
	wg.Wait()
	fmt.Println(ctx.Err())
}
