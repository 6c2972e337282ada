// Communication deadlock, channel with condition variable: the waiter holds the Cond's
// lock while it blocks on a channel receive (waiting for the config), and the loader must
// take that lock to mark the queue ready before it sends the config. Neither gets further.
// Go 1.19: "fatal error: all goroutines are asleep - deadlock!" when the waiter takes the
// lock first; real runs practically always let the loader go first and finish.
//lockstep:expect deadlock lock-held-blocking
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
	items []string
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	config := make(chan string)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // waiter
		defer wg.Done()
		q.mu.Lock()
		name := <-config
		for !q.ready {
			q.cond.Wait()
		}
		q.items = append(q.items, name)
		q.mu.Unlock()
	}()
	go func() { // loader
		defer wg.Done()
		q.mu.Lock()
		q.ready = true
		q.cond.Broadcast()
		q.mu.Unlock()
		config <- "primary"
	}()
	wg.Wait()
	fmt.Println(q.items)
}
