// The fixed twin of hub_send_under_lock.go: Publish copies the subscriber list under the
// mutex and sends after releasing it, so a subscriber may use the hub while it is being
// served.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Hub struct {
	mu   sync.Mutex
	subs []chan string
}

func (h *Hub) Subscribe() chan string {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan string)
	h.subs = append(h.subs, ch)
	return ch
}

func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

func (h *Hub) Publish(msg string) {
	h.mu.Lock()
	subs := append([]chan string(nil), h.subs...)
	h.mu.Unlock()
	for _, ch := range subs {
		ch <- msg
	}
}

func main() {
	h := &Hub{}
	ch := h.Subscribe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		n := h.Count()
		msg := <-ch
		fmt.Println(n, msg)
	}()
	h.Publish("hello")
	<-done
}
