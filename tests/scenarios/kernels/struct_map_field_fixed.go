// The fixed twin of struct_map_field.go: Handle holds the router's mutex like Lookup.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Router struct {
	mu     sync.Mutex
	routes map[string]int
}

func (r *Router) Handle(path string, code int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.routes[path] = code
}

func (r *Router) Lookup(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.routes[path]
}

func main() {
	r := &Router{routes: map[string]int{}}
	var wg sync.WaitGroup
	for _, p := range []string{"/a", "/b"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			r.Handle(p, 200)
		}(p)
	}
	wg.Wait()
	fmt.Println(r.Lookup("/a"), r.Lookup("/b"))
}
