// The locked counter, 3 goroutines x 2 locked increments: (3*2)!/(2!^3) = 90 lock orders.
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 2; j++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("Final count:", counter)
	// Output:
	// Final count: 6
}
