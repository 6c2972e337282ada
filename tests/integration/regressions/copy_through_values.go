// GO 1.19.8 observed: default (200 runs): chan: false map: false iface: false append: false\ncopy(): false true overlap: false true\nreturn: false\nrange 0 true\nrange 1 false\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): chan: false map: false iface: false append: false\ncopy(): false true overlap: false true\nreturn: false\nrange 0 true\nrange 1 false\n [rc=0] x100 || -race (25 runs): chan: false map: false iface: false append: false\ncopy(): false true overlap: false true\nreturn: false\nrange 0 true\nrange 1 false\n [rc=0] x25
// Copies copy state through every way a value travels: a struct holding a Mutex sent on
// a channel and received, stored into and loaded from a map, boxed into an interface and
// asserted back, appended to a slice, copied with copy() (overlapping too), returned by
// value, and a range value variable. Each copy was taken while the original was locked,
// so it is locked (TryLock fails); copies of free Mutexes are free. go vet flags the
// receive, the map store and load, the boxing and assertion, append, the return and the
// range variable (not the send, nor copy()); lockstep once started the copies made
// through a channel, a map, an interface, append or copy() fresh.
// Header: go run, 200 runs default, 100 GOMAXPROCS=1, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	mu sync.Mutex
	n  int
}

var global guarded

func snapshot() guarded { return global }

func main() {
	var a guarded
	a.mu.Lock()
	ch := make(chan guarded, 1)
	ch <- a
	m := map[string]guarded{}
	m["a"] = a
	var boxed interface{} = a
	s := append([]guarded(nil), a)
	a.mu.Unlock()

	viaChan := <-ch
	viaMap := m["a"]
	viaIface := boxed.(guarded)
	fmt.Println("chan:", viaChan.mu.TryLock(), "map:", viaMap.mu.TryLock(), "iface:", viaIface.mu.TryLock(), "append:", s[0].mu.TryLock())

	src := make([]guarded, 3)
	src[0].mu.Lock()
	dst := make([]guarded, 2)
	copy(dst, src)
	copy(src[1:], src) // overlapping: src[1] copies src[0] as it was (locked)
	src[0].mu.Unlock()
	fmt.Println("copy():", dst[0].mu.TryLock(), dst[1].mu.TryLock(), "overlap:", src[1].mu.TryLock(), src[2].mu.TryLock())

	global.mu.Lock()
	r := snapshot()
	global.mu.Unlock()
	fmt.Println("return:", r.mu.TryLock())

	items := make([]guarded, 2)
	items[1].mu.Lock()
	for i, it := range items {
		fmt.Println("range", i, it.mu.TryLock())
	}
}
