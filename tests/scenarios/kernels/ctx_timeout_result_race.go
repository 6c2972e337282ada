// A lookup with a timeout: the worker writes its result into a variable it
// shares with the caller, and the caller reads the variable after
// WithTimeout's deadline has passed, while the worker may still be writing it.
// Real Go: go run mostly prints "timeout true", sometimes "timeout false" (the
// write was seen) or "found bob"; go run -race reports a DATA RACE on result
// in 28 of 30 runs (GOMAXPROCS=4).
package main

//lockstep:expect data-race

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Microsecond)
	defer cancel()
	var result string
	done := make(chan struct{})
	go func() {
		result = "bob" // the lookup's answer
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("found", result)
	case <-ctx.Done():
		fmt.Println("timeout", result == "")
	}
}
