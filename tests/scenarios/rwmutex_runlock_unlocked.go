// RUnlock of an RWMutex that has no readers: a reader releases its read lock
// twice.
// Real Go: fatal error: sync: RUnlock of unlocked RWMutex
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

func (c *Config) Port() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	p := c.port
	c.mu.RUnlock() // BUG: the deferred RUnlock runs too
	return p
}

func main() {
	c := &Config{port: 8080}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("port:", c.Port())
	}()
	wg.Wait()
}
