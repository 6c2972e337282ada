// two-phase assignment: index operands are evaluated before any assignment.
// Go 1.19 (GO111MODULE=off go run FILE) prints "2 [9 2 3]\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "2 [1 2 9]\n" and exits 0.
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
	i := 0
	s := []int{1, 2, 3}
	i, s[i] = 2, 9
	fmt.Println(i, s)
}
