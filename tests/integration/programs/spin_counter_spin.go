// Go 1.19 (go run, 5 runs): prints true, exit 0. The loop counter changes the local state
// every iteration, so the loop is never await-blocked: unfair schedules are cut.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var flag int32
	go func() { atomic.StoreInt32(&flag, 1) }()
	i := 0
	for ; atomic.LoadInt32(&flag) == 0; i++ {
		runtime.Gosched()
	}
	fmt.Println(i >= 0)
}
