package store

import (
	"fmt"
	"sync"
)

var Registry = register("store")

func register(name string) string {
	fmt.Println("var store.Registry")
	return name
}

func init() { fmt.Println("init store (store.go)") }

type Store struct {
	mu   sync.Mutex
	data map[string]int
}

func New() *Store { return &Store{data: map[string]int{}} }

func (s *Store) Put(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[k] = v
}

func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data)
}

type Counter struct{ N int }

func (c *Counter) Inc() { c.N++ }
