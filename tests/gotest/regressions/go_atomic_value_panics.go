// atomic.Value's other refusals, each an ordinary recoverable panic as in Go 1.19: Swap and
// CompareAndSwap of nil, CompareAndSwap whose old and new differ in type, and Swap or
// CompareAndSwap of another type than the stored one.
package main

import (
	"fmt"
	"sync/atomic"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T %v\n", name, r, r)
	}()
	f()
}

func main() {
	var v atomic.Value
	try("swap nil", func() { v.Swap(nil) })
	try("cas nil", func() { v.CompareAndSwap(nil, nil) })
	try("cas mixed", func() { v.CompareAndSwap(1, "a") })
	fmt.Println("cas empty:", v.CompareAndSwap(nil, 7), v.Load())
	try("swap type", func() { v.Swap("s") })
	try("cas type", func() { v.CompareAndSwap("a", "b") })
	try("store type", func() { v.Store(int64(7)) })
	fmt.Println("still:", v.Load())
	var w atomic.Value
	w.Store(nil)
}
