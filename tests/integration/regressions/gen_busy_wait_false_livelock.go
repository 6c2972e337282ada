// Go 1.19 (go run, 100 runs each default and GOMAXPROCS=1): always prints "g1 hi" then
// "main spun" and exits 0 (Go's scheduler is fair: the goroutine runs, stores the flag, the
// spin ends).
// lockstep: `check` reports `livelock: the execution ran past 100000 steps without
// finishing` on the schedule that never runs g1 (an unfair schedule), and its search of
// such programs never ends within the time budget (generated programs with a spin loop hit
// the 20 s budget with hundreds of livelock reports). Issue 6, class 4: explore spin loops
// finitely under a fair scheduler.
// The same for `for atomic.LoadInt32(&flag) == 0 { time.Sleep(time.Microsecond) }` and for
// a `for { select { case <-stop: ...; default: runtime.Gosched() } }` polling loop.
// Command: build/lockstep check FILE
// Found by tests/gen (concurrent generator, feature BusyWait; e.g. seeds 2, 171, 209, 246).
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var flag int32
	go func() {
		fmt.Println("g1 hi")
		atomic.StoreInt32(&flag, 1)
	}()
	for atomic.LoadInt32(&flag) == 0 {
		runtime.Gosched()
	}
	fmt.Println("main", "spun")
}
