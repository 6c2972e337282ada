// Go evaluates a call's function value before its arguments, and the operands of index
// expressions on the left of an assignment before any store (Go's test/reorder.go and
// reorder2.go). lockstep evaluated arguments first.
package main

import "fmt"

var log string

type F func(s string) F

func a(s string) F {
	log += "a(" + s + ")"
	return F(a)
}

func b(s string) string {
	log += "b(" + s + ")"
	return s
}

func main() {
	a("3")(b("4"))(b("5"))
	fmt.Println(log)
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = 1, 2
	fmt.Println(i, x)
	m := map[int]int{}
	k := 1
	k, m[k] = 2, 10
	fmt.Println(k, m)
}
