// GO 1.19.8 observed: default (3 runs): <<HANG>> x3 || GOMAXPROCS=1 (3 runs): <<HANG>> x3 || GOMAXPROCS=4 (3 runs): <<HANG>> x3 || -race (2 runs): <<HANG>> x2
// main spins for ever with no visible operation after the worker is done: the program
// never ends (Go hangs, no deadlock report since a goroutine runs): a livelock.
// Header: go run with a 2 s timeout, 3 runs each default, GOMAXPROCS=1 and 4, 2 with -race.
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("worker")
		done <- true
	}()
	<-done
	for {
	}
}
