// Unlock (the writer's unlock) of an RWMutex nobody write-locked: the writer
// pairs RLock with Unlock by mistake.
// Real Go: fatal error: sync: Unlock of unlocked RWMutex
package main

//lockstep:expect unlock-of-unlocked

import (
	"fmt"
	"sync"
)

type Config struct {
	mu   sync.RWMutex
	port int
}

func (c *Config) SetPort(p int) {
	c.mu.RLock() // BUG: should be Lock
	c.port = p
	c.mu.Unlock()
}

func main() {
	c := &Config{port: 8080}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.SetPort(9090)
	}()
	wg.Wait()
	fmt.Println("port:", c.port)
}
