// A WaitGroup passed by value before the Add: the copy's counter is zero, so its Done
// panics with "sync: negative WaitGroup counter" (go vet: passes lock by value).
package main

//lockstep:expect negative-waitgroup copied-lock

import (
	"fmt"
	"sync"
)

func work(wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("work")
}

func main() {
	var wg sync.WaitGroup
	go work(wg)
	wg.Add(1)
	wg.Wait()
}
