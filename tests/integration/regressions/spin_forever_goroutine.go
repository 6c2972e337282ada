// GO 1.19.8 observed: default (200 runs): worker\nmain done\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): worker\nmain done\n [rc=0] x100 || GOMAXPROCS=4 (100 runs): worker\nmain done\n [rc=0] x100 || -race (25 runs): worker\nmain done\n [rc=0] x25
// A goroutine spinning for ever with no visible operation (`for {}`) changes nothing any
// other goroutine can see; Go 1.19's preemptive scheduler runs the others meanwhile, and
// the program ends when main returns. lockstep once called the `for {}` a livelock at once.
// Header: go run, 200 runs default, 100 each GOMAXPROCS=1 and 4, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	go func() {
		for {
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("worker")
	}()
	wg.Wait()
	fmt.Println("main done")
}
