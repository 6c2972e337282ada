// Non-blocking, misused channel: on shutdown the collector closes the events channel while
// a reporter still sends on it; the Sleep stands for the reporter's slow work, which ends
// after the shutdown. Go 1.19, 15 runs each at GOMAXPROCS=1, 2, 4: go run, "panic: send
// on closed channel" in 14 (once main exited first: the panicking reporter's deferred
// Done lets Wait return); go run -race, "WARNING: DATA RACE" (the send and the close are
// not ordered) in 15, with the panic in 12.
//lockstep:expect data-race panic
package main

import (
	"fmt"
	"sync"
	"time"
)

type Collector struct {
	events chan string
	wg     sync.WaitGroup
}

func (c *Collector) report(name string, slow bool) {
	defer c.wg.Done()
	if slow {
		time.Sleep(20 * time.Millisecond) // other work
	}
	c.events <- name
}

func (c *Collector) Shutdown() {
	close(c.events) // bug: reporters may still be running
}

func main() {
	c := &Collector{events: make(chan string, 4)}
	c.wg.Add(2)
	go c.report("fast", false)
	go c.report("slow", true)
	fmt.Println("got", <-c.events)
	c.Shutdown()
	c.wg.Wait()
	for e := range c.events {
		fmt.Println("late", e)
	}
}
