// Dropped Adds beside an Add whose sum is used, a Load and a CompareAndSwap:
// only the dropped Adds commute with each other; what the others see depends
// on the order, and every outcome must be explored.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var wg sync.WaitGroup
	wg.Add(4)
	go func() {
		defer wg.Done()
		atomic.AddInt64(&n, 1)
	}()
	go func() {
		defer wg.Done()
		atomic.AddInt64(&n, 2)
	}()
	go func() {
		defer wg.Done()
		if v := atomic.AddInt64(&n, 4); v >= 6 {
			fmt.Println("third saw", v)
		}
	}()
	go func() {
		defer wg.Done()
		if atomic.CompareAndSwapInt64(&n, 3, 100) {
			fmt.Println("cas")
		}
		fmt.Println("load", atomic.LoadInt64(&n) > 50)
	}()
	wg.Wait()
	fmt.Println("n", atomic.LoadInt64(&n))
}
