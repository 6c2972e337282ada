// The fixed twin of cond_lock_channel.go: the waiter receives the config before it takes
// the Cond's lock, and waits for the ready flag in a loop under the lock.
//lockstep:expect none
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
		name := <-config
		q.mu.Lock()
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
