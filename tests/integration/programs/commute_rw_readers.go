// Two readers under RLock and main writing under Lock: the readers' RLocks and
// RUnlocks commute with each other, not with the writer's Lock; which value
// each reader sees depends on where the writer goes.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	v := 0
	seen := make(chan int, 2)
	for i := 0; i < 2; i++ {
		go func() {
			mu.RLock()
			x := v
			mu.RUnlock()
			seen <- x
		}()
	}
	mu.Lock()
	v = 1
	mu.Unlock()
	fmt.Println(<-seen + <-seen)
}
