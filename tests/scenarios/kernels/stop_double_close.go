// Non-blocking, misused channel: Stop closes the quit channel, and both the supervisor
// and a failing worker call it. The second close panics. Go 1.19: "panic: close of closed
// channel" on nearly every run (both calls always happen; rarely main exits first, since
// the panicking worker's deferred Done lets Wait return before the panic is printed).
//lockstep:expect panic
package main

import (
	"fmt"
	"sync"
)

type Server struct {
	quit chan struct{}
}

func (s *Server) Stop() {
	close(s.quit)
}

func (s *Server) worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	if id == 1 {
		fmt.Println("worker", id, "failed, stopping")
		s.Stop()
		return
	}
	<-s.quit
}

func main() {
	s := &Server{quit: make(chan struct{})}
	var wg sync.WaitGroup
	for id := 0; id < 2; id++ {
		wg.Add(1)
		go s.worker(id, &wg)
	}
	s.Stop()
	wg.Wait()
	fmt.Println("stopped")
}
