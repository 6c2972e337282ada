// A user panic that depends on the interleaving: the consumer pops from a
// stack that the producer may not have pushed to yet. Both operations are
// locked; nothing orders the producer before the consumer.
// Real Go: with GOMAXPROCS=1 the goroutine started last (the consumer) runs
// first, so every such run ends with
//
//	panic: pop from empty stack
//
// with more Ps, some runs print "popped: 42" instead.
package main

//lockstep:expect panic

import (
	"fmt"
	"sync"
)

type Stack struct {
	mu    sync.Mutex
	items []int
}

func (s *Stack) Push(v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

func (s *Stack) Pop() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.items) == 0 {
		panic("pop from empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func main() {
	s := &Stack{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.Push(42) }()
	go func() { defer wg.Done(); fmt.Println("popped:", s.Pop()) }()
	wg.Wait()
}
