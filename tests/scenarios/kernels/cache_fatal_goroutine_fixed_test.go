// The fixed twin of cache_fatal_goroutine_test.go: the test waits for the loader, then
// checks the cache on its own goroutine, where t.Fatalf belongs.
//lockstep:expect none
package cache

import (
	"sync"
	"testing"
)

type Cache struct {
	mu   sync.Mutex
	data map[string]string
}

func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}

func (c *Cache) Put(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = value
}

func TestWarmCache(t *testing.T) {
	c := &Cache{data: map[string]string{}}
	c.Put("a", "1")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // loader
		defer wg.Done()
		c.Put("b", "2")
	}()
	wg.Wait()
	for _, key := range []string{"a", "b"} {
		if _, ok := c.Get(key); !ok {
			t.Fatalf("missing key %s", key)
		}
	}
}
