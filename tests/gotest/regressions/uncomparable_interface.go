// Comparing interfaces holding the same uncomparable dynamic type panics, also when the
// type is a struct with a slice field, and such a value cannot be a map key (Go's
// test/recover2.go). lockstep returned false for the comparison.
package main

import "fmt"

type T struct {
	a int
	c []int
}

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	var z interface{} = T{}
	try(func() { fmt.Println(z == z) })
	try(func() { m := map[interface{}]int{}; m[z] = 1 })
	var w interface{} = 1
	fmt.Println(z == w)
}
