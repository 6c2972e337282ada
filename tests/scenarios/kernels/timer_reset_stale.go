// A retry loop reuses one timer: after the first wait it Resets the timer for
// a second wait without draining it. The first timer had already fired and its
// value sits in C, so the 20ms wait returns at once with the stale value.
// Real Go 1.19 (the first timer fires during the 5ms sleep): every run panics
//
//	panic: timer fired early: a stale value from before Reset
//
// lockstep: under --time free, the schedules where the first timer fires before
// Reset leave its value in C: the receive after Reset gets it early: panic.
package main

//lockstep:expect panic

import (
	"fmt"
	"time"
)

const wait = 20 * time.Millisecond

func main() {
	t := time.NewTimer(time.Millisecond)
	time.Sleep(5 * time.Millisecond) // meanwhile the timer fires; nobody reads C
	start := time.Now()
	t.Reset(wait)
	<-t.C
	if time.Since(start) < wait {
		panic("timer fired early: a stale value from before Reset")
	}
	fmt.Println("waited", wait)
}
