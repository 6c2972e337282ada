// The fixed twin of cond_lost_wakeup.go: Await waits only while the gate is closed, so a
// Signal sent before it arrives is not needed.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
	"time"
)

type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func (g *Gate) Open() {
	g.mu.Lock()
	g.open = true
	g.cond.Signal()
	g.mu.Unlock()
}

func (g *Gate) Await() {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func main() {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	done := make(chan struct{})
	go func() {
		time.Sleep(10 * time.Millisecond) // setup work
		g.Await()
		close(done)
	}()
	g.Open()
	<-done
	fmt.Println("passed the gate")
}
