// The fixed twin of ctx_timeout_result_race.go: the worker sends its answer on
// a buffered channel instead of writing a shared variable; on a timeout the
// caller never looks at it.
// Real Go: prints "timeout" or "found bob"; -race reports nothing (30 runs).
package main

//lockstep:expect none

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Microsecond)
	defer cancel()
	answer := make(chan string, 1)
	go func() {
		answer <- "bob"
	}()
	select {
	case r := <-answer:
		fmt.Println("found", r)
	case <-ctx.Done():
		fmt.Println("timeout")
	}
}
