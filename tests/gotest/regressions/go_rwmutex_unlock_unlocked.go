// lockstep printed "fatal error: sync: unlock of unlocked mutex" for an RWMutex that was
// never read-locked; Go 1.19 names the RWMutex: "sync: Unlock of unlocked RWMutex".
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("locked and unlocked once")
	mu.Unlock()
}
