// FINDING (checker, found while writing issue-8 kernels): a send racing a close of the
// same channel. Go 1.19 `go run -race` reports "WARNING: DATA RACE" (chansend vs
// closechan) on every run (6/6), and panics "send on closed channel" when the send comes
// second (6/6 plain runs). lockstep reports only `panic`: happens-before between a close
// and a send not ordered with it is not a data-race in the checker. Expected kinds per Go:
// panic data-race.
//lockstep:expect panic data-race
package main

import (
	"fmt"
	"sync"
)

func producer(name string, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	results <- "answer from " + name
}

func main() {
	results := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(2)
	go producer("fast", results, &wg)
	go producer("slow", results, &wg)
	first := <-results
	close(results)
	fmt.Println("first:", first)
	wg.Wait()
}
