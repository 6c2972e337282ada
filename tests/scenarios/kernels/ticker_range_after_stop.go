// A heartbeat goroutine counts ticks with `for range ticker.C`; shutdown stops the
// ticker and waits for the goroutine. But Stop does not close C: the loop waits
// for a tick that never comes, and so does the shutdown.
// Real Go 1.19: every run dies after the sleep with
//
//	fatal error: all goroutines are asleep - deadlock!
//
// lockstep: in every schedule main's Wait and the reader's receive wait for ever
// once the ticker is stopped: deadlock.
package main

//lockstep:expect deadlock

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	var wg sync.WaitGroup
	beats := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range t.C {
			beats++
		}
	}()
	time.Sleep(25 * time.Millisecond)
	t.Stop()
	wg.Wait()
	fmt.Println("beats:", beats)
}
