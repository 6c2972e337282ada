// `recover() != nil` as an argument, in a deferred call that recovers: the comparison of
// interfaces ran while the goroutine was still panicking and was taken for a new panic,
// leaving the stack one operand off (the call printed "R 1 true" without its first
// argument).
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover() != nil) }()
	f()
}

func main() {
	var p *int
	try("nil deref", func() { _ = *p })
	try("no panic", func() {})
	defer func() { fmt.Println("main", "R", recover() != nil) }()
	panic(1)
}
