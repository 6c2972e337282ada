// runtime.Goexit in a deferred call of a panic, then a panic in a later deferred call of
// the Goexit, recovered: the Goexit goes on (Go's gopanic returns to its loop), the
// remaining deferred calls run and the goroutine ends; recover() while the Goexit runs
// returns nil. lockstep dropped the Goexit and reported "panic: nil". Recorded with go
// run and the built binary (Go 1.19, GOMAXPROCS=1 and 4, -race, several runs: always the
// same, exit 0).
package main

import (
	"fmt"
	"runtime"
)

func f() {
	defer func() {
		fmt.Println("f recovers:", recover())
	}()
	panic("in f")
}

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() {
			fmt.Println("outer recover:", recover())
		}()
		defer f()
		defer func() {
			defer func() {
				fmt.Println("recovered in the Goexit's deferred call:", recover())
			}()
			defer func() {
				panic("second")
			}()
			runtime.Goexit()
		}()
		panic("boom")
	}()
	<-done
	fmt.Println("main done")
}
