// The fixed twin of ctx_timeout_late_write.go: the worker returns its answer on the
// buffered channel instead of writing the caller's response, so only the caller touches
// resp (a late answer is dropped with the channel).
//lockstep:expect none
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
	done := make(chan string, 1)
	go func() {
		time.Sleep(20 * time.Millisecond) // slow backend
		done <- "hello " + name           // buffered: never blocks, never seen late
	}()
	select {
	case body := <-done:
		resp.body = body
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	resp := &Response{}
	for _, name := range []string{"ann", "bob"} {
		resp.body = ""
		if err := fetch(context.Background(), resp, name); err != nil {
			fmt.Println(name, err)
			continue
		}
		fmt.Println(resp.body)
	}
	time.Sleep(40 * time.Millisecond)
}
