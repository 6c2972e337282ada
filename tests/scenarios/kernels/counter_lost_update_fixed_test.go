// The fixed twin of counter_lost_update_test.go: the counter is an atomic.Int64.
//lockstep:expect none
package hits

import (
	"sync"
	"sync/atomic"
	"testing"
)

type Counter struct {
	hits atomic.Int64
}

func (c *Counter) Handle(path string) {
	if path != "" {
		c.hits.Add(1)
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
	if got := c.hits.Load(); got != 2 {
		t.Errorf("hits = %d, want 2", got)
	}
}
