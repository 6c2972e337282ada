// fmt flags, width and precision on integer and float verbs.
// Go 1.19 (GO111MODULE=off go run FILE) prints "-0100000|\n-000001|\n0x70|\n+0x1.2a05f200cp+33|\n-0.8|\n01 ab|\n" and exits 0.
// lockstep (build/lockstep run FILE) prints "-100000|\n-1|\n112|\n0x1.2a05f200cp+33|\n-0.8333333333333333|\n01ab|\n" and exits 0.
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
	var b int16 = -32768
	var a int64 = -1
	var u uint8 = 112
	var x float64 = 1e10 + 1.5
	fmt.Printf("%#.2o|\n", b)
	fmt.Printf("%0.6o|\n", a)
	fmt.Printf("%+#v|\n", u)
	fmt.Printf("%+x|\n", x)
	fmt.Printf("%-.1v|\n", -0.8333333333333333)
	fmt.Printf("% x|\n", []byte{1, 171})
}
