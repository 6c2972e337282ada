// time.Sleep is not synchronization: main sleeps "long enough" and reads the
// result the goroutine wrote. In real time the write always comes first, but
// the Go memory model gives Sleep no happens-before edge, so the accesses
// race, and in lockstep (where time is free) main can read before the write.
// Real Go: plain runs print "result: 42" every time; -race reports the race
// every time (the race detector, like lockstep, ignores the sleep).
package main

//lockstep:expect data-race

import (
	"fmt"
	"time"
)

func main() {
	result := 0
	go func() {
		result = 42
	}()
	time.Sleep(50 * time.Millisecond) // "long enough"
	fmt.Println("result:", result)
}
