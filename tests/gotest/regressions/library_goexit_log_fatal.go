// runtime.Goexit in a goroutine runs its deferred calls and ends it (the WaitGroup's
// deferred Done still runs); a recover in a deferred call does not stop a Goexit;
// log.Fatalf prints its line to stderr and exits 1 without running deferred calls.
package main

import (
	"fmt"
	"log"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { fmt.Println("recover:", recover()) }()
		defer fmt.Println("g defer")
		func() {
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	wg.Wait()
	log.SetFlags(0)
	defer fmt.Println("main defer: not run by log.Fatal")
	log.Fatalf("fatal %d", 1)
}
