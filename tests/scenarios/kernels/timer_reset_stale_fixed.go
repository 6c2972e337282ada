// The fixed twin of timer_reset_stale.go: Stop the timer and drain a value it
// already sent before Reset, as the time package's documentation says.
// Real Go 1.19: waits the full 20ms of the Reset and prints "waited 20ms".
package main

//lockstep:expect none

import (
	"fmt"
	"time"
)

const wait = 20 * time.Millisecond

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	if !t.Stop() {
		<-t.C
	}
	start := time.Now()
	t.Reset(wait)
	<-t.C
	if time.Since(start) < wait {
		panic("timer fired early: a stale value from before Reset")
	}
	fmt.Println("waited", wait)
}
