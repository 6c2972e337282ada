// Non-blocking, misused channel: Notify sends with select/default so it never blocks,
// but the channel is unbuffered, so the event is dropped unless the listener is already
// waiting in its receive. The test then sees no event. Go 1.19 (go test): "--- FAIL:
// TestNotify ... got 0 events, want 1" whenever Notify runs before the listener blocks
// (most runs: the listener goroutine starts later).
//lockstep:expect test-failure
package notify

import (
	"sync"
	"testing"
)

type Bus struct {
	events chan string
}

func (b *Bus) Notify(ev string) bool {
	select {
	case b.events <- ev:
		return true
	default:
		return false
	}
}

func TestNotify(t *testing.T) {
	b := &Bus{events: make(chan string)}
	var got []string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ev := range b.events {
			got = append(got, ev)
		}
	}()
	b.Notify("started")
	close(b.events)
	wg.Wait()
	if len(got) != 1 {
		t.Errorf("got %d events, want 1", len(got))
	}
}
