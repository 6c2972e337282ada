package counter

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() { c.n++ }

func (c *Counter) SafeInc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}
