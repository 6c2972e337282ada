// The fixed twin of rand_backend_race.go: backend 2 records under the stats
// mutex too. lockstep tries all nine pairs of backends in every interleaving
// and verifies it. Real Go (go run -race, seeded from the clock): "last backend"
// and 0, 1 or 2, exit 0, no race report.
package main

//lockstep:expect none

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
		s.mu.Lock()
		s.last = backend
		s.mu.Unlock()
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
