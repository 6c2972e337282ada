// Go 1.19: prints "child", then main polls forever (hangs: no goroutine ever sets the flag).
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var flag int32
	go func() {
		fmt.Println("child")
	}()
	for atomic.LoadInt32(&flag) == 0 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("never")
}
