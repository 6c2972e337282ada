// A lock never released on one return path: Take returns false for an item
// out of stock without unlocking. If the "pear" request runs first, it
// leaves mu locked, the "apple" request blocks in Lock forever and main
// blocks in wg.Wait: every goroutine is asleep. If "apple" runs first, both
// return and the program ends normally (with mu still locked).
// Real Go: deadlocks whenever "pear" gets the lock first, which is every run
// with GOMAXPROCS=1 (the goroutine started last runs first) and some runs
// otherwise:  fatal error: all goroutines are asleep - deadlock!
package main

//lockstep:expect deadlock

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
	if inv.stock[item] == 0 {
		return false // BUG: returns with mu held
	}
	inv.stock[item]--
	inv.mu.Unlock()
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
}
