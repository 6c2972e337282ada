// Non-blocking, context race: fetch gives the worker a context with a deadline, but the
// worker ignores ctx and fills the caller's response after the caller has timed out and
// handed the same response to the next request. Go 1.19: go run -race, "WARNING: DATA
// RACE" on resp.body on every run (the 20ms work outlives the 5ms deadline); plain go run
// prints two timeouts and exits 0.
//lockstep:expect data-race
package main

import (
	"context"
	"fmt"
	"time"
)

type Response struct{ body string }

func fetch(parent context.Context, resp *Response, name string) error {
	ctx, cancel := context.WithTimeout(parent, 5*time.Millisecond)
	defer cancel()
	done := make(chan struct{}, 1)
	go func() {
		time.Sleep(20 * time.Millisecond) // slow backend; ctx is never checked
		resp.body = "hello " + name       // bug: the caller may have moved on
		done <- struct{}{}
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	resp := &Response{}
	for _, name := range []string{"ann", "bob"} {
		resp.body = "" // the response is reused for each request
		if err := fetch(context.Background(), resp, name); err != nil {
			fmt.Println(name, err)
			continue
		}
		fmt.Println(resp.body)
	}
	time.Sleep(40 * time.Millisecond) // the server keeps running
}
