// Waits for a job's result with a timer, then stops the timer "properly": Stop,
// and if it had already fired, drain its channel so a later Reset starts clean.
// But when the select itself took the timeout, the channel is already empty:
// the drain blocks for ever.
// Real Go 1.19: the job takes 50ms and the timeout is 5ms, so every run prints
// "job timed out" and dies with
//
//	fatal error: all goroutines are asleep - deadlock!
//
// lockstep: under --time free the timer fires before or after the result; when
// it fires first, main blocks on the drain: deadlock.
package main

//lockstep:expect deadlock

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
		<-t.C // drain a fired timer before reuse
	}
	fmt.Println("timer stopped")
}
