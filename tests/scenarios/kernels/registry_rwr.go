// Resource deadlock, RWR: Describe read-locks the registry and calls Len, which
// read-locks it again. Harmless alone, but a Register (a writer) arriving between the two
// RLocks queues, and Go's RWMutex then makes the second RLock wait behind the writer,
// which waits for the first RLock: nobody proceeds. Go 1.19 deadlocks only in that window
// ("fatal error: all goroutines are asleep - deadlock!").
//lockstep:expect recursive-lock
package main

import (
	"fmt"
	"sync"
)

type Registry struct {
	mu       sync.RWMutex
	services map[string]string
}

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.services)
}

func (r *Registry) Describe(name string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	addr, ok := r.services[name]
	if !ok {
		return fmt.Sprintf("%s: unknown (of %d)", name, r.Len())
	}
	return name + " at " + addr
}

func (r *Registry) Register(name, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.services[name] = addr
}

func main() {
	r := &Registry{services: map[string]string{"db": "10.0.0.1"}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println(r.Describe("cache"))
	}()
	go func() {
		defer wg.Done()
		r.Register("cache", "10.0.0.2")
	}()
	wg.Wait()
}
