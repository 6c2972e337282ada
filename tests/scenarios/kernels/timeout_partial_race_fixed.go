// The fixed twin of timeout_partial_race.go: the worker sends the finished
// report as a value; on timeout the caller prints nothing of it.
// Real Go 1.19: prints "timed out"; -race reports nothing.
package main

//lockstep:expect none

import (
	"fmt"
	"time"
)

type report struct {
	summary string
}

func main() {
	done := make(chan report, 1)
	go func() {
		time.Sleep(30 * time.Millisecond)
		done <- report{summary: "all green"}
	}()
	select {
	case r := <-done:
		fmt.Println("report:", r.summary)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
	time.Sleep(50 * time.Millisecond)
}
