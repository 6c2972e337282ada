// Go 1.19 (go run, 200 runs each): default GOMAXPROCS: 199x "main urecv 2", 1x "main urecv 1";
// GOMAXPROCS=1: 200x "main urecv 2" (the goroutine started last runs first).
// lockstep: --strategy naive has both outcomes; --strategy dpor only "main urecv 1"
// (outcomes differ: only naive {"main urecv 2"}): the two sends racing for main's receive on
// an unbuffered channel are never reversed, so the default search never shows the output Go
// prints almost every time (issue 6, class 1: blocking operations in the dependency
// analysis, a receive woken by whichever sender comes first).
// Commands: build/lockstep check --format json --all --strategy dpor FILE
//           build/lockstep check --format json --all --strategy naive FILE
// Found by tests/gen (concurrent generator, seed 642), minimized over its statements.
package main

import (
	"fmt"
)

func main() {
	chu := make(chan int)
	go func() {
		chu <- 1
	}()
	go func() {
		chu <- 2
	}()
	fmt.Println("main", "urecv", <-chu)
}
