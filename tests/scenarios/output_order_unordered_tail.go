// Three goroutines print in an order only partly fixed: "start" comes first
// (main prints it before starting anyone), the two workers print in either
// order, and main prints "end" after both. The ordered Output block admits
// one order of the workers; Go can print the other.
// Real Go: with GOMAXPROCS=1 the worker started last runs first, so every
// such run prints "b" before "a" and mismatches.
package main

//lockstep:expect output-mismatch

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("start")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); fmt.Println("a") }()
	go func() { defer wg.Done(); fmt.Println("b") }()
	wg.Wait()
	fmt.Println("end")
	// Output:
	// start
	// a
	// b
	// end
}
