// The fixed twin of notify_select_default_test.go: the events channel has a buffer of
// one, so a Notify with nobody waiting yet still queues the event.
//lockstep:expect none
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
	b := &Bus{events: make(chan string, 1)}
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
