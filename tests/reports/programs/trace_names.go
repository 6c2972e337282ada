// A data race on xs[0] read by range loops (the trace names the element as the user
// wrote it: xs[i], xs[…]) and a WaitGroup read by value (its state is not shown).
// go run -race reports a DATA RACE on xs; go vet: passes lock by value.
package main

//lockstep:expect data-race copied-lock

import (
	"fmt"
	"sync"
)

var xs = []int{1, 2}

func show(wg sync.WaitGroup) {}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	show(wg)
	done := make(chan bool)
	go func() { xs[0] = 5; done <- true }()
	for i, x := range xs {
		fmt.Println(i, x)
	}
	for _, x := range xs {
		fmt.Println(x)
	}
	<-done
	wg.Done()
}
