// The same misuse through a sync.Locker: the message still names the RWMutex.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	var l sync.Locker = &mu
	fmt.Println("via Locker")
	l.Unlock()
}
