// The fixed twin of ctx_worker_send_leak.go: the answer channel has room for
// one value, so the worker finishes even when nobody waits for it.
// Real Go: prints "canceled" or "answer 42".
package main

//lockstep:expect none

import (
	"context"
	"fmt"
)

func compute(n int) int { return n * 2 }

func handle(ctx context.Context, n int) (int, error) {
	answer := make(chan int, 1) // room for the answer: the worker never blocks
	go func() {
		answer <- compute(n)
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
