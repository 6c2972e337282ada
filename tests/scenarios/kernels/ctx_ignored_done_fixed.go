// The fixed twin of ctx_ignored_done.go: the producer's send is a select that
// also watches ctx.Done(), so a canceled producer stops even in mid-send.
// Real Go: prints "got 0 1" and exits (40 of 40 runs).
package main

//lockstep:expect none

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func produce(ctx context.Context, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; ; i++ {
		select {
		case out <- i:
		case <-ctx.Done():
			return
		}
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
