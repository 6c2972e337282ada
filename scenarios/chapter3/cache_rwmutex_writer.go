// Filename: cache_rwmutex_writer.go
// The RWMutex cache with a writer running concurrently with two readers:
// each reader sees either no entry or the whole entry, never a torn one,
// and the write lock excludes both readers. Which one a reader sees depends
// on the interleaving, so the output is summarised after Wait instead.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]string
}

func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	val, ok := c.data[key]
	return val, ok
}

func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = value
}

func main() {
	cache := &Cache{data: make(map[string]string)}
	var wg sync.WaitGroup
	var seenMu sync.Mutex
	seen := 0

	wg.Add(3)
	go func() {
		defer wg.Done()
		cache.Set("greeting", "Hello, World!")
	}()
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			if val, ok := cache.Get("greeting"); ok && val == "Hello, World!" {
				seenMu.Lock()
				seen++
				seenMu.Unlock()
			}
		}()
	}
	wg.Wait()

	val, _ := cache.Get("greeting")
	fmt.Println("final:", val, "seen by readers:", seen <= 2)
	// Output:
	// final: Hello, World! seen by readers: true
}
