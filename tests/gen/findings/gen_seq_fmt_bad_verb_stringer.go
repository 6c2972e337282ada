// a bad verb on a Stringer prints the underlying value, not String().
// Go 1.19 (GO111MODULE=off go run FILE) prints "%!g(main.Color=7)|7\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "%!g(main.Color=Color(7))|7\n" and exits 0.
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
	fmt.Printf("%g|%d\n", Color(7), Color(7))
}
