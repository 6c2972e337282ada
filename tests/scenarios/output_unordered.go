// The same two goroutines with an Unordered output block: any order of the
// two lines matches.
package main

//lockstep:expect none

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
	// Unordered output:
	// second
	// first
}
