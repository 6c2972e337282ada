// float32 values print as float32 (shortest repr that round-trips at 32 bits).
// Go 1.19 (GO111MODULE=off go run FILE) prints "0.33333334 0.2 0.20000000298023224\n0.33333334 0.2\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "0.3333333432674408 0.20000000298023224 0.20000000298023224\n0.3333333432674408 0.20000000298023224\n" and exits 0.
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
	var c float32 = 1.0 / 3
	var f float32 = 0.2
	fmt.Println(c, f, float64(f))
	fmt.Printf("%v %g\n", c, f)
}
