// Go 1.19 (go run, 5 runs): prints 42, exit 0 (-race reports the race on ready and data).
package main

import (
	"fmt"
	"runtime"
)

var data int
var ready bool

func main() {
	go func() {
		data = 42
		ready = true
	}()
	for !ready {
		runtime.Gosched()
	}
	fmt.Println(data)
}
