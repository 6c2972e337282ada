// Communication deadlock, condition variable: the waiter calls Wait without checking a
// predicate first. If the starter's Signal comes before the waiter reaches Wait, the
// signal is lost (Signal wakes only goroutines already waiting) and the waiter sleeps for
// ever. Go 1.19 (go run, GOMAXPROCS=1 and 4): with the time.Sleep standing for the
// waiter's setup work, "fatal error: all goroutines are asleep - deadlock!" on every run.
//lockstep:expect deadlock
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
	g.cond.Wait() // bug: no `for !g.open` around it
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
