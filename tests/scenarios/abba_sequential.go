// Opposite lock orders in two goroutines that never run at the same time:
// main waits for the first transfer before starting the second. This program
// cannot deadlock, but its lock-order graph has the cycle A->B->A with edges
// from different goroutines and no common gate lock, so lockstep warns of a
// lock-order inversion (a potential deadlock: the same two functions called
// concurrently elsewhere would deadlock). A warning, not a deadlock.
package main

//lockstep:expect lock-order-inversion

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

	wg.Add(1)
	go func() { defer wg.Done(); transfer(a, b, 10) }()
	wg.Wait()

	wg.Add(1)
	go func() { defer wg.Done(); transfer(b, a, 20) }()
	wg.Wait()

	fmt.Println(a.balance, b.balance)
	// Output:
	// 110 90
}
