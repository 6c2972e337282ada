// A request handler starts a worker and waits for its answer or for the
// request's context to end. When the context is canceled first, the handler
// returns and nobody ever receives the worker's answer: the worker blocks on
// its unbuffered send for ever.
// Real Go: go run prints "answer 42" or "canceled" (1 run in 6); the blocked
// worker is not reported, main just returns; lockstep reports the leak.
package main

//lockstep:expect goroutine-leak

import (
	"context"
	"fmt"
)

func compute(n int) int { return n * 2 }

func handle(ctx context.Context, n int) (int, error) {
	answer := make(chan int)
	go func() {
		answer <- compute(n) // blocks for ever once handle has returned
	}()
	select {
	case v := <-answer:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	v, err := handle(ctx, 21)
	if err != nil {
		fmt.Println("canceled")
		return
	}
	fmt.Println("answer", v)
}
