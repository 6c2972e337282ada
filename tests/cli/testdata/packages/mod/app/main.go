package main

import (
	"fmt"
	"sync"

	"example.com/lockstep/fixture/store"
)

var started = trace()

func trace() bool {
	fmt.Println("var main.started")
	return true
}

func init() { fmt.Println("init main") }

func main() {
	s := store.New()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Put(fmt.Sprint(i), i)
		}(i)
	}
	wg.Wait()
	fmt.Println(store.Registry, store.Limit, s.Len(), started)
}
