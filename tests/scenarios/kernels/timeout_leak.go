// A lookup runs in a goroutine and answers on an unbuffered channel; the caller
// waits for the answer or a timeout. When the timeout wins, nobody ever receives
// the answer: the worker blocks for ever on its send (a leaked goroutine, one per
// timed-out call in a server).
// Real Go 1.19: prints "timeout" (the lookup takes 50ms, the timeout 10ms) and
// exits; the leak is silent (runtime.NumGoroutine() would still count the worker).
// lockstep: under --time free the timer may fire before or after the answer;
// in the schedule where it fires first, the worker is left blocked: goroutine-leak.
package main

//lockstep:expect goroutine-leak

import (
	"fmt"
	"time"
)

func lookup(key string) int {
	time.Sleep(50 * time.Millisecond)
	return len(key)
}

func lookupWithTimeout(key string, d time.Duration) (int, bool) {
	answer := make(chan int)
	go func() {
		answer <- lookup(key)
	}()
	select {
	case v := <-answer:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func main() {
	if v, ok := lookupWithTimeout("user:42", 10*time.Millisecond); ok {
		fmt.Println("found", v)
	} else {
		fmt.Println("timeout")
	}
}
