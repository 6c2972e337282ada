// The fixed twin of stats_double_lock.go: Record calls snapshotLocked, the variant that
// expects the caller to hold the mutex, so no goroutine locks it twice.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu     sync.Mutex
	counts map[string]int
	total  int
}

func NewStats() *Stats { return &Stats{counts: map[string]int{}} }

// snapshotLocked requires s.mu to be held.
func (s *Stats) snapshotLocked() (int, int) { return s.total, len(s.counts) }

func (s *Stats) Snapshot() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snapshotLocked()
}

func (s *Stats) Record(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[key]++
	s.total++
	if total, keys := s.snapshotLocked(); total%2 == 0 {
		fmt.Println("checkpoint", total, keys)
	}
}

func main() {
	s := NewStats()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.Record("a")
		s.Record("b")
	}()
	wg.Wait()
	total, keys := s.Snapshot()
	fmt.Println(total, keys)
}
