// Communication deadlock, channel with lock: Publish holds the hub's mutex while it sends
// on a subscriber's unbuffered channel; the subscriber, before it receives, asks the hub
// for its subscriber count, which needs the same mutex. The publisher waits for the
// receiver, the receiver for the mutex. Go 1.19: "fatal error: all goroutines are asleep
// - deadlock!" whenever Publish takes the mutex before the subscriber's Count (every run
// seen).
//lockstep:expect deadlock lock-held-blocking
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
	defer h.mu.Unlock()
	for _, ch := range h.subs {
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
