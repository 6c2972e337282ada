// fmt.Fprintf to a shared *bytes.Buffer from a goroutine races with main's Fprintln to it,
// and sort.Ints on a slice races with a goroutine reading an element (go run -race reports
// a DATA RACE on both): Fprint* write through the Buffer's Write, a visible write of the
// Buffer; sort.Ints is one visible write of the slice's first element.
package main

import (
	"bytes"
	"fmt"
	"sort"
)

func main() {
	var buf bytes.Buffer
	xs := []int{3, 1, 2}
	done := make(chan bool)
	go func() {
		fmt.Fprintf(&buf, "g%d;", 1)
		_ = xs[0]
		done <- true
	}()
	fmt.Fprintln(&buf, "main")
	sort.Ints(xs)
	<-done
	fmt.Println(buf.Len() > 0, xs)
}
