// verbs other than %v apply to the elements of composite values.
// Go 1.19 (GO111MODULE=off go run FILE) prints "[%!f(bool=true) %!f(bool=false)];\n{-3};\n[%!d(string=a)];\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "%!f([2]bool=[true false]);\n%!x(main.T={-3});\n[a];\n" and exits 0.
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
	type T struct{ v int }
	fmt.Printf("%f;\n", [2]bool{true})
	fmt.Printf("%x;\n", T{-3})
	fmt.Printf("%d;\n", []string{"a"})
}
