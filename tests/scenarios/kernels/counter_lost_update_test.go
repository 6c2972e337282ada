// Non-blocking, data race in a test: the handlers increment a plain int field. Two
// increments can read the same value, so the test sees 1 instead of 2. go test -race
// (Go 1.19): "WARNING: DATA RACE" and "--- FAIL: TestHits ... race detected during
// execution of test"; without -race the test passes on almost every run.
//lockstep:expect data-race lost-update test-failure
package hits

import (
	"sync"
	"testing"
)

type Counter struct {
	hits int
}

func (c *Counter) Handle(path string) {
	if path != "" {
		c.hits++
	}
}

func TestHits(t *testing.T) {
	c := &Counter{}
	var wg sync.WaitGroup
	for _, p := range []string{"/a", "/b"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			c.Handle(p)
		}(p)
	}
	wg.Wait()
	if c.hits != 2 {
		t.Errorf("hits = %d, want 2", c.hits)
	}
}
