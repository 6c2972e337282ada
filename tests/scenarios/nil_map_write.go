// Assignment to an entry in a nil map: the Registry's map is never made. The
// writes are properly locked; the bug is the missing make, and the first
// Register to run panics (its deferred Unlock and Done run while unwinding).
// Real Go: panic: assignment to entry in nil map
package main

//lockstep:expect panic

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu    sync.Mutex
	names map[int]string // BUG: never initialised
}

func (r *Registry) Register(id int, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names[id] = name
}

func main() {
	r := &Registry{}
	var wg sync.WaitGroup
	for i, name := range []string{"ann", "bob"} {
		wg.Add(1)
		go func(id int, name string) {
			defer wg.Done()
			r.Register(id, name)
		}(i, name)
	}
	wg.Wait()
	fmt.Println("registered:", len(r.names))
}
