// explicit argument indexes %[n]v.
// Go 1.19 (GO111MODULE=off go run FILE) prints "[3|a]\n64 40 100\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "[%![(string=a)2]v|%![(int=3)1]v]\n%![(int=64)1]d %![(MISSING)1]x %![(MISSING)1]o\n" and exits 0.
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
	fmt.Printf("[%[2]v|%[1]v]\n", "a", 3)
	fmt.Printf("%[1]d %[1]x %[1]o\n", 64)
}
