// Non-blocking, data race in subtests: the "write" subtest starts the flusher in a
// goroutine and returns without waiting for it; the "check" subtest then reads the
// counter the flusher writes. t.Run waits for the subtest, not for goroutines it started.
// Go 1.19, go test -count=1 FILE, 5 runs each at GOMAXPROCS=1 and 4: "--- FAIL:
// TestFlush/check ... flushed = 0, want 2" in 10 of 10; with -race, "WARNING: DATA RACE"
// on b.flushed and the failure in 9 of 10, the failure alone in 1.
//lockstep:expect data-race test-failure
package flush

import "testing"

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
		go b.Flush() // bug: the subtest does not wait for it
	})
	t.Run("check", func(t *testing.T) {
		if b.flushed != 2 {
			t.Errorf("flushed = %d, want 2", b.flushed)
		}
	})
}
