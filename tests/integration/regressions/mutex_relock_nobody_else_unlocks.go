// The holder locks its Mutex again while the only other goroutine can never unlock it:
// Go 1.19 prints "fatal error: all goroutines are asleep - deadlock!"; lockstep reports
// the deadlock and names it recursive-lock.
package main

import "sync"

func main() {
	var mu sync.Mutex
	done := make(chan bool)
	go func() { done <- true }()
	mu.Lock()
	mu.Lock()
	<-done
}
