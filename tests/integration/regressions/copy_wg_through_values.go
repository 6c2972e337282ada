// GO 1.19.8 observed: default (200 runs): original: Wait returned\ncopy at zero: Wait returned\nchannel copy: Wait returned after its own Done\ncopy() copy: Wait returned after its own Done\n<<fatal error: all goroutines are asleep - deadlock!>> [rc=2] x200 || GOMAXPROCS=1 (100 runs): original: Wait returned\ncopy at zero: Wait returned\nchannel copy: Wait returned after its own Done\ncopy() copy: Wait returned after its own Done\n<<fatal error: all goroutines are asleep - deadlock!>> [rc=2] x100 || -race (25 runs): <<HANG>> x25
// A WaitGroup copied through a channel, an interface and copy() keeps its counter: the
// copy received from the channel needs its own Done (a fresh copy would panic with a
// negative counter), a copy of a WaitGroup at zero waits for nothing, and a Wait on the
// boxed copy blocks for ever although the original's Done ran. go vet flags the
// receive, the boxing, the slice literal and the assertions (not the send, nor copy()).
// Header: go run, 200 runs default, 100 GOMAXPROCS=1, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

type task struct {
	wg sync.WaitGroup
}

func main() {
	var t task
	t.wg.Add(1)
	ch := make(chan task, 1)
	ch <- t
	var boxed interface{} = t
	copies := make([]task, 1)
	copy(copies, []task{t})
	t.wg.Done()
	t.wg.Wait()
	fmt.Println("original: Wait returned")

	var zero task
	var zeroBox interface{} = zero
	z := zeroBox.(task)
	z.wg.Wait()
	fmt.Println("copy at zero: Wait returned")

	got := <-ch
	got.wg.Done()
	got.wg.Wait()
	fmt.Println("channel copy: Wait returned after its own Done")

	copies[0].wg.Done()
	copies[0].wg.Wait()
	fmt.Println("copy() copy: Wait returned after its own Done")

	b := boxed.(task)
	b.wg.Wait() // the counter is 1 and nobody calls Done: deadlock
	fmt.Println("unreachable")
}
