// Go 1.19 (go run, 5 runs): prints 1, exit 0.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	x := 0
	mu.Lock()
	go func() {
		x = 1
		mu.Unlock()
	}()
	for !mu.TryLock() {
	}
	fmt.Println(x)
	mu.Unlock()
}
