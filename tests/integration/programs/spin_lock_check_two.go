// Go 1.19 (go run, 5 runs): prints ok, exit 0.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	set := false
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				s := set
				mu.Unlock()
				if s {
					return
				}
			}
		}()
	}
	mu.Lock()
	set = true
	mu.Unlock()
	wg.Wait()
	fmt.Println("ok")
}
