// A cache entry expires through time.AfterFunc: the timer's func clears the
// "valid" flag while the reader checks it, with no lock. AfterFunc's func runs
// in a goroutine of its own, so this is a data race on valid.
// Real Go 1.19: plain runs print "stale" (the reader looks after 20ms); under
// -race every run reports
//
//	WARNING: DATA RACE
//
// between the write in the AfterFunc func and main's read.
// lockstep: the timer goroutine's write and main's read are unordered: data-race.
package main

//lockstep:expect data-race

import (
	"fmt"
	"time"
)

type entry struct {
	value string
	valid bool
}

func main() {
	e := &entry{value: "v1", valid: true}
	time.AfterFunc(10*time.Millisecond, func() {
		e.valid = false // expire
	})
	time.Sleep(20 * time.Millisecond)
	if e.valid {
		fmt.Println("hit", e.value)
	} else {
		fmt.Println("stale")
	}
}
