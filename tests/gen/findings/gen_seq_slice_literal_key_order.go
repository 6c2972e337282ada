// slice and array literals with keys in any order (valid Go rejected).
// Go 1.19 (GO111MODULE=off go run FILE) prints "[\"a\" \"\" \"c\"] 3\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "" and exits 2, stderr "gen_seq_slice_literal_key_order.go:15:16: unsupported: slice literal with out-of-order keys\n\t\ts := []string{2: \"c\", 0: \"a\"}\n\t\t              ^\n".
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
	s := []string{2: "c", 0: "a"}
	fmt.Printf("%q %d\n", s, len(s))
}
