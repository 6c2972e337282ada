// Communication deadlock, channel as semaphore: fetch acquires a slot of a one-slot
// semaphore and releases it at the end, but the error path returns before the release.
// After the first failing fetch no one can acquire a slot, so the second failing fetch
// (and whoever comes after) blocks for ever, whatever the order. Go 1.19 (go run,
// GOMAXPROCS=1, 2 and 4): "fatal error: all goroutines are asleep - deadlock!" on every
// run. (With three fetches and one failure Go printed ok in 15 of 15 runs: the failing
// one happened to run last.)
//lockstep:expect deadlock
package main

import (
	"errors"
	"fmt"
	"sync"
)

var sem = make(chan struct{}, 1)

func fetch(id int) error {
	sem <- struct{}{}
	if id%2 == 0 {
		return errors.New("bad id") // bug: the slot is never released
	}
	fmt.Println("fetched", id)
	<-sem
	return nil
}

func main() {
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := fetch(id); err != nil {
				fmt.Println("fetch", id, err)
			}
		}(id)
	}
	wg.Wait()
}
