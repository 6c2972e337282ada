// GO 1.19.8 observed: default (200 runs): copy of locked Mutex: TryLock = false\noriginal: locked again\ncopy of free Mutex: TryLock = true\ncopy of RLocked RWMutex: TryLock = false TryRLock = true\ncopy: TryLock after both RUnlocks = true\n [rc=0] x200 || GOMAXPROCS=1 (100 runs): copy of locked Mutex: TryLock = false\noriginal: locked again\ncopy of free Mutex: TryLock = true\ncopy of RLocked RWMutex: TryLock = false TryRLock = true\ncopy: TryLock after both RUnlocks = true\n [rc=0] x100 || GOMAXPROCS=4 (100 runs): copy of locked Mutex: TryLock = false\noriginal: locked again\ncopy of free Mutex: TryLock = true\ncopy of RLocked RWMutex: TryLock = false TryRLock = true\ncopy: TryLock after both RUnlocks = true\n [rc=0] x100 || -race (25 runs): copy of locked Mutex: TryLock = false\noriginal: locked again\ncopy of free Mutex: TryLock = true\ncopy of RLocked RWMutex: TryLock = false TryRLock = true\ncopy: TryLock after both RUnlocks = true\n [rc=0] x25
// Copies copy state: a copy of a locked Mutex is locked, a copy of a read-locked RWMutex
// holds that read lock (go vet flags both copies; lockstep reports them as copied-lock).
// lockstep once started every copy fresh (unlocked), so the copy's TryLock succeeded.
// Header: go run, 200 runs default, 100 each GOMAXPROCS=1 and 4, 25 with -race.
package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	mu sync.Mutex
	n  int
}

type table struct {
	rw   sync.RWMutex
	rows int
}

func main() {
	var a guarded
	a.mu.Lock()
	b := a // copies the lock word: b.mu is locked
	a.mu.Unlock()
	fmt.Println("copy of locked Mutex: TryLock =", b.mu.TryLock())
	a.mu.Lock()
	fmt.Println("original: locked again")
	a.mu.Unlock()

	var free guarded
	c := free // copy of an unlocked Mutex: unlocked
	fmt.Println("copy of free Mutex: TryLock =", c.mu.TryLock())

	var t table
	t.rw.RLock()
	u := t // a read-locked RWMutex: the copy has one reader
	t.rw.RUnlock()
	fmt.Println("copy of RLocked RWMutex: TryLock =", u.rw.TryLock(), "TryRLock =", u.rw.TryRLock())
	u.rw.RUnlock()
	u.rw.RUnlock() // the reader the copy inherited
	fmt.Println("copy: TryLock after both RUnlocks =", u.rw.TryLock())
}
