// Unlock both explicitly and by defer: Save defers the Unlock, and its error
// path also unlocks before returning, so the deferred Unlock finds the mutex
// unlocked. In the interleaving where the other goroutine locks in between,
// the deferred Unlock releases that goroutine's lock instead (legal in Go),
// and it is that goroutine's own Unlock that fails. Every interleaving ends
// in the fatal error.
// Real Go: fatal error: sync: unlock of unlocked mutex   (cannot be recovered)
package main

//lockstep:expect unlock-of-unlocked

import (
	"errors"
	"fmt"
	"sync"
)

type Store struct {
	mu   sync.Mutex
	data map[string]int
}

func (s *Store) Save(key string, v int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v < 0 {
		s.mu.Unlock() // BUG: the deferred Unlock runs too
		return errors.New("negative value")
	}
	s.data[key] = v
	return nil
}

func main() {
	s := &Store{data: make(map[string]int)}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.Save("a", 1) }()
	go func() { defer wg.Done(); s.Save("b", -1) }()
	wg.Wait()
	fmt.Println("saved:", len(s.data))
}
