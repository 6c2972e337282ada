package counter

import (
	"sync"
	"testing"
)

func run(f func()) {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
}

func TestSafe(t *testing.T) {
	var c Counter
	run(c.SafeInc)
	if c.n != 2 {
		t.Fatalf("n = %d", c.n)
	}
}

func TestRacy(t *testing.T) {
	var c Counter
	run(c.Inc)
}
