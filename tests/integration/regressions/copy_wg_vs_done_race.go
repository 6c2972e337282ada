// GO 1.19.8 observed: default (200 runs): jobs: 1\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): jobs: 1\n [rc=0] x100 || -race (25 runs): jobs: 1\n [rc=0] x25
// Copying a WaitGroup reads its counter while another goroutine's Done changes it. Go's
// race detector says nothing: Go 1.19's WaitGroup runs its atomics with the detector
// disabled, so only a Mutex's Lock/Unlock count as writes against a copy (see
// copy_vs_lock_order.go). lockstep must not report a data race here either. The copy is
// never waited on, so every run ends normally.
// Header: go run, 200 runs default, 100 GOMAXPROCS=1, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	wg   sync.WaitGroup
	jobs int
}

func main() {
	var s stats
	s.wg.Add(1)
	s.jobs = 1
	go s.wg.Done()
	snapshot := s // copies the WaitGroup while Done may run
	fmt.Println("jobs:", snapshot.jobs)
	s.wg.Wait()
}
