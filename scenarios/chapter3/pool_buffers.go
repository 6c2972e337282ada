// Filename: pool_buffers.go
// sync.Pool used the way the chapter recommends: the program's output does
// not depend on whether a buffer was reused. Two goroutines format their
// items with pooled buffers; Put(x) happens before the Get that returns x, so
// a buffer handed from one goroutine to the other is not a race. Every Get
// choice (pooled buffer or New) gives the same lines.
package main

//lockstep:expect none

import (
	"bytes"
	"fmt"
	"sync"
)

var bufferPool = sync.Pool{
	New: func() interface{} {
		return new(bytes.Buffer)
	},
}

func processData(data string) string {
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	buf.WriteString("Processed: ")
	buf.WriteString(data)
	result := buf.String()
	bufferPool.Put(buf)
	return result
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Println(processData(fmt.Sprintf("data-%d", id)))
		}(i)
	}
	wg.Wait()
	// Unordered output:
	// Processed: data-0
	// Processed: data-1
}
