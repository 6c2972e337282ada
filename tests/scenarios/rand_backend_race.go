// A dispatcher sends each of two concurrent requests to one of three backends,
// picked with rand.Intn(3). Backends 0 and 1 record which backend served last
// under the stats mutex; backend 2, added later, records it without the lock.
// The record races only in the executions where a request picks backend 2:
// lockstep tries every value of each rand.Intn(3) (a small range is a data
// choice) and shows the one that breaks it in the trace ("rand = 2").
// Real Go (go run -race, seeded from the clock): more than half of the runs pick
// backend 2 at least once, and each of those reports
//
//	WARNING: DATA RACE
//
// (the others print "last backend" and 0 or 1, and exit 0).
package main

//lockstep:expect data-race

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

type stats struct {
	mu   sync.Mutex
	last int // the backend that served the latest request
}

func (s *stats) serve(backend int) {
	switch backend {
	case 0, 1:
		s.mu.Lock()
		s.last = backend
		s.mu.Unlock()
	default:
		s.last = backend // the new backend forgot the lock
	}
}

func main() {
	rand.Seed(time.Now().UnixNano())
	var s stats
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.serve(rand.Intn(3))
		}()
	}
	wg.Wait()
	fmt.Println("last backend", s.last)
}
