// The fixed twin of timeout_leak.go: the answer channel has room for one value,
// so the worker's send never blocks, whoever wins the select.
// Real Go 1.19: prints "timeout"; no goroutine is left behind.
package main

//lockstep:expect none

import (
	"fmt"
	"time"
)

func lookup(key string) int {
	time.Sleep(50 * time.Millisecond)
	return len(key)
}

func lookupWithTimeout(key string, d time.Duration) (int, bool) {
	answer := make(chan int, 1) // room for the answer nobody may read
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
