// The fixed twin of cache_rlock_upgrade.go: Get releases the read lock before taking the
// write lock, and checks again under it (another goroutine may have filled the entry).
//lockstep:expect none
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
	v, ok := c.items[key]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.items[key]; ok {
		return v
	}
	v = strings.ToUpper(key)
	c.items[key] = v
	return v
}

func main() {
	c := &Cache{items: map[string]string{}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(c.Get("go"))
		}()
	}
	wg.Wait()
}
