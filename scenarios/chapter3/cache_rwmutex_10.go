// Filename: cache_rwmutex.go
// The chapter's RWMutex cache with its 10 readers. Readers share the read
// lock; Set takes the write lock. The Set happens in main before the readers
// start, so every reader sees the greeting. The readers' RLocks and RUnlocks
// commute (no writer waits), so their orders are one trace.
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

func NewCache() *Cache {
	return &Cache{data: make(map[string]string)}
}

// Get acquires a read lock: multiple goroutines can read simultaneously
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()         // Read lock
	defer c.mu.RUnlock() // Read unlock
	val, ok := c.data[key]
	return val, ok
}

// Set acquires a write lock: exclusive access
func (c *Cache) Set(key, value string) {
	c.mu.Lock()         // Write lock
	defer c.mu.Unlock() // Write unlock
	c.data[key] = value
}

func main() {
	cache := NewCache()
	cache.Set("greeting", "Hello, World!")

	var wg sync.WaitGroup
	// Spawn 10 concurrent readers
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			val, _ := cache.Get("greeting")
			fmt.Printf("Reader %d: %s\n", id, val)
		}(i)
	}
	wg.Wait()
	// Unordered output:
	// Reader 0: Hello, World!
	// Reader 1: Hello, World!
	// Reader 2: Hello, World!
	// Reader 3: Hello, World!
	// Reader 4: Hello, World!
	// Reader 5: Hello, World!
	// Reader 6: Hello, World!
	// Reader 7: Hello, World!
	// Reader 8: Hello, World!
	// Reader 9: Hello, World!
}
