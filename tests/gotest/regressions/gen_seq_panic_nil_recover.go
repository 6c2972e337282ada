// panic(nil): recover() returns nil in Go 1.19.
// Go 1.19 (GO111MODULE=off go run FILE) prints "result 5\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "recovered <nil>: <nil>\nresult -1\n" and exits 0.
// Found by tests/gen (sequential generator: batches of seeds 1-3, 30 functions each); this
// file gathers the minimized cases of the class (tests/gen/lib/features.cpp excludes the
// class from the CI batch until it is fixed).
package main

import (
	"errors"
	"fmt"
)

type Color uint8

func (c Color) String() string { return fmt.Sprintf("Color(%d)", uint8(c)) }

var _ = errors.New

func main() {
	f := func() (r int) {
		defer func() {
			if e := recover(); e != nil {
				fmt.Printf("recovered %T: %v\n", e, e)
				r = -1
			}
		}()
		r = 5
		panic(nil)
	}
	fmt.Println("result", f())
}
