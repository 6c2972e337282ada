// The fixed twin of ledger_abba.go: both accounts are locked in id order, whatever the
// direction of the transfer, so the lock-order graph has no cycle.
//lockstep:expect none
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	id      int
	mu      sync.Mutex
	balance int
}

func Transfer(from, to *Account, amount int) bool {
	first, second := from, to
	if second.id < first.id {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if from.balance < amount {
		return false
	}
	from.balance -= amount
	to.balance += amount
	return true
}

func main() {
	alice := &Account{id: 1, balance: 100}
	bob := &Account{id: 2, balance: 50}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		Transfer(alice, bob, 30)
	}()
	go func() {
		defer wg.Done()
		Transfer(bob, alice, 20)
	}()
	wg.Wait()
	fmt.Println(alice.balance + bob.balance)
}
