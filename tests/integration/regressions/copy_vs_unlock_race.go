// GO 1.19.8 observed: default (200 runs): copy free: false\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): copy free: false\n [rc=0] x100 || -race (25 runs): copy free: false\n [rc=66] [RACE] x23; copy free: true\n [rc=66] [RACE] x2
// A copy of a locked Mutex taken while another goroutine may Unlock it: the copy reads
// the lock word, the Unlock writes it (an atomic add in Go's implementation), and nothing
// orders the two, so `go run -race` reports a data race in every run. Without -race the
// copy is locked or free depending on which came first.
// Header: go run, 200 runs default, 100 GOMAXPROCS=1, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	done := make(chan struct{})
	go func() {
		mu.Unlock()
		close(done)
	}()
	c := mu // before or after the goroutine's Unlock
	fmt.Println("copy free:", c.TryLock())
	<-done
}
