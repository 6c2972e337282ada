// A producer loops sending work items and checks its context only between
// items, with a plain send: once the consumer has enough, does other work and
// cancels, the producer is already blocked on its next send and never sees the
// cancellation; main's wait for it never ends.
// Real Go: go run prints "got 0 1", then "fatal error: all goroutines are
// asleep - deadlock!" (40 of 40 runs, GOMAXPROCS=1 and 4).
package main

//lockstep:expect deadlock

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func produce(ctx context.Context, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		if ctx.Err() != nil {
			return
		}
		out <- i // does not watch ctx.Done()
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go produce(ctx, out, &wg)
	a, b := <-out, <-out
	fmt.Println("got", a, b)
	time.Sleep(time.Millisecond) // other work before stopping the producer
	cancel()
	wg.Wait()
}
