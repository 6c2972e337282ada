// The fixed twin of registry_rwr.go: Describe reads len(r.services) itself, under the one
// RLock it already holds, so a pending writer cannot wedge between two read locks.
//lockstep:expect none
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
		return fmt.Sprintf("%s: unknown (of %d)", name, len(r.services))
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
	fmt.Println(r.Len())
}
