package main

import (
	"sync"
	"testing"

	"example.com/lockstep/fixture/store"
)

func TestCounter(t *testing.T) {
	var c store.Counter
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
}
