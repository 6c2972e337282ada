// The AB-BA transfers again, but main does not wait for them: it returns at
// once. In the interleaving where the two transfers deadlock, main has
// already returned, so the two stuck goroutines are a goroutine leak, not a
// deadlock (Go only calls it a deadlock when every goroutine, main included,
// is blocked). The lock-order cycle is reported as well.
// Real Go: always exits 0 with "started"; the process ends with main.
package main

//lockstep:expect goroutine-leak lock-order-inversion

import (
	"fmt"
	"sync"
)

var a, b sync.Mutex

func main() {
	go func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		b.Lock()
		a.Lock()
		a.Unlock()
		b.Unlock()
	}()
	fmt.Println("started")
	// Output:
	// started
}
