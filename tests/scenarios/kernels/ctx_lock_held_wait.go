// A session holds its mutex while it waits for its context to be canceled; the
// goroutine that would cancel it first takes the same mutex to record why.
// Neither can go on.
// Real Go: go run always ends with "fatal error: all goroutines are asleep -
// deadlock!".
package main

//lockstep:expect deadlock lock-held-blocking

import (
	"context"
	"fmt"
	"sync"
)

type session struct {
	mu     sync.Mutex
	reason string
}

func main() {
	s := &session{}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		s.mu.Lock()
		s.reason = "shutdown"
		s.mu.Unlock()
		cancel()
	}()
	s.mu.Lock()
	<-ctx.Done() // waits with the lock held
	fmt.Println("closed:", s.reason)
	s.mu.Unlock()
}
