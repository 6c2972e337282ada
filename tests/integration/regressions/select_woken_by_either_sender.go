// A select blocked on two unbuffered channels is woken by whichever sender comes first;
// the other sender then blocks (main returns without it). Both cases must be explored:
// taking one case decides the other too, so a send on either conflicts with the wake-up.
// Go 1.19: prints "a" or "b" (both seen over runs).
package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go func() {
		select {
		case <-a:
			fmt.Println("a")
		case <-b:
			fmt.Println("b")
		}
		done <- true
	}()
	go func() { a <- 1 }()
	go func() { b <- 2 }()
	<-done
	time.Sleep(time.Millisecond)
}
