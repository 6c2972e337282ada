// range over an array ranges over a copy.
// Go 1.19 (GO111MODULE=off go run FILE) prints "3\n0 {1 1}\n1 {2 2}\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "10\n0 {1 1}\n1 {100 2}\n" and exits 0.
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
	a := [3]int{1, 2, 3}
	for i, v := range a {
		a[2] = 10
		if i == 2 {
			fmt.Println(v)
		}
	}
	type P struct{ X, Y int }
	arr := [...]P{{1, 1}, {2, 2}}
	for i, p := range arr {
		arr[1].X = 100
		fmt.Println(i, p)
	}
}
