// GO 1.19.8 observed: default (200 runs): copy's Wait returned\noriginal's Wait returned\nruns = 101\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): copy's Wait returned\noriginal's Wait returned\nruns = 101\n [rc=0] x100 || GOMAXPROCS=4 (100 runs): copy's Wait returned\noriginal's Wait returned\nruns = 101\n [rc=0] x100 || -race (25 runs): copy's Wait returned\noriginal's Wait returned\nruns = 101\n [rc=0] x25
// Copies copy state: a copied WaitGroup keeps its counter (the copy's own Dones release the
// copy's Wait), a Once copied after Do stays done, one copied before Do is not done.
// lockstep once started every copy fresh (counter 0, Once not done): the copy's Dones were a
// negative-waitgroup and the done copy ran its function (runs = 111).
// Header: go run, 200 runs default, 100 each GOMAXPROCS=1 and 4, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	wg   sync.WaitGroup
	once sync.Once
}

func main() {
	var j job
	j.wg.Add(2)
	k := j // the copy's counter is 2 too
	k.wg.Done()
	k.wg.Done()
	k.wg.Wait() // returns: the copy's own counter reached zero
	fmt.Println("copy's Wait returned")
	j.wg.Done()
	j.wg.Done()
	j.wg.Wait()
	fmt.Println("original's Wait returned")

	runs := 0
	fresh := j.once // copied before Do: not done
	j.once.Do(func() { runs++ })
	done := j.once // copied after Do: done
	done.Do(func() { runs += 10 })
	fresh.Do(func() { runs += 100 })
	fmt.Println("runs =", runs)
}
