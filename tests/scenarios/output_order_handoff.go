// The ordered Output block of output_order.go, with an order Go keeps: each
// goroutine prints, then hands a token to the next one, and main prints last
// after receiving it. Prints of different goroutines, ordered by the channels
// between them, so every interleaving prints the block.
// Real Go: prints "first\nsecond\ndone" in every run.
package main

//lockstep:expect none

import "fmt"

func main() {
	toSecond := make(chan struct{})
	toMain := make(chan struct{})
	go func() {
		fmt.Println("first")
		close(toSecond)
	}()
	go func() {
		<-toSecond
		fmt.Println("second")
		toMain <- struct{}{}
	}()
	<-toMain
	fmt.Println("done")
	// Output:
	// first
	// second
	// done
}
