// Filename: pool_example.go
// The chapter's sync.Pool example (3 items instead of 5) with the output the
// chapter promises: "Only one buffer created! It gets reused across all
// calls." That promise does not hold: the chapter itself says "Pool contents
// may be cleared at any garbage collection" and "the pool is a hint, not a
// cache". A Get after the Put may return the pooled buffer or call New again.
// lockstep explores both choices at every Get, so the execution where the
// second Get creates a second buffer prints "Creating new buffer" twice and
// does not match the Output block.
//
// Real Go: plain `go run` matches the block (no GC happens in between), but
// `go run -race` does not, in some runs: under the race detector Pool.Put
// deliberately drops a quarter of the objects it is given, to flush out code
// that relies on reuse.
package main

//lockstep:expect output-mismatch

import (
	"bytes"
	"fmt"
	"sync"
)

var bufferPool = sync.Pool{
	New: func() interface{} {
		fmt.Println("Creating new buffer") // Track allocations
		return new(bytes.Buffer)
	},
}

func processData(data string) string {
	// Get buffer from pool (or create new if pool empty)
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset() // Clear previous contents

	// Use the buffer
	buf.WriteString("Processed: ")
	buf.WriteString(data)
	result := buf.String()

	// Return buffer to pool for reuse
	bufferPool.Put(buf)
	return result
}

func main() {
	// Process several items
	for i := 0; i < 3; i++ {
		result := processData(fmt.Sprintf("data-%d", i))
		fmt.Println(result)
	}
	// Output:
	// Creating new buffer
	// Processed: data-0
	// Processed: data-1
	// Processed: data-2
}
