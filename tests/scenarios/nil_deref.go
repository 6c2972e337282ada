// Nil pointer dereference from an ordering assumption: the reader looks up a
// config the writer may not have stored yet; the lookup returns a nil
// *Config and the reader dereferences it. Both map accesses are locked.
// Real Go: panic: runtime error: invalid memory address or nil pointer dereference
// (followed by "[signal SIGSEGV: segmentation violation ...]"); seen in every
// GOMAXPROCS=1 run, where the goroutine started last runs first.
package main

//lockstep:expect panic

import (
	"fmt"
	"sync"
)

type Config struct {
	Port int
}

type Configs struct {
	mu sync.Mutex
	m  map[string]*Config
}

func (c *Configs) Get(name string) *Config {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[name]
}

func (c *Configs) Put(name string, cfg *Config) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[name] = cfg
}

func main() {
	cs := &Configs{m: make(map[string]*Config)}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); cs.Put("db", &Config{Port: 5432}) }()
	go func() { defer wg.Done(); fmt.Println("db port:", cs.Get("db").Port) }()
	wg.Wait()
}
