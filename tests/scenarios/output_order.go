// An ordered Output block for output whose order is not fixed: the two
// goroutines print in either order, so the interleaving where the second
// prints first does not match.
// Real Go: with GOMAXPROCS=1 the goroutine started last runs first, so every
// such run prints "second" first and mismatches.
package main

//lockstep:expect output-mismatch

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, word := range []string{"first", "second"} {
		wg.Add(1)
		go func(word string) {
			defer wg.Done()
			fmt.Println(word)
		}(word)
	}
	wg.Wait()
	// Output:
	// first
	// second
}
