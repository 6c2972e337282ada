// The fixed twin of shutdown_send_closed.go: Shutdown waits for every reporter before it
// closes the channel, so no send can follow the close.
//lockstep:expect none
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
		time.Sleep(20 * time.Millisecond)
	}
	c.events <- name
}

func (c *Collector) Shutdown() {
	c.wg.Wait()
	close(c.events)
}

func main() {
	c := &Collector{events: make(chan string, 4)}
	c.wg.Add(2)
	go c.report("fast", false)
	go c.report("slow", true)
	fmt.Println("got", <-c.events)
	c.Shutdown()
	for e := range c.events {
		fmt.Println("late", e)
	}
}
