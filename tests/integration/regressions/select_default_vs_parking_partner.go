// lockstep wrong result (found by comparing dpor with naive): dpor said "verified" and never
// ran the select before main parks at its send, where the select takes default and main
// then blocks forever. Arriving at a wait on an unbuffered channel changes what the
// channel's other side sees, so it must be ordered against a select probing the channel.
// Go 1.19 (GOMAXPROCS=1 runs the new goroutine after main parks): prints "p1 0"; the
// deadlock needs the goroutine to run first.
package main

import "fmt"

func main() {
	c1 := make(chan int)
	go func() {
		select {
		case v := <-c1:
			fmt.Println("p1", v)
		default:
			fmt.Println("n1")
		}
	}()
	c1 <- 0
}
