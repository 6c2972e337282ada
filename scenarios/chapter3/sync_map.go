// Filename: sync_map.go
// sync.Map, from the chapter's interview question "Compare sync.Map to a
// regular map protected by RWMutex": two goroutines store and load without
// any lock of their own; LoadOrStore decides one winner for a shared key.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	winners := make([]bool, 2)

	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			m.Store(fmt.Sprintf("worker-%d", id), id)
			_, loaded := m.LoadOrStore("leader", id)
			winners[id] = !loaded
		}(i)
	}
	wg.Wait()

	w0, _ := m.Load("worker-0")
	w1, _ := m.Load("worker-1")
	leader, _ := m.Load("leader")
	fmt.Println("workers:", w0, w1)
	fmt.Println("one leader:", winners[0] != winners[1], winners[leader.(int)])
	// Output:
	// workers: 0 1
	// one leader: true true
}
