// Arrays as values (Go's test/range.go, bigmap.go, const4.go, convert4.go, closure2.go):
// range over an array ranges over a copy; `k, v = range` assigns both left operands as a
// parallel assignment; a function's array result can be indexed and ranged; len of an
// array pointer is its length even when nil; a slice converts to an array pointer.
// lockstep ranged over the live array, indexed with the new key, and rejected the rest.
package main

import "fmt"

func three() [3]int { return [3]int{1, 2, 3} }

func main() {
	a := [3]int{1, 2, 3}
	for i, v := range a {
		a[2] = 100 // not seen: the loop ranges over a copy
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(a)
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
	}
	fmt.Println(i, x)
	fmt.Println(three()[1], len(three()))
	s := 0
	for _, v := range three() {
		s += v
	}
	fmt.Println(s)
	var p *[40]int
	fmt.Println(len(p), cap(p))
	b := []byte{1, 2, 3, 4}
	q := (*[2]byte)(b)
	q[0] = 9
	fmt.Println(b, len(q))
	defer func() { fmt.Println(recover()) }()
	_ = (*[5]byte)(b)
}
