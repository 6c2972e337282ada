// AB-BA in a crowd: two transfers take locks a and b in opposite orders while two other
// goroutines take turns on an unrelated lock. The deadlock needs the one narrow window
// where each transfer holds its first lock before either takes its second; the other
// goroutines only multiply the interleavings around it.
// Real Go: practically never deadlocks in a plain run (the window is nanoseconds wide).
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
	var other sync.Mutex
	hits := 0
	var wg sync.WaitGroup
	wg.Add(4)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			other.Lock()
			hits++
			other.Unlock()
		}()
	}
	go func() { defer wg.Done(); transfer(a, b, 10) }()
	go func() { defer wg.Done(); transfer(b, a, 20) }()
	wg.Wait()
	fmt.Println(a.balance, b.balance, hits)
}
