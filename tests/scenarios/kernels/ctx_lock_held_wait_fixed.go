// The fixed twin of ctx_lock_held_wait.go: the session waits for the
// cancellation first and takes its mutex only to read the reason.
// Real Go: prints "closed: shutdown".
package main

//lockstep:expect none

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
	<-ctx.Done()
	s.mu.Lock()
	fmt.Println("closed:", s.reason)
	s.mu.Unlock()
}
