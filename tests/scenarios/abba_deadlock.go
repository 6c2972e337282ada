// Two transfers take the same two locks in opposite orders (A then B, B then
// A). They deadlock only in one narrow interleaving: the first transfer holds
// A and the second holds B before either takes its second lock. In every
// other interleaving one transfer takes both locks first and both finish.
// The cycle A->B->A in the lock-order graph is also reported on its own.
// Real Go: the window between the two Lock calls is a few nanoseconds;
// plain runs practically never deadlock; the slower -race runs hang now and
// then (a deadlock under -race hangs instead of failing, golang/go#20588).
// Widening the window with a time.Sleep between the two Locks gives, every
// time,
//
//	fatal error: all goroutines are asleep - deadlock!
package main

//lockstep:expect deadlock lock-order-inversion

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *Account, amount int) {
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
}
