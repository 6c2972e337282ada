// Take fixed with defer: the out-of-stock return releases the lock too.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	stock map[string]int
}

func (inv *Inventory) Take(item string) bool {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[item] == 0 {
		return false
	}
	inv.stock[item]--
	return true
}

func main() {
	inv := &Inventory{stock: map[string]int{"apple": 1}}
	var wg sync.WaitGroup
	for _, item := range []string{"apple", "pear"} {
		wg.Add(1)
		go func(item string) {
			defer wg.Done()
			inv.Take(item)
		}(item)
	}
	wg.Wait()
	fmt.Println("apples left:", inv.stock["apple"])
	// Output:
	// apples left: 0
}
