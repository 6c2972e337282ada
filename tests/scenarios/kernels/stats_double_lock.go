// Resource deadlock, double locking: Record holds the mutex and calls Snapshot, which
// locks it again. Go mutexes are not reentrant, so the recorder blocks on itself and main
// waits for it forever. Go 1.19: "fatal error: all goroutines are asleep - deadlock!" on
// every run (the worker always reaches Record). lockstep names the second Lock
// (recursive-lock) and the deadlock it ends in, since main is still alive then.
//lockstep:expect recursive-lock deadlock
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

func (s *Stats) Snapshot() (int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total, len(s.counts)
}

func (s *Stats) Record(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[key]++
	s.total++
	if total, keys := s.Snapshot(); total%2 == 0 {
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
