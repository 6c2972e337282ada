// Resource deadlock, double locking on an RWMutex: on a miss, Get "upgrades" its read
// lock by calling Lock while still holding the RLock. Lock waits for every reader to
// leave, including the caller itself. Go 1.19: "fatal error: all goroutines are asleep -
// deadlock!" on every run (the first lookup always misses).
//lockstep:expect recursive-lock
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Cache struct {
	mu    sync.RWMutex
	items map[string]string
}

func (c *Cache) Get(key string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if v, ok := c.items[key]; ok {
		return v
	}
	c.mu.Lock()
	v := strings.ToUpper(key)
	c.items[key] = v
	c.mu.Unlock()
	return v
}

func main() {
	c := &Cache{items: map[string]string{}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println(c.Get("go"))
	}()
	wg.Wait()
}
