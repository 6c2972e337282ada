// A worker fills in a report and signals completion; on timeout the caller
// prints what is there so far. The partial report is read while the worker may
// still be writing it: a data race (and a torn report).
// Real Go 1.19: the worker needs 30ms, the timeout is 10ms: plain runs print
// "partial: "; under -race every run reports
//
//	WARNING: DATA RACE
//
// between the worker's write of r.summary and main's read.
// lockstep: when the timer fires first, the read is unordered with the write.
package main

//lockstep:expect data-race

import (
	"fmt"
	"time"
)

type report struct {
	summary string
}

func main() {
	r := &report{}
	done := make(chan struct{})
	go func() {
		time.Sleep(30 * time.Millisecond)
		r.summary = "all green"
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("report:", r.summary)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("partial:", r.summary)
	}
	time.Sleep(50 * time.Millisecond)
}
