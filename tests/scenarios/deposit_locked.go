// The same two deposits, each read-add-write inside one critical section.
// The final read is ordered after both deposits by wg.Wait.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	balance := 100
	var wg sync.WaitGroup
	for _, amount := range []int{10, 25} {
		wg.Add(1)
		go func(amount int) {
			defer wg.Done()
			mu.Lock()
			balance += amount
			mu.Unlock()
		}(amount)
	}
	wg.Wait()
	fmt.Println("balance:", balance)
	// Output:
	// balance: 135
}
