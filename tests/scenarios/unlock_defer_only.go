// Save fixed: the deferred Unlock is the only one, on every return path.
package main

//lockstep:expect none

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
	// Output:
	// saved: 1
}
