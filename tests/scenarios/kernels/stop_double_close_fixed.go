// The fixed twin of stop_double_close.go: Stop closes the channel through a sync.Once, so
// any number of callers may stop the server.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Server struct {
	quit     chan struct{}
	stopOnce sync.Once
}

func (s *Server) Stop() {
	s.stopOnce.Do(func() { close(s.quit) })
}

func (s *Server) worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	if id == 1 {
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
