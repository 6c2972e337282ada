// The fixed twin of flush_subtest_goroutine_test.go: the "write" subtest waits for its
// flusher before it returns.
//lockstep:expect none
package flush

import (
	"sync"
	"testing"
)

type Buffer struct {
	pending []string
	flushed int
}

func (b *Buffer) Flush() {
	b.flushed += len(b.pending)
	b.pending = nil
}

func TestFlush(t *testing.T) {
	b := &Buffer{}
	t.Run("write", func(t *testing.T) {
		b.pending = append(b.pending, "a", "b")
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Flush()
		}()
		wg.Wait()
	})
	t.Run("check", func(t *testing.T) {
		if b.flushed != 2 {
			t.Errorf("flushed = %d, want 2", b.flushed)
		}
	})
}
