// The fixed twin of ticker_range_after_stop.go: the heartbeat loop also waits on
// a done channel, which shutdown closes after stopping the ticker.
// Real Go 1.19: prints "stopped" (and the beat count only after the goroutine
// has returned: no race on it).
// lockstep: no bug; the verdict is bounded, not verified: the schedules where
// the ticker keeps ticking before shutdown are cut at 3 ticks (the ticks bound).
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	done := make(chan struct{})
	var wg sync.WaitGroup
	beats := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-t.C:
				beats++
			case <-done:
				return
			}
		}
	}()
	time.Sleep(25 * time.Millisecond)
	t.Stop()
	close(done)
	wg.Wait()
	fmt.Println("stopped")
	_ = beats
}
