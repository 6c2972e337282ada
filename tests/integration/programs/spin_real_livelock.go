// Go 1.19: runs forever (both goroutines really write on every iteration).
package main

import "sync/atomic"

func main() {
	var a, b int32
	go func() {
		for {
			atomic.AddInt32(&a, 1)
		}
	}()
	for {
		atomic.AddInt32(&b, 1)
	}
}
