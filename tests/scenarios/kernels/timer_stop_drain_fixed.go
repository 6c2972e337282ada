// The fixed twin of timer_stop_drain.go: the drain is a select with default, so
// a timer whose value the first select already took does not block it.
// Real Go 1.19: prints "job timed out" then "timer stopped".
package main

//lockstep:expect none

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan string, 1)
	go func() {
		time.Sleep(50 * time.Millisecond)
		result <- "done"
	}()
	t := time.NewTimer(5 * time.Millisecond)
	select {
	case r := <-result:
		fmt.Println("job", r)
	case <-t.C:
		fmt.Println("job timed out")
	}
	if !t.Stop() {
		select {
		case <-t.C: // drain a fired timer nobody received from
		default:
		}
	}
	fmt.Println("timer stopped")
}
