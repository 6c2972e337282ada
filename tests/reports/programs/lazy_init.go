// Lazy initialization checked and set with no synchronization: two goroutines may both
// see cfg == nil. go run -race reports a DATA RACE on cfg.
package main

//lockstep:expect data-race

import (
	"fmt"
	"sync"
)

type Config struct{ n int }

var cfg *Config

func get() *Config {
	if cfg == nil {
		cfg = &Config{n: 1}
	}
	return cfg
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = get()
		}()
	}
	wg.Wait()
	fmt.Println(cfg.n)
}
