// Non-blocking, the testing library: the test warms the cache in one goroutine and
// checks it from another, which calls t.Fatalf; it waits for neither. When the checker
// runs before the loader, the test fails ("--- FAIL: TestWarmCache ... missing key b")
// if it is still running, and Go 1.19 panics ("Log in goroutine after TestWarmCache has
// completed: missing key b") if it is not; go vet's testinggoroutine check also flags
// the call. Real runs usually pass: the checker rarely loses the race.
//lockstep:expect test-failure panic
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
	go c.Put("b", "2") // loader
	go func() {         // checker
		for _, key := range []string{"a", "b"} {
			if _, ok := c.Get(key); !ok {
				t.Fatalf("missing key %s", key)
			}
		}
	}()
}
