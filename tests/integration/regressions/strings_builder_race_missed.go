// lockstep wrong result: "verified" although the goroutine's b.Grow/b.WriteByte race with main's b.Len() (go run -race reports a DATA RACE); also bytes.Buffer.Write against Reset. strings.Builder and bytes.Buffer methods were not visible operations.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	var w bytes.Buffer
	done := make(chan bool)
	go func() {
		b.Grow(4)
		b.WriteByte('x')
		w.Write([]byte("ab"))
		done <- true
	}()
	n := b.Len()
	w.Reset()
	<-done
	fmt.Println(n, w.Len())
}
