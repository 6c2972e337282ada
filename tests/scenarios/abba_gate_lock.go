// Opposite lock orders for A and B, but both transfers first take the same
// gate lock G, so only one of them is ever between its two inner Locks. The
// A->B->A cycle is guarded by G (the held sets share G): no deadlock is
// possible and no lock-order inversion should be reported (the GoodLock
// "gate lock" exclusion).
package main

//lockstep:expect none

import (
	"fmt"
	"sync"
)

var gate sync.Mutex

type Account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *Account, amount int) {
	gate.Lock()
	defer gate.Unlock()
	from.mu.Lock()
	to.mu.Lock()
	from.balance -= amount
	to.balance += amount
	to.mu.Unlock()
	from.mu.Unlock()
}

func main() {
	a := &Account{balance: 100}
	b := &Account{balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); transfer(a, b, 10) }()
	go func() { defer wg.Done(); transfer(b, a, 20) }()
	wg.Wait()
	fmt.Println(a.balance, b.balance)
	// Output:
	// 110 90
}
