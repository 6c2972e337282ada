// %T of a recovered run-time panic is the type Go's runtime panics with: runtime.plainError
// (maps, channels), runtime.boundsError, runtime.errorString (nil dereference, divide by
// zero), *runtime.TypeAssertionError.
package main

import "fmt"

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%T: %v\n", r, r)
	}()
	f()
}

func main() {
	var m map[string]int
	var s []int
	var p *int
	var i interface{} = "x"
	z := 0
	c := make(chan int)
	close(c)
	try(func() { m["a"] = 1 })
	try(func() { _ = s[3] })
	try(func() { _ = s[1:5] })
	try(func() { _ = *p })
	try(func() { _ = i.(int) })
	try(func() { _ = 1 / z })
	try(func() { close(c) })
	try(func() { c <- 1 })
	var nc chan int
	try(func() { close(nc) })
}
