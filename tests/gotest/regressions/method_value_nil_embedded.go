// A method value evaluates its receiver when it is bound: through a nil embedded pointer
// or a nil pointer to a value-receiver method it panics there, not when called (Go's
// test/method5.go). lockstep bound the whole outer value and never panicked.
package main

import "fmt"

type S int

func (s S) M(a int) int { return int(s) + a }

type T struct{ *S }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover() != nil) }()
	f()
}

var f func(int) int

func main() {
	var psv *S
	try("nil *S", func() { f = psv.M })
	try("nil embedded", func() { var t T; f = t.M })
	s := S(5)
	t := T{&s}
	g := t.M
	s = 7 // the receiver was copied at binding time
	fmt.Println(g(1))
}
