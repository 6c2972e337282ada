// A Goexit in a deferred call of a panic aborts it, but a later unrecovered panic in a
// deferred call of the Goexit prints the chain with the aborted one first: "panic: boom"
// then "\tpanic: after goexit" (lockstep printed only the last). Recorded with go run
// and the built binary (Go 1.19, GOMAXPROCS=1 and 4, -race, several runs: always the
// same, exit 2).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() {
			panic("after goexit")
		}()
		defer func() {
			runtime.Goexit()
		}()
		panic("boom")
	}()
	<-done
	fmt.Println("main done")
}
