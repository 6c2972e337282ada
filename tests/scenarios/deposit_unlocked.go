// Two depositors add to a shared balance with no lock: `balance += amount`
// is a read and a write, and both goroutines can read 100 before either
// writes, so one deposit is lost.
// Real Go: -race reports the race in every run; plain runs print 135 almost
// always (the goroutines never overlap in practice).
package main

//lockstep:expect data-race lost-update

import (
	"fmt"
	"sync"
)

func main() {
	balance := 100
	var wg sync.WaitGroup
	for _, amount := range []int{10, 25} {
		wg.Add(1)
		go func(amount int) {
			defer wg.Done()
			balance += amount
		}(amount)
	}
	wg.Wait()
	fmt.Println("balance:", balance) // 135, or 110 / 125 when a deposit is lost
}
