// Go 1.19 (go run, 200 runs each): default GOMAXPROCS: 199x "main sel sent b" then fatal
// error: all goroutines are asleep - deadlock!, and 1x "main sel recv u 1" (exit 0: the
// goroutine was already parked in `chu <- 1` when main reached the select, so two cases were
// ready and Go picked the receive). GOMAXPROCS=1: 200x the deadlock.
// lockstep: --strategy naive has both outcomes; --strategy dpor never explores the receive
// from chu (outcomes differ: only naive {"main sel recv u 1"}). The same without the
// `default`. dpor does not reverse the goroutine's send against the select that polls chu
// (issue 6, class 1: "a select with default against a partner that parks on the channel").
// So real Go prints an outcome that lockstep's default search never shows.
// Commands: build/lockstep check --format json --all --strategy dpor FILE
//           build/lockstep check --format json --all --strategy naive FILE
// Found by tests/gen (concurrent generator, seed 147), minimized over its statements.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	chu := make(chan int)
	chb := make(chan int, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		chu <- 1
	}()
	select {
	case chb <- 0:
		fmt.Println("main", "sel sent b")
	case v := <-chb:
		fmt.Println("main", "sel recv b", v)
	case v := <-chu:
		fmt.Println("main", "sel recv u", v)
	default:
		fmt.Println("main", "sel default")
	}
	wg.Wait()
}
