// %x/%X of a float: Go writes the exponent with at least two digits.
// Go 1.19 (GO111MODULE=off go run FILE) prints "0x1.999999999999ap-03|0X1.999999999999AP-03|-0x1.eaaaaap+00\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "0x1.999999999999ap-3|0X1.999999999999AP-3|-0x1.eaaaaap+0\n" and exits 0.
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
	var b float64 = 0.2
	var c float32 = -2.25 + 1.0/3
	fmt.Printf("%x|%X|%x\n", b, b, c)
}
