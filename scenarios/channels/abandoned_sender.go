// Filename: abandoned_sender.go
// BROKEN: main takes the first answer of two and returns. The slower worker
// then blocks forever sending on the unbuffered channel nobody reads: a
// goroutine leak, not a deadlock (main itself finished). In a long-running
// server this goroutine would stay blocked for the life of the process.
//
// Real Go: always prints "first: ..." and exits 0; the leak is invisible.
package main

//lockstep:expect goroutine-leak

import "fmt"

func main() {
	answers := make(chan string) // unbuffered: fix with make(chan string, 2)
	for _, name := range []string{"replica-a", "replica-b"} {
		go func(name string) {
			answers <- name // the second sender blocks forever
		}(name)
	}
	first := <-answers
	fmt.Println("first:", len(first) > 0)
	// Output:
	// first: true
}
