// untyped constant arithmetic is exact.
// Go 1.19 (GO111MODULE=off go run FILE) prints "0.075 -1.7 0.3 1000.3\nfloat64 0.06666666666666667\n98.4000015258789\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "0.075 -1.7000000000000002 0.30000000000000004 1000.3\nfloat64 0.06666666666666667\n98.4000015258789\n" and exits 0.
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
	fmt.Println((0.15 / 2), (-(0.2 * 8.5)), 0.1+0.2, 1000.3)
	x := (0.2 / 3)
	fmt.Printf("%T %v\n", x, x)
	var f float32 = (7 * 0.2) - (-'a')
	fmt.Println(float64(f))
}
