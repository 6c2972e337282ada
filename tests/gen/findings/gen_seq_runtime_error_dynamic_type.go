// recovered runtime errors have Go's dynamic types (%T).
// Go 1.19 (GO111MODULE=off go run FILE) prints "runtime.boundsError: runtime error: index out of range [5] with length 1\nruntime.errorString: runtime error: integer divide by zero\nruntime.errorString: runtime error: invalid memory address or nil pointer dereference\n*runtime.TypeAssertionError: interface conversion: interface {} is string, not int\nruntime.plainError: assignment to entry in nil map\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "runtime.Error: runtime error: index out of range [5] with length 1\nruntime.Error: runtime error: integer divide by zero\nruntime.Error: runtime error: invalid memory address or nil pointer dereference\nruntime.Error: interface conversion: interface {} is string, not int\nruntime.Error: assignment to entry in nil map\n" and exits 0.
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
	f := func(g func()) {
		defer func() {
			e := recover()
			fmt.Printf("%T: %v\n", e, e)
		}()
		g()
	}
	f(func() { s := []int{1}; i := 5; _ = s[i] })
	f(func() { a, b := 1, 0; _ = a / b })
	f(func() { var p *struct{ X int }; _ = p.X })
	f(func() { var e interface{} = "s"; _ = e.(int) })
	f(func() { var m map[string]int; m["a"] = 1 })
}
