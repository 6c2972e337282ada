// runtime.Goexit in main: the deferred calls run, the other goroutines finish, and then
// no goroutine is left waiting: Go's runtime stops with "no goroutines (main called
// runtime.Goexit) - deadlock!" (lockstep printed "all goroutines are asleep"). Recorded
// with go run and the built binary (Go 1.19, GOMAXPROCS=1 and 4, several runs: always
// the same, exit 2). Under -race (a cgo build) Go 1.19's runtime does not see this
// deadlock and hangs; lockstep reports what the plain build does.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker")
		done <- true
	}()
	<-done
	defer fmt.Println("deferred")
	runtime.Goexit()
}
