// Panics in deferred calls of a panicking goroutine (Go's g._panic chain): a panic
// recovered inside a deferred call lets the earlier panic go on (lockstep lost it and
// printed "panic: nil"), and a program dying with several panics started prints them
// all, the recovered ones marked (lockstep printed the last one only). Recorded with go
// run (Go 1.19, GOMAXPROCS=1 and 4, and -race, several runs: always the same, exit 2);
// the .out file keeps the whole chain, up to the blank line before the traceback.
package main

import "fmt"

func f() {
	defer func() { fmt.Println("inner recovered", recover()) }()
	panic("P2")
}

func main() {
	defer func() {
		panic(fmt.Sprintf("B%d", 2))
	}()
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic("C")
	}()
	defer func() {
		f()
		fmt.Println("after f")
	}()
	panic("A")
}
