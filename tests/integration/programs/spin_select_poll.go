// Go 1.19 (go run, 5 runs): prints "stopped 0", exit 0.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	stop := make(chan struct{})
	done := make(chan int, 1)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				done <- n
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	close(stop)
	fmt.Println("stopped", <-done)
}
